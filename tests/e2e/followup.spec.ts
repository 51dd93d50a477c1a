import { expect, test, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * Follow-up until a result. Instructions are issued today (referrals to two agencies and a
 * unit); the station is then started again on the same data with its clock 40 days ahead
 * (DIDAR_CLOCK_OFFSET_DAYS, for tests only), so two referrals are overdue, one is due that
 * day and the rest have had no step for weeks (stale). The admin makes an agency's
 * representative on the users screen (the agency is required, the host says so at the
 * field). The follow-up officer sees the daily counts, opens the worklist filtered from
 * them, finds the overdue referral first and marked, records a call and then a result with
 * the keyboard, and the instruction leaves the overdue list (on screen and in the API); the
 * daily counts follow. Reopening needs a reason. The outbox says plainly that no gateway is
 * configured. The lookup tells the result in plain Persian. The other agency's representative
 * sees only their own referral, and the host answers «not found» when they reach for another's
 * (steps, add a step, close), writing nothing.
 */

let first: RunningStation | null = null;
let station: RunningStation;
test.afterAll(async () => {
  await first?.stop();
  await station?.stop();
});

const PASSWORD = 'secret-pass-1';
const OFFSET_DAYS = 40;
/** Set FOLLOWUP_SHOTS=1 to save screenshots of each step to /tmp/followup-shots. */
const SHOTS = process.env.FOLLOWUP_SHOTS ? '/tmp/followup-shots' : null;

interface ListItem {
  id: string;
  name: string;
}
interface Instruction {
  id: string;
  trackingCode: string;
  status: string;
  outcome: string | null;
  deliveredRials: number | null;
  deliveredFunder: string | null;
  closedAt: string | null;
}
interface Item {
  instruction: Instruction;
  overdue: boolean;
  stale: boolean;
}
interface Step {
  kind: string;
  text: string;
  byName: string;
}
interface Daily {
  openTotal: number;
  dueToday: number;
  overdue: number;
  stale: number;
  byAgency: { id: string; name: string; open: number; overdue: number; stale: number }[];
}
type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const grouped = (code: string) => persianDigits(code.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1-$2-$3'));
const tehranDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(d);
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** A date as the screens show it: «۱۶ آذر ۱۴۰۵». */
function jalaliShown(iso: string): string {
  const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('day')} ${get('month')} ${get('year')}`;
}

async function must<T>(s: RunningStation, method: string, input: unknown, token: string | null): Promise<T> {
  const r = await s.api<T>(method, input, token);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** One call over HTTP, with the status code. */
async function raw<T>(method: string, input: unknown, token: string): Promise<{ status: number; body: Answer<T> }> {
  const res = await fetch(new URL(`/api/${method}`, station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Answer<T> };
}

async function login(page: Page, username: string) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('follow-up until a result: worklist, steps, result, daily counts, outbox, lookup, representatives', async ({ browser }) => {
  test.setTimeout(180_000);

  // ── Today: the set-up through the API, then the instructions are issued. ──
  first = await startStation();
  const s1 = first;
  const admin1 = (await must<{ token: string }>(s1, 'auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  await must(s1, 'users.create', { username: 'official', displayName: 'مدیرکل', role: 'official', password: PASSWORD }, admin1);
  await must(s1, 'users.create', { username: 'officer', displayName: 'سارا پیگیری', role: 'followup', password: PASSWORD }, admin1);
  const lists = await must<{ categories: ListItem[]; units: ListItem[]; agencies: ListItem[] }>(s1, 'lists.all', {}, admin1);
  const category = (name: string) => lists.categories.find((c) => c.name === name)!.id;
  const agencyA = lists.agencies.find((a) => a.name === 'کمیته امداد امام خمینی (ره)')!;
  const agencyB = lists.agencies.find((a) => a.name === 'بنیاد برکت')!;
  const unit = lists.units.find((u) => u.name === 'معاونت توانبخشی')!;
  await must(s1, 'users.create', { username: 'rep-b', displayName: 'نماینده بنیاد برکت', role: 'agency', agencyId: agencyB.id, password: PASSWORD }, admin1);
  const official1 = (await must<{ token: string }>(s1, 'auth.login', { username: 'official', password: PASSWORD }, null)).token;

  const today = tehranDate(new Date());
  const later = addDays(today, OFFSET_DAYS);
  const meeting = await must<{ id: string }>(
    s1,
    'meetings.create',
    { kind: 'weekly_public', title: 'ملاقات عمومی مدیرکل', date: today, place: 'اداره کل بهزیستی', presiding: 'مدیرکل' },
    admin1,
  );
  await must(s1, 'meetings.open', { id: meeting.id }, admin1);
  const issueAll = async (client: object, requests: { category: string; text: string; fields: object }[]) => {
    await must(s1, 'visits.register', { meetingId: meeting.id, newClient: client, requests: requests.map((r) => ({ categoryId: category(r.category), text: r.text })) }, admin1);
    const visit = (await must<{ visitId: string; requests: { id: string }[] }>(s1, 'queue.callNext', { meetingId: meeting.id, desk: 'میز ۱' }, official1))!;
    const issued: Instruction[] = [];
    for (const [n, r] of requests.entries()) issued.push(await must<Instruction>(s1, 'instructions.issue', { requestId: visit.requests[n]!.id, fields: r.fields }, official1));
    await must(s1, 'visits.finish', { visitId: visit.visitId }, official1);
    return issued;
  };
  const [a1, u1] = await issueAll(
    { nationalId: '0084575948', firstName: 'مریم', lastName: 'کریمی', sex: 'female', mobile: '09121234567', circumstances: ['female_head'] },
    [
      { category: 'حمایت معیشتی', text: 'کمک هزینه اجاره خانه', fields: { kind: 'agency', text: 'معرفی به کمیته امداد برای کمک اجاره', agencyId: agencyA.id, dueDate: addDays(today, 10) } },
      { category: 'توانبخشی', text: 'جلسات گفتاردرمانی فرزند', fields: { kind: 'unit', text: 'بررسی و پرداخت هزینه گفتاردرمانی', unitId: unit.id, dueDate: later } },
    ],
  );
  const [b1, a2] = await issueAll(
    { nationalId: '0499370899', firstName: 'علی', lastName: 'رضایی', sex: 'male', mobile: '09351234567' },
    [
      { category: 'مسکن', text: 'ودیعه مسکن استیجاری', fields: { kind: 'agency', text: 'معرفی به بنیاد برکت برای ودیعه', agencyId: agencyB.id, dueDate: addDays(today, 60) } },
      { category: 'حمایت معیشتی', text: 'سبد غذایی ماهانه', fields: { kind: 'agency', text: 'معرفی به کمیته امداد برای سبد غذایی', agencyId: agencyA.id, dueDate: addDays(today, 20) } },
    ],
  );
  // Nothing is overdue yet today.
  const dailyToday = await must<Daily>(s1, 'followups.daily', {}, official1);
  expect(dailyToday).toMatchObject({ openTotal: 4, overdue: 0, stale: 0, dueToday: 0 });
  await first.stop({ keepData: true });
  first = null;

  // ── Forty days later: the same data, the station's clock ahead. ──
  station = await startStation({ dataDir: s1.dataDir, env: { DIDAR_CLOCK_OFFSET_DAYS: String(OFFSET_DAYS) } });
  const admin = (await must<{ token: string }>(station, 'auth.login', { username: 'admin', password: PASSWORD }, null)).token;
  const officer = (await must<{ token: string }>(station, 'auth.login', { username: 'officer', password: PASSWORD }, null)).token;
  const repB = (await must<{ token: string }>(station, 'auth.login', { username: 'rep-b', password: PASSWORD }, null)).token;
  // The agency-B representative records a call on their referral (it is no longer stale).
  await must(station, 'followups.addStep', { instructionId: b1!.id, kind: 'call', text: 'با مددجو تماس گرفتیم؛ مدارک در راه است' }, repB);
  const overdueIds = async () => (await must<{ items: Item[] }>(station, 'followups.list', { overdueOnly: true }, officer)).items.map((x) => x.instruction.id);
  expect(await overdueIds()).toEqual([a1!.id, a2!.id]);

  // The admin makes agency A's representative on the users screen; the agency is required.
  const adminContext = await browser.newContext();
  const ad = await adminContext.newPage();
  await login(ad, 'admin');
  await ad.getByText('کاربران', { exact: true }).click();
  const userForm = ad.getByTestId('user-form');
  await userForm.getByLabel('نام نمایشی').fill('نماینده کمیته امداد');
  await userForm.getByLabel('نام کاربری').fill('rep-a');
  await userForm.getByRole('combobox', { name: 'نقش' }).click();
  await ad.getByRole('option', { name: 'نماینده دستگاه اجرایی' }).click();
  await userForm.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await userForm.getByRole('button', { name: 'افزودن کاربر' }).click();
  const agencyBox = userForm.getByRole('combobox', { name: 'دستگاه اجرایی نماینده' });
  await expect(agencyBox).toHaveAttribute('aria-invalid', 'true');
  await expect(userForm).toContainText('دستگاه اجرایی این نماینده را انتخاب کنید.');
  expect((await must<{ username: string }[]>(station, 'users.list', {}, admin)).map((u) => u.username)).not.toContain('rep-a');
  await agencyBox.click();
  await agencyBox.fill('امداد');
  await ad.getByRole('option', { name: agencyA.name }).click();
  await userForm.getByRole('button', { name: 'افزودن کاربر' }).click();
  const repARow = ad.getByTestId('user-row').filter({ hasText: 'rep-a' });
  await expect(repARow).toContainText('نماینده دستگاه اجرایی');
  await expect(repARow).toContainText(agencyA.name);
  await expect(ad.getByTestId('user-row').filter({ hasText: 'rep-b' })).toContainText(agencyB.name);
  // The waiting-room display user.
  await userForm.getByLabel('نام نمایشی').fill('نمایشگر سالن');
  await userForm.getByLabel('نام کاربری').fill('hall');
  await userForm.getByRole('combobox', { name: 'نقش' }).click();
  await ad.getByRole('option', { name: 'نمایشگر سالن انتظار' }).click();
  await userForm.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await userForm.getByRole('textbox', { name: 'گذرواژه', exact: true }).press('Enter');
  await expect(ad.getByTestId('user-row').filter({ hasText: 'hall' })).toContainText('نمایشگر سالن انتظار');
  const made = await must<{ username: string; role: string; agencyId: string | null }[]>(station, 'users.list', {}, admin);
  expect(made.find((u) => u.username === 'rep-a')).toMatchObject({ role: 'agency', agencyId: agencyA.id });
  expect(made.find((u) => u.username === 'hall')).toMatchObject({ role: 'display' });
  await shot(ad, '01-users');

  // Settings: the stale days and the SMS gateway; a gateway address that is not http(s) is refused at the field.
  await ad.getByText('فهرست‌ها و تنظیمات', { exact: true }).click();
  await ad.getByRole('tab', { name: 'تنظیمات عمومی' }).click();
  await expect(ad.getByRole('textbox', { name: 'روزهای بی‌اقدام تا هشدار' })).toHaveValue(/^[7۷] روز$/);
  const gatewayUrl = ad.getByRole('textbox', { name: 'نشانی درگاه (https://…)' });
  await gatewayUrl.fill('ftp://sms.example');
  await ad.getByRole('button', { name: 'ذخیره', exact: true }).click();
  await expect(gatewayUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(ad.getByText('نشانی درگاه پیامک باید با http:// یا https:// آغاز شود.')).toBeVisible();
  expect(await must<{ smsGateway: { url: string } }>(station, 'settings.get', {}, admin)).toMatchObject({ smsGateway: { url: '' } });
  await shot(ad, '01b-settings');
  await adminContext.close();

  // The follow-up officer: the daily view first.
  const offContext = await browser.newContext();
  const off = await offContext.newPage();
  await login(off, 'officer');
  await off.getByText('سررسیدهای امروز', { exact: true }).click();
  await expect(off.getByTestId('daily-date')).toContainText(jalaliShown(later));
  await expect(off.getByTestId('daily-open-count')).toHaveText('۴');
  await expect(off.getByTestId('daily-due-today-count')).toHaveText('۱');
  await expect(off.getByTestId('daily-overdue-count')).toHaveText('۲');
  await expect(off.getByTestId('daily-stale-count')).toHaveText('۳');
  const rowA = off.getByTestId('daily-agencies').getByTestId('daily-row').filter({ hasText: agencyA.name });
  await expect(rowA.getByTestId('daily-row-open')).toHaveText('۲');
  await expect(rowA.getByTestId('daily-row-overdue')).toHaveText('۲');
  await expect(rowA.getByTestId('daily-row-stale')).toHaveText('۲');
  const rowB = off.getByTestId('daily-agencies').getByTestId('daily-row').filter({ hasText: agencyB.name });
  await expect(rowB.getByTestId('daily-row-overdue')).toHaveText('۰');
  await expect(rowB.getByTestId('daily-row-stale')).toHaveText('۰');
  await expect(off.getByTestId('daily-agencies').getByTestId('daily-total')).toContainText('۳');
  await expect(off.getByTestId('daily-units').getByTestId('daily-row').filter({ hasText: unit.name }).getByTestId('daily-row-stale')).toHaveText('۱');
  await shot(off, '02-daily');

  // A row of the daily view opens the worklist filtered to that agency: overdue ones first and marked.
  await rowA.click();
  const rows = off.getByTestId('followup-row');
  await expect(rows).toHaveCount(2);
  await expect(off.getByTestId('filter-agency')).toHaveValue(agencyA.name);
  await expect(rows.nth(0)).toHaveAttribute('data-code', a1!.trackingCode);
  await expect(rows.nth(1)).toHaveAttribute('data-code', a2!.trackingCode);
  for (const n of [0, 1]) {
    await expect(rows.nth(n).getByTestId('overdue-mark')).toHaveText('مهلت گذشته');
    await expect(rows.nth(n).getByTestId('stale-mark')).toContainText('روز بی‌اقدام');
  }

  // Without filters: all four, overdue first; the unit's referral is due today, agency B's has a recent call.
  await off.getByTestId('clear-filters').click();
  await expect(rows).toHaveCount(4);
  await expect(off.getByTestId('followup-total')).toHaveText('۴ دستور');
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([a1!.trackingCode, a2!.trackingCode, u1!.trackingCode, b1!.trackingCode]);
  const rowOf = (code: string) => off.locator(`[data-testid="followup-row"][data-code="${code}"]`);
  await expect(rowOf(u1!.trackingCode).getByTestId('overdue-mark')).toHaveCount(0);
  await expect(rowOf(u1!.trackingCode).getByTestId('stale-mark')).toHaveText(`${persianDigits(String(OFFSET_DAYS))} روز بی‌اقدام`);
  await expect(rowOf(b1!.trackingCode).getByTestId('overdue-mark')).toHaveCount(0);
  await expect(rowOf(b1!.trackingCode).getByTestId('stale-mark')).toHaveCount(0);
  await expect(rowOf(b1!.trackingCode)).toContainText('امروز');
  await shot(off, '03-worklist');

  // Search by tracking code (Persian digits, dashes), then the keyboard only.
  const search = off.getByTestId('followup-search');
  await search.click();
  await off.keyboard.type(grouped(a1!.trackingCode));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-code', a1!.trackingCode);
  await off.keyboard.press('ArrowDown');
  await expect(rows.first()).toBeFocused();
  await off.keyboard.press('Enter');
  const panel = off.getByRole('dialog');
  await expect(panel.getByTestId('panel-code')).toHaveText(grouped(a1!.trackingCode));
  await expect(panel.getByTestId('panel-overdue')).toBeVisible();
  await expect(panel.getByTestId('steps-empty')).toBeVisible();
  await expect(panel.locator('[data-testid="step-form"] input[type=radio]:checked')).toBeFocused();

  // A call: the kind is already «call» (1); Enter to the text, Ctrl+Enter saves.
  await off.keyboard.press('1');
  await off.keyboard.press('Enter');
  await expect(panel.getByRole('textbox', { name: 'شرح اقدام (چه گفته شد یا چه شد)' })).toBeFocused();
  await off.keyboard.type('با کارشناس کمیته امداد تماس گرفتم؛ گفتند کمک اجاره این هفته واریز می‌شود.');
  await off.keyboard.press('Control+Enter');
  await expect(panel.getByTestId('step')).toHaveCount(1);
  await expect(panel.getByTestId('step')).toContainText('تماس تلفنی');
  await expect(panel.getByTestId('step')).toContainText('سارا پیگیری');
  const afterCall = await must<Step[]>(station, 'followups.steps', { instructionId: a1!.id }, officer);
  expect(afterCall).toMatchObject([{ kind: 'call', byName: 'سارا پیگیری', text: 'با کارشناس کمیته امداد تماس گرفتم؛ گفتند کمک اجاره این هفته واریز می‌شود.' }]);
  // A step is not a result: still open and overdue.
  expect(await overdueIds()).toEqual([a1!.id, a2!.id]);

  // The result: Alt+2, «done» (1), Enter to the amount, the funder, a note; Ctrl+Enter.
  await off.keyboard.press('Alt+2');
  await expect(panel.locator('[data-testid="close-form"] input[type=radio]:checked')).toBeFocused();
  // «Not possible» (3) needs a reason from the list: refused at the field, nothing written.
  await off.keyboard.press('3');
  await off.keyboard.press('Control+Enter');
  const reasonBox = panel.getByRole('combobox', { name: 'دلیل انجام‌نشدن' });
  await expect(reasonBox).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByTestId('close-form')).toContainText('برای «انجام نشد» دلیل را از فهرست انتخاب کنید.');
  expect(await overdueIds()).toEqual([a1!.id, a2!.id]);
  await expect(panel.locator('[data-testid="close-form"] input[type=radio]:checked')).toBeFocused();
  await off.keyboard.press('1');
  await expect(reasonBox).toHaveCount(0);
  await off.keyboard.press('Enter');
  const delivered = panel.getByRole('textbox', { name: 'مبلغ پرداخت‌شده (تومان)' });
  await expect(delivered).toBeFocused();
  await off.keyboard.type('3000000');
  await expect(delivered).toHaveValue('۳٬۰۰۰٬۰۰۰');
  await off.keyboard.press('Enter');
  await off.keyboard.type('دستگاه');
  await off.keyboard.press('Enter');
  await expect(panel.getByRole('combobox', { name: 'تأمین‌کننده مبلغ' })).toHaveValue('دستگاه اجرایی');
  await off.keyboard.press('Enter');
  await expect(panel.getByRole('textbox', { name: 'توضیح نتیجه' })).toBeFocused();
  await off.keyboard.type('کمک اجاره سه ماه از سوی کمیته امداد پرداخت شد.');
  await shot(off, '04-drawer-close-form');
  await off.keyboard.press('Control+Enter');
  const result = panel.getByTestId('panel-result');
  await expect(result).toContainText('نتیجه: انجام شد');
  await expect(result).toContainText('۳٬۰۰۰٬۰۰۰ تومان پرداخت شد، تأمین از دستگاه اجرایی');
  await expect(panel.getByTestId('panel-status')).toHaveText('بسته (نتیجه اعلام شد)');
  await expect(panel.getByTestId('step')).toHaveCount(2);
  await shot(off, '05-drawer-result');

  const closed = (await must<{ items: Item[] }>(station, 'followups.list', { status: 'all', query: a1!.trackingCode }, officer)).items[0]!.instruction;
  expect(closed).toMatchObject({ status: 'closed', outcome: 'done', deliveredRials: 30_000_000, deliveredFunder: 'agency' });
  expect(await overdueIds()).toEqual([a2!.id]);

  // Reopening needs a reason: an empty one is refused at the field and nothing changes.
  await expect(panel.locator('[data-testid="step-form"] input[type=radio]:checked')).toBeFocused();
  await off.keyboard.press('Alt+3');
  const reopenReason = panel.getByRole('textbox', { name: 'دلیل بازگشایی' });
  await expect(reopenReason).toBeFocused();
  await off.keyboard.press('Enter');
  await expect(reopenReason).toHaveAttribute('aria-invalid', 'true');
  expect((await must<{ items: Item[] }>(station, 'followups.list', { status: 'all', query: a1!.trackingCode }, officer)).items[0]!.instruction.status).toBe('closed');
  await off.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // It has left the open list and the overdue list on screen too.
  await expect(off.getByTestId('worklist-empty')).toBeVisible();
  await off.getByTestId('clear-filters').click();
  await expect(rows).toHaveCount(3);
  await expect(rowOf(a1!.trackingCode)).toHaveCount(0);
  await off.getByText('فقط مهلت‌گذشته', { exact: true }).click();
  await expect(off.getByTestId('filter-overdue')).toBeChecked();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-code', a2!.trackingCode);

  // The daily counts follow.
  await off.getByText('سررسیدهای امروز', { exact: true }).click();
  await expect(off.getByTestId('daily-open-count')).toHaveText('۳');
  await expect(off.getByTestId('daily-overdue-count')).toHaveText('۱');
  await expect(off.getByTestId('daily-stale-count')).toHaveText('۲');
  await expect(rowA.getByTestId('daily-row-open')).toHaveText('۱');
  await expect(rowA.getByTestId('daily-row-overdue')).toHaveText('۱');
  expect(await must<Daily>(station, 'followups.daily', {}, officer)).toMatchObject({ openTotal: 3, overdue: 1, dueToday: 1, stale: 2 });

  // The outbox: no gateway, said plainly; the messages wait.
  await off.getByText('پیامک‌ها', { exact: true }).click();
  await expect(off.getByTestId('no-gateway')).toContainText('درگاه پیامک تنظیم نشده است؛ هیچ پیامکی فرستاده نمی‌شود');
  await expect(off.getByTestId('outbox-row')).toHaveCount(5);
  const resultMessage = off.getByTestId('outbox-row').filter({ hasText: 'اعلام نتیجه' });
  await expect(resultMessage).toHaveCount(1);
  await expect(resultMessage).toContainText(grouped(a1!.trackingCode));
  await expect(resultMessage.getByTestId('outbox-status')).toHaveText('در صف');
  await shot(off, '06-outbox');

  // The lookup for a visitor who phones: the result in plain Persian; an open one with its last step.
  await off.getByText('پیگیری با کد رهگیری', { exact: true }).click();
  const codeBox = off.getByRole('textbox', { name: 'کد رهگیری' });
  await codeBox.fill(grouped(a1!.trackingCode));
  await codeBox.press('Enter');
  await expect(off.getByTestId('lookup-sentence')).toHaveText(`انجام شد در ${jalaliShown(tehranDate(new Date(closed.closedAt!)))}`);
  await expect(off.getByTestId('lookup-plain')).toContainText('۳٬۰۰۰٬۰۰۰ تومان پرداخت شد، تأمین از دستگاه اجرایی');
  await expect(off.getByTestId('lookup-result').getByTestId('step')).toHaveCount(2);
  await shot(off, '07-lookup-result');
  await codeBox.fill(grouped(b1!.trackingCode));
  await codeBox.press('Enter');
  await expect(off.getByTestId('lookup-sentence')).toHaveText(/^در دست پیگیری؛ آخرین اقدام: تماس تلفنی، /);
  await codeBox.fill(grouped(u1!.trackingCode));
  await codeBox.press('Enter');
  await expect(off.getByTestId('lookup-sentence')).toHaveText(/^در دست پیگیری؛ هنوز اقدامی ثبت نشده است/);
  await offContext.close();

  // Agency B's representative: lands on their worklist and sees only their referral.
  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await login(rep, 'rep-b');
  await expect(rep.getByRole('heading', { name: `ارجاع‌های ${agencyB.name}` })).toBeVisible();
  await expect(rep.getByTestId('followup-row')).toHaveCount(1);
  await expect(rep.getByTestId('followup-row')).toHaveAttribute('data-code', b1!.trackingCode);
  await expect(rep.getByText('سررسیدهای امروز', { exact: true })).toHaveCount(0);
  await expect(rep.getByTestId('filter-agency')).toHaveCount(0);
  await shot(rep, '08-representative-worklist');
  await rep.getByText('فقط بی‌اقدام', { exact: true }).click();
  await expect(rep.getByTestId('worklist-empty')).toBeVisible();
  await rep.getByText('فقط بی‌اقدام', { exact: true }).click();
  await rep.getByTestId('followup-row').click();
  await expect(rep.getByRole('dialog').getByTestId('step')).toContainText('نماینده بنیاد برکت');
  await shot(rep, '09-representative-drawer');
  await repContext.close();
  // Asking the host for agency B's list with agency A's id changes nothing.
  const scoped = await must<{ total: number; items: Item[] }>(station, 'followups.list', { status: 'all', agencyId: agencyA.id }, repB);
  expect(scoped.items.map((x) => x.instruction.id)).toEqual([b1!.id]);

  // The host refuses agency A's instructions to agency B's representative, and writes nothing.
  const stepsBefore = await must<Step[]>(station, 'followups.steps', { instructionId: a1!.id }, officer);
  for (const target of [a1!, a2!]) {
    const steps = await raw('followups.steps', { instructionId: target.id }, repB);
    expect(steps.status).toBe(404);
    expect(steps.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const add = await raw('followups.addStep', { instructionId: target.id, kind: 'note', text: 'یادداشت نماینده دستگاه دیگر' }, repB);
    expect(add.status).toBe(404);
    expect(add.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const close = await raw('followups.close', { instructionId: target.id, outcome: 'done' }, repB);
    expect(close.status).toBe(404);
    expect(close.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }
  expect(await must<Step[]>(station, 'followups.steps', { instructionId: a1!.id }, officer)).toEqual(stepsBefore);
  expect(await must<Step[]>(station, 'followups.steps', { instructionId: a2!.id }, officer)).toEqual([]);
  expect(await overdueIds()).toEqual([a2!.id]);

  // Agency A's representative (made on the users screen) sees A's open referral only.
  const repAContext = await browser.newContext();
  const repA = await repAContext.newPage();
  await login(repA, 'rep-a');
  await expect(repA.getByTestId('followup-row')).toHaveCount(1);
  await expect(repA.getByTestId('followup-row')).toHaveAttribute('data-code', a2!.trackingCode);
  await expect(repA.getByTestId('followup-row').getByTestId('overdue-mark')).toBeVisible();
  await repAContext.close();
});
