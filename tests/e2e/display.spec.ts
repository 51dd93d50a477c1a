import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * The waiting room and the queue's actions, as people use them, on three computers: the
 * front desk (operator), the presiding official's desk and the TV in the waiting room (a
 * display user). The TV shows the board without any personal data; a call at the desk
 * appears on it within a second, with the chime and the spoken call, highlighted; the next
 * numbers and how many are ahead of each are right. Recall, skip, no-show and requeue,
 * another priority with a reason, cancel with a reason and transfer to another desk work from
 * the queue screen, and the queue figures follow. When the host goes down the TV says so
 * instead of showing stale numbers, and after the host is back it shows the next call by
 * itself, without a reload.
 */

/**
 * Chromium's autoplay policy, for a page that runs this before its own scripts: no sound until a
 * person has touched the page (headless Chromium allows sound anyway, whatever the switches,
 * and counts a popup opened by a click as activated).
 * Media elements refuse to play with NotAllowedError; an AudioContext stays suspended.
 */
const EMULATE_AUTOPLAY_POLICY = `(() => {
  let touched = false;
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, (e) => { if (e.isTrusted) touched = true; }, true);
  const allowed = () => touched;
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    return allowed() ? play.call(this) : Promise.reject(new DOMException('play() failed because the user did not interact with the document first.', 'NotAllowedError'));
  };
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    get state() { return allowed() ? super.state : 'suspended'; }
    resume() { return allowed() ? super.resume() : new Promise(() => undefined); }
  };
})();`;

let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station.stop();
});

const PASSWORD = 'secret-pass-1';
/** Set DISPLAY_SHOTS=0 to skip the screenshots (saved to /tmp/display-shots). */
const SHOTS = process.env.DISPLAY_SHOTS === '0' ? null : '/tmp/display-shots';

const tehranToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());

/** A valid national ID (check digit by the weighted sum mod 11) from nine digits. */
function nationalId(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

async function signIn(page: Page, username: string) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function newPage(browser: Browser, viewport = { width: 1366, height: 860 }) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** The waiting numbers in order, as `ticket:ahead` (the display) or tickets (the queue screen). */
const shownNext = (page: Page) => page.getByTestId('display-next').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-ticket')}:${r.getAttribute('data-ahead')}`));
const waitingOrder = (page: Page) => page.getByTestId('waiting-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket'))));

/** Opens a row's action menu on the queue screen and chooses an item. */
async function rowAction(row: Locator, item: string) {
  await row.getByTestId('row-actions').click();
  await row.page().getByRole('menuitem', { name: item, exact: true }).click();
}

