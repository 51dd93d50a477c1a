import { expect, test, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * Networked problems (seed 003): a street without gas. Two neighbours were joined to the
 * shared issue at registration. At intake a third neighbour's request is offered the issue
 * (same county, same category, words of its place) and the operator joins it with the
 * keyboard; a second request's offer is dismissed and stays apart. The official opens the
 * shared issue, sees the three clients and issues one instruction for all: three instructions,
 * each with its own tracking code. One result recorded by follow-up closes all three, and the
 * screen follows without reloading. At the desk, the joined request carries the issue's badge.
 */

let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station.stop();
});

const PASSWORD = 'secret-pass-1';
const SHOTS = '/tmp';
const ISSUE_TITLE = 'نبود گاز لوله‌کشی';

interface ListItem {
  id: string;
  name: string;
}
interface Member {
  requestId: string;
  clientName: string;
  requestText: string;
  instruction: { id: string; trackingCode: string; status: string; outcome: string | null; shared: boolean } | null;
}
interface Detail {
  id: string;
  joinedCount: number;
  members: Member[];
}

/** A valid national ID from nine digits (the check digit computed). */
function nationalId(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0) % 11;
  return nine + String(sum < 2 ? sum : 11 - sum);
}
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const tehranToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

async function login(page: Page, username: string) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
}