test('the waiting-room display follows the desks live, survives a host restart; the queue actions', async ({ browser }) => {
  test.setTimeout(180_000);

  // Set-up through the API: the admin, an operator, an official, the waiting-room display user;
  // today's meeting, open.
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  await must('users.create', { username: 'operator', displayName: 'زهرا پذیرش', role: 'operator', password: PASSWORD }, admin);
  await must('users.create', { username: 'official', displayName: 'مدیرکل', role: 'official', password: PASSWORD }, admin);
  await must('users.create', { username: 'waiting-tv', displayName: 'نمایشگر سالن', role: 'display', password: PASSWORD }, admin);
  const operator = (await must<{ token: string }>('auth.login', { username: 'operator', password: PASSWORD }, null)).token;
  const lists = await must<{ categories: { id: string; name: string }[] }>('lists.all', {}, admin);
  const meeting = await must<{ id: string }>(
    'meetings.create',
    { kind: 'weekly_public', title: 'ملاقات عمومی مدیرکل', date: tehranToday(), place: 'سالن اجتماعات اداره کل', presiding: 'مدیرکل' },
    admin,
  );
  await must('meetings.open', { id: meeting.id }, admin);

  // The front desk registers four visitors (tickets 1 to 4).
  const people = [
    ['مریم', 'کریمی'],
    ['علی', 'رستمی'],
    ['فاطمه', 'نوروزی'],
    ['حسن', 'جهانگیری'],
  ] as const;
  for (const [i, [firstName, lastName]] of people.entries()) {
    await must(
      'visits.register',
      {
        meetingId: meeting.id,
        newClient: { nationalId: nationalId(`00845${i}123`), firstName, lastName, sex: i % 2 ? 'male' : 'female' },
        requests: [{ categoryId: lists.categories[i]!.id, text: 'درخواست کمک' }],
      },
      operator,
    );
  }

  // The TV: the display user signs in and picks the meeting (the only open one) from big buttons.
  const tv = await newPage(browser, { width: 1920, height: 1080 });
  await signIn(tv, 'waiting-tv');
  await expect(tv.getByTestId('display-picker')).toBeVisible();
  await expect(tv.getByTestId('display-pick')).toHaveCount(1);
  await expect(tv.getByTestId('display-pick')).toContainText('ملاقات عمومی مدیرکل');
  await shot(tv, 'picker');
  await tv.getByTestId('display-pick').click();
  await expect(tv).toHaveURL(new RegExp(`#/display/${meeting.id}$`));
  const board = tv.getByTestId('display-board');
  await expect(board).toBeVisible();
  await expect(tv.getByTestId('display-meeting')).toHaveText('ملاقات عمومی مدیرکل');
  await expect(tv.getByTestId('display-date')).toContainText('۱۴۰'); // a Jalali year (1400s)
  await expect(tv.getByTestId('display-clock')).toHaveText(/^[۰-۹]{2}:[۰-۹]{2}$/);
  await expect(board).toContainText('هنوز شماره‌ای فراخوانده نشده است.');
  await expect.poll(() => shownNext(tv)).toEqual(['1:0', '2:1', '3:2', '4:3']);
  await expect(tv.getByTestId('display-next').first()).toContainText('نفر بعدی');
  await expect(tv.getByTestId('display-next').nth(2)).toContainText('۲ نفر پیش از شما');

  // The TV was signed in and its meeting picked by hand: sound is allowed, no button.
  await expect(tv.getByTestId('display')).toHaveAttribute('data-audio', 'ready');
  await expect(tv.getByTestId('enable-sound')).toHaveCount(0);

  // The sounds are served with the build.
  const chime = await fetch(new URL('sounds/chime.ogg', station.url));
  expect(chime.status).toBe(200);
  expect(chime.headers.get('content-type')).toBe('audio/ogg');

  // The operator's and the official's queue screens.
  const op = await newPage(browser);
  await signIn(op, 'operator');
  await op.goto(`${station.url}#/meetings/${meeting.id}/queue`);
  await expect(op.getByTestId('waiting-row')).toHaveCount(4);
  const off = await newPage(browser);
  await signIn(off, 'official');
  await off.goto(`${station.url}#/meetings/${meeting.id}/queue`);
  await expect(off.getByTestId('waiting-row')).toHaveCount(4);
  await off.getByRole('textbox', { name: 'نام میز شما' }).fill('میز 2'); // Latin digit, shown and spoken as «میز ۲»

  // The queue screen opens the display in a new tab (the desktop app opens a second window).
  // Nobody has touched that tab, so the browser blocks its sound: it offers to turn it on.
  await off.context().addInitScript({ content: EMULATE_AUTOPLAY_POLICY });
  const [tab] = await Promise.all([off.context().waitForEvent('page'), off.getByTestId('open-display').click()]);
  await expect(tab.getByTestId('display-board')).toBeVisible();
  await expect(tab).toHaveURL(new RegExp(`#/display/${meeting.id}$`)); // the session left the address at once
  await expect.poll(() => shownNext(tab)).toEqual(['1:0', '2:1', '3:2', '4:3']);
  const soundButton = tab.getByTestId('enable-sound');
  await expect(soundButton).toBeVisible();
  await expect(tab.getByTestId('display')).toHaveAttribute('data-audio', 'blocked');
  await tab.setViewportSize({ width: 1920, height: 1080 });
  await shot(tab, 'display-sound-blocked');
  await soundButton.click();
  await expect(soundButton).toBeHidden();
  await expect(tab.getByTestId('display')).toHaveAttribute('data-audio', 'ready');
  await tab.close();

  // The official calls the next visitor: the TV shows it within a second, highlighted, and
  // speaks «شماره یک، میز دو» after the chime.
  const display = tv.getByTestId('display');
  const hero = tv.getByTestId('display-call').first();
  await off.getByTestId('call-next').click();
  await expect(hero).toHaveAttribute('data-ticket', '1', { timeout: 1000 });
  await expect(hero).toContainText('۱', { timeout: 1000 });
  await expect(hero).toContainText('میز ۲', { timeout: 1000 });
  await expect(hero).toHaveAttribute('data-fresh', 'true', { timeout: 1000 });
  await expect(display).toHaveAttribute('data-spoken', 'chime shomare 1 miz 2');
  await expect(display).toHaveAttribute('data-announced', '1');
  await expect.poll(() => shownNext(tv)).toEqual(['2:0', '3:1', '4:2']);
  await shot(tv, 'board-fresh-call');
  // The clips really played to the end (a missing or broken file would be left out here).
  await expect(display).toHaveAttribute('data-played', 'chime shomare 1 miz 2', { timeout: 15_000 });

  // No personal data on the TV: ticket numbers only.
  const tvText = await tv.locator('body').innerText();
  for (const [firstName, lastName] of people) {
    expect(tvText).not.toContain(firstName);
    expect(tvText).not.toContain(lastName);
  }
  expect(tvText).not.toContain('درخواست کمک');

  // Recall: once the highlight has faded, calling again highlights (and announces) it again.
  await expect(hero).toHaveAttribute('data-fresh', 'false', { timeout: 15_000 });
  await rowAction(off.locator('[data-testid=called-row][data-ticket="1"]'), 'فراخوان دوباره');
  await expect(hero).toHaveAttribute('data-fresh', 'true', { timeout: 1000 });
  await expect(display).toHaveAttribute('data-announced', '2');
  await expect(hero).toHaveAttribute('data-ticket', '1');

  // Skip: ticket 2 is called, then sent to the end of the line.
  await off.getByTestId('call-next').click();
  await expect(hero).toHaveAttribute('data-ticket', '2', { timeout: 1000 });
  await rowAction(off.locator('[data-testid=called-row][data-ticket="2"]'), 'به انتهای صف');
  await expect.poll(() => waitingOrder(off)).toEqual([3, 4, 2]);
  await expect.poll(() => shownNext(tv)).toEqual(['3:0', '4:1', '2:2']);
  await expect(hero).toHaveAttribute('data-ticket', '1');

  // No-show: ticket 3 is called and does not come; the figures count one no-show.
  await off.getByTestId('call-next').click();
  await expect(hero).toHaveAttribute('data-ticket', '3', { timeout: 1000 });
  await rowAction(off.locator('[data-testid=called-row][data-ticket="3"]'), 'حاضر نشد');
  const noShowRow = off.getByTestId('noshow-row');
  await expect(noShowRow).toHaveCount(1);
  await expect(noShowRow).toContainText('فاطمه نوروزی');
  await expect(off.getByTestId('stat-noShows').getByTestId('stat-value')).toHaveText(/^۱/);
  await expect(off.getByTestId('stat-waitingNow').getByTestId('stat-value')).toHaveText(/^۲/);
  await expect(off.getByTestId('stat-averageWait').getByTestId('stat-value')).not.toHaveText('—');
  // Every desk lists the no-show: the host's queue carries it.
  await expect(op.getByTestId('noshow-row')).toHaveCount(1);
  await shot(op, 'queue-operator-no-show');
  await expect(tv.locator('[data-testid=display-call][data-ticket="3"]')).toHaveCount(0);
  // The official's screen with its figures and a row's menu open.
  await off.locator('[data-testid=called-row][data-ticket="1"]').getByTestId('row-actions').click();
  await expect(off.getByRole('menuitem', { name: 'انتقال به میز دیگر' })).toBeVisible();
  await shot(off, 'queue-official');
  await off.keyboard.press('Escape');

  // She came back: the front desk puts her at the end of the line.
  await op.getByTestId('noshow-row').getByRole('button', { name: 'بازگشت به صف' }).click();
  await expect(op.getByTestId('noshow-row')).toHaveCount(0);
  await expect(off.getByTestId('noshow-row')).toHaveCount(0);
  await expect.poll(() => waitingOrder(op)).toEqual([4, 2, 3]);
  await expect(off.getByTestId('stat-noShows').getByTestId('stat-value')).toHaveText(/^۰/);

  // Another priority needs a reason: the host's message shows at the field, the order stays.
  const row3 = op.locator('[data-testid=waiting-row][data-ticket="3"]');
  await rowAction(row3, 'تغییر نوبت ویژه');
  const form = op.getByTestId('queue-action-form');
  await form.getByText('سالمندی', { exact: true }).click();
  await form.getByRole('button', { name: 'ثبت' }).click();
  const reason = form.getByRole('textbox', { name: 'دلیل تغییر (ثبت می‌شود)' });
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('دلیل نوبت خارج از نوبت را بنویسید.');
  expect(await waitingOrder(op)).toEqual([4, 2, 3]);
  await shot(op, 'queue-reprioritize');
  await reason.fill('سالمند ۸۰ ساله، با ویلچر');
  await form.getByRole('button', { name: 'ثبت' }).click();
  await expect(form).toBeHidden();
  await expect.poll(() => waitingOrder(op)).toEqual([3, 4, 2]);
  await expect.poll(() => shownNext(tv)).toEqual(['3:0', '4:1', '2:2']);
  await expect(op.locator('[data-testid=waiting-row][data-ticket="3"]')).toContainText('سالمندی');

  // Cancel needs a reason too.
  await rowAction(op.locator('[data-testid=waiting-row][data-ticket="2"]'), 'لغو نوبت');
  await form.getByRole('button', { name: 'ثبت' }).click();
  await expect(form.getByRole('textbox', { name: 'دلیل لغو' })).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('textbox', { name: 'دلیل لغو' }).fill('مراجعه‌کننده رفت؛ فردا می‌آید');
  await form.getByRole('button', { name: 'ثبت' }).click();
  await expect(form).toBeHidden();
  await expect.poll(() => shownNext(tv)).toEqual(['3:0', '4:1']);
  await expect(off.getByTestId('stat-done')).toContainText('۱ لغو');

  // Transfer: ticket 1 goes from desk 2 to desk 3; the TV calls it there.
  await rowAction(off.locator('[data-testid=called-row][data-ticket="1"]'), 'انتقال به میز دیگر');
  const transfer = off.getByTestId('queue-action-form');
  await expect(transfer.getByLabel('مسئول جلسه در میز مقصد (اختیاری)')).toHaveCount(0); // officials are listed for the admin only
  await transfer.getByRole('textbox', { name: 'میز مقصد' }).fill('میز ۳');
  await transfer.getByRole('button', { name: 'ثبت' }).click();
  await expect(transfer).toBeHidden();
  await expect(hero).toHaveAttribute('data-ticket', '1', { timeout: 1000 });
  await expect(hero).toContainText('میز ۳', { timeout: 1000 });
  await expect(hero).toHaveAttribute('data-fresh', 'true', { timeout: 1000 });
  await expect(display).toHaveAttribute('data-spoken', 'chime shomare 1 miz 3');

  // The host goes down: the TV says so and shows no numbers (they could be stale).
  await tv.evaluate(() => Object.assign(globalThis, { __sameTvPage: true })); // gone if the page were reloaded
  const { dataDir } = station;
  const port = Number(new URL(station.url).port);
  await station.stop({ keepData: true });
  const offline = tv.getByTestId('display-offline');
  await expect(offline).toBeVisible({ timeout: 5000 });
  await expect(offline).toContainText('اتصال قطع است');
  await expect(board).toHaveCount(0);
  await shot(tv, 'display-offline');

  // The host comes back on the same port with the same data: the TV reconnects and reloads
  // by itself (no reload of the page), and the next call appears within a second.
  station = await startStation({ dataDir, port });
  await expect(offline).toBeHidden({ timeout: 15_000 });
  await expect(board).toBeVisible();
  await expect.poll(() => shownNext(tv)).toEqual(['3:0', '4:1']);
  await expect(off.getByTestId('offline')).toBeHidden({ timeout: 15_000 });
  const announced = Number(await display.getAttribute('data-announced'));
  await off.getByTestId('call-next').click();
  await expect(hero).toHaveAttribute('data-ticket', '3', { timeout: 1000 });
  await expect(hero).toContainText('میز ۲', { timeout: 1000 });
  await expect(hero).toHaveAttribute('data-fresh', 'true', { timeout: 1000 });
  await expect(display).toHaveAttribute('data-announced', String(announced + 1));
  await expect(display).toHaveAttribute('data-spoken', 'chime shomare 3 miz 2');
  await expect.poll(() => shownNext(tv)).toEqual(['4:0']);
  expect(await tv.evaluate(() => (globalThis as unknown as { __sameTvPage?: boolean }).__sameTvPage)).toBe(true);
  await shot(tv, 'board-after-restart');

  // A busy hour: more visitors than the screen lists; the rest are counted, not clipped.
  for (let i = 0; i < 9; i++) {
    await must(
      'visits.register',
      {
        meetingId: meeting.id,
        newClient: { nationalId: nationalId(`01234${i}567`), firstName: 'زینب', lastName: `محمدی${i}`, sex: 'female' },
        requests: [{ categoryId: lists.categories[0]!.id, text: 'درخواست کمک' }],
      },
      operator,
    );
  }
  await off.getByRole('textbox', { name: 'نام میز شما' }).fill('میز ۴');
  await off.getByTestId('call-next').click();
  await expect(hero).toHaveAttribute('data-ticket', '4', { timeout: 1000 });
  await expect(hero).toContainText('میز ۴');
  await expect.poll(() => shownNext(tv)).toEqual(['5:0', '6:1', '7:2', '8:3', '9:4', '10:5']);
  await expect(tv.getByTestId('display-board')).toContainText('و ۳ نوبت دیگر در صف');
  await expect(tv.getByTestId('display-call')).toHaveCount(3);
  await expect(tv.getByTestId('display-next').nth(5)).toContainText('۵ نفر پیش از شما');
  // Nothing of the board is cut off at the bottom of a 1080p screen.
  const bottoms = await tv.evaluate(() => {
    const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { bottom: number } }> } }).document;
    const board = d.querySelectorAll('[data-testid=display-board] section')[1]!.getBoundingClientRect().bottom;
    return { board, items: Array.from(d.querySelectorAll('.dd-next-row, .dd-more, .dd-other, .dd-hero')).map((e) => e.getBoundingClientRect().bottom) };
  });
  for (const b of bottoms.items) expect(b).toBeLessThanOrEqual(bottoms.board);
  const busyText = await tv.locator('body').innerText();
  expect(busyText).not.toContain('زینب');
  expect(busyText).not.toContain('محمدی');
  await shot(tv, 'board-busy');
});