test('a shared issue: offered and joined at intake, one instruction for all, one result closes all', async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  await must('users.create', { username: 'operator', displayName: 'زهرا پذیرش', role: 'operator', password: PASSWORD }, admin);
  await must('users.create', { username: 'official', displayName: 'مدیرکل', role: 'official', password: PASSWORD }, admin);
  await must('users.create', { username: 'officer', displayName: 'سارا پیگیری', role: 'followup', password: PASSWORD }, admin);
  const officer = (await must<{ token: string }>('auth.login', { username: 'officer', password: PASSWORD }, null)).token;
  const lists = await must<{ categories: ListItem[]; counties: ListItem[]; units: ListItem[] }>('lists.all', {}, admin);
  const county = lists.counties[0]!;
  const category = lists.categories[0]!;
  const unit = lists.units[0]!;
  const meeting = await must<{ id: string }>(
    'meetings.create',
    { kind: 'weekly_public', title: 'دیدار مردمی امروز', date: tehranToday(), place: 'سالن اجتماعات', presiding: 'مدیرکل' },
    admin,
  );
  await must('meetings.open', { id: meeting.id }, admin);

  // The shared issue, and two neighbours joined to it at registration.
  const issue = await must<Detail>(
    'sharedIssues.create',
    { title: ISSUE_TITLE, countyId: county.id, place: 'خیابان امام، کوچه بهار', categoryId: category.id, description: 'خانه‌های کوچه هنوز انشعاب گاز ندارند.' },
    admin,
  );
  for (const [nine, first, last] of [
    ['004123456', 'علی', 'رضایی'],
    ['004123457', 'فاطمه', 'محمدی'],
  ] as const) {
    await must(
      'visits.register',
      {
        meetingId: meeting.id,
        newClient: { nationalId: nationalId(nine), firstName: first, lastName: last, sex: 'male', countyId: county.id },
        requests: [{ categoryId: category.id, text: 'گاز خانه وصل نیست', sharedIssueId: issue.id }],
      },
      admin,
    );
  }
  const thirdId = nationalId('004123458');
  await must('clients.create', { nationalId: thirdId, firstName: 'رضا', lastName: 'احمدی', sex: 'male', countyId: county.id }, admin);

  // ── Intake: the third neighbour's request is offered the shared issue. ──
  const opContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const op = await opContext.newPage();
  await login(op, 'operator');
  await op.getByTestId('meeting-row').filter({ hasText: 'دیدار مردمی امروز' }).getByRole('button', { name: 'پذیرش' }).click();
  await op.getByLabel('کد ملی یا نام مددجو').fill(persianDigits(thirdId));
  await op.getByLabel('کد ملی یا نام مددجو').press('Enter');
  await expect(op.getByTestId('chosen-client')).toContainText('رضا احمدی');
  await op.getByRole('combobox', { name: 'دسته درخواست', exact: true }).first().click();
  await op.getByRole('option', { name: category.name, exact: true }).click();
  // Typed with an Arabic ک, as some keyboards do: still the same place.
  await op.getByLabel('شرح درخواست').first().fill('گاز كوچه بهار هنوز وصل نشده');
  const offer = op.getByTestId('shared-offer-0');
  await expect(offer).toContainText(`این درخواست شبیه مسئلهٔ مشترک «${ISSUE_TITLE}» است — پیوستن؟`);
  await expect(offer).toContainText('۲ مددجوی دیگر');
  // Keyboard only: Enter from the text reaches the urgency box, then the offer's «join» button.
  await op.getByLabel('شرح درخواست').first().press('Enter');
  await op.keyboard.press('Enter');
  await expect(op.getByTestId('shared-join-0')).toBeFocused();
  await op.keyboard.press('Enter');
  await expect(op.getByTestId('shared-joined-0')).toContainText(`پیوسته به مسئلهٔ مشترک «${ISSUE_TITLE}»`);
  await expect(offer).toHaveCount(0);

  // A second request of the same kind: offered too, but the operator dismisses it.
  await op.keyboard.press('Alt+N');
  await op.getByRole('combobox', { name: 'دسته درخواست', exact: true }).nth(1).click();
  await op.getByRole('option', { name: category.name, exact: true }).click();
  await op.getByLabel('شرح درخواست').nth(1).fill('بخاری خانه در کوچه بهار خراب است');
  await expect(op.getByTestId('shared-offer-1')).toBeVisible();
  await op.screenshot({ path: `${SHOTS}/shared-intake.png`, fullPage: true });
  await op.getByTestId('shared-dismiss-1').click();
  await expect(op.getByTestId('shared-offer-1')).toHaveCount(0);
  await expect(op.getByTestId('shared-joined-1')).toHaveCount(0);
  await op.keyboard.press('Control+Enter');
  await expect(op.getByTestId('ticket-number')).toHaveText('۳');

  const joined = await must<Detail>('sharedIssues.get', { id: issue.id }, admin);
  expect(joined.joinedCount).toBe(3);
  expect(joined.members.map((m) => m.clientName)).toContain('رضا احمدی');
  expect(joined.members.map((m) => m.requestText)).not.toContain('بخاری خانه در کوچه بهار خراب است');

  // ── The official: one instruction for all three. ──
  const offContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const off = await offContext.newPage();
  await login(off, 'official');
  await off.goto(new URL('/#/shared-issues', station.url).href);
  await off.getByTestId('shared-issue-item').filter({ hasText: ISSUE_TITLE }).click();
  const detail = off.getByTestId('shared-issue-detail');
  await expect(detail.getByTestId('shared-issue-title')).toHaveText(ISSUE_TITLE);
  const rows = detail.getByTestId('shared-member');
  await expect(rows).toHaveCount(3);
  await expect(detail.getByTestId('member-state')).toHaveText(['بی‌دستور', 'بی‌دستور', 'بی‌دستور']);
  const form = off.getByTestId('shared-issue-instruction');
  await expect(form).toContainText('برای ۳ درخواست پیوسته‌ای که دستور ندارند');
  await form.getByRole('combobox', { name: 'واحد تخصصی' }).click();
  await off.getByRole('option', { name: unit.name, exact: true }).click();
  await form.getByLabel('متن دستور').fill('پیگیری انشعاب گاز کوچه با شرکت گاز و گزارش نتیجه');
  await form.getByTestId('issue').click();
  await expect(detail.getByTestId('member-state')).toHaveText(['در پیگیری', 'در پیگیری', 'در پیگیری']);
  await expect(detail.getByTestId('shared-instruction')).toContainText('پیگیری انشعاب گاز کوچه');
  await expect(form).toHaveCount(0);
  const issued = await must<Detail>('sharedIssues.get', { id: issue.id }, admin);
  const codes = issued.members.map((m) => m.instruction!.trackingCode);
  expect(new Set(codes).size).toBe(3);
  for (const code of codes) await expect(detail.getByTestId('member-tracking').filter({ hasText: persianDigits(code.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1-$2-$3')) })).toHaveCount(1);
  await off.screenshot({ path: `${SHOTS}/shared-detail.png`, fullPage: true });

  // ── Follow-up: one result on one of them closes all three; the open screen follows. ──
  await must('followups.close', { instructionId: issued.members[1]!.instruction!.id, outcome: 'done', note: 'انشعاب گاز کوچه وصل شد' }, officer);
  await expect(detail.getByTestId('member-state')).toHaveText(['انجام شد', 'انجام شد', 'انجام شد']);
  const open = await must<{ total: number }>('followups.list', { status: 'open' }, officer);
  expect(open.total).toBe(0);
  await off.screenshot({ path: `${SHOTS}/shared-closed.png`, fullPage: true });

  // ── A new shared issue from the screen: a missing title is named at its field; then it is saved and opened. ──
  await off.getByTestId('shared-issue-new').click();
  const dialog = off.getByRole('dialog');
  await dialog.getByTestId('shared-issue-save').click();
  await expect(dialog.getByText('«عنوان» را وارد کنید.')).toBeVisible();
  await dialog.getByLabel('عنوان').fill('قطعی آب روستا');
  await dialog.getByRole('combobox', { name: 'شهرستان' }).click();
  await off.getByRole('option', { name: county.name, exact: true }).click();
  await dialog.getByRole('combobox', { name: 'دسته درخواست' }).click();
  await off.getByRole('option', { name: category.name, exact: true }).click();
  await dialog.getByLabel('محل (خیابان، محله یا روستا)').fill('روستای کلاته');
  await dialog.getByLabel('محل (خیابان، محله یا روستا)').press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(detail.getByTestId('shared-issue-title')).toHaveText('قطعی آب روستا');
  await expect(off.getByTestId('shared-issue-item')).toHaveCount(2);
  await off.getByTestId('shared-issue-search').fill('کلاته');
  await expect(off.getByTestId('shared-issue-item')).toHaveCount(1);

  // ── The desk: the joined request carries the shared issue's badge. ──
  await off.goto(station.url);
  await off.getByTestId('meeting-row').filter({ hasText: 'دیدار مردمی امروز' }).getByRole('button', { name: 'میز مسئول جلسه' }).click();
  await expect(off.getByTestId('desk-empty')).toBeVisible();
  await off.keyboard.press('F2');
  await expect(off.getByTestId('desk-client-name')).toHaveText('علی رضایی');
  await expect(off.getByTestId('request-card').getByTestId('shared-issue-badge')).toHaveText(`مسئلهٔ مشترک: ${ISSUE_TITLE}`);
  await off.screenshot({ path: `${SHOTS}/shared-desk.png`, fullPage: true });

  await opContext.close();
  await offContext.close();
});
