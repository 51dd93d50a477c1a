import { expect, test, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';
import { finishFirstRun } from './firstRun';

/**
 * The first slice, as people use it: the first run creates the admin; the admin adds an
 * operator and an official; the operator opens a meeting, registers a new client by national
 * ID with two requests and gets a ticket; the official, on another desk, sees the ticket
 * appear without reloading and calls it; a bad national ID gets a Persian message at the
 * field and nothing is written.
 */

let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station.stop();
});

const PASSWORD = 'secret-pass-1';
// Valid national IDs (check digit correct), typed in Persian digits as an operator would.
const NEW_CLIENT_ID_FA = '۰۰۸۴۵۷۵۹۴۸';
const NEW_CLIENT_ID = '0084575948';
const BAD_ID = '0084575949';

async function login(page: Page, username: string) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
}

async function token(page: Page): Promise<string> {
  return (await page.evaluate<string | null>("sessionStorage.getItem('didar.token')"))!;
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).or(page.getByRole('textbox', { name: label, exact: true })).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('first run, intake with two requests, live queue and call next, bad national ID', async ({ browser }) => {
  // First run: there is no user and no default password; the first admin is created here.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(station.url);
  await expect(admin.getByRole('heading', { name: 'راه‌اندازی نخستین' })).toBeVisible();
  await finishFirstRun(admin, { displayName: 'مدیر سامانه', username: 'admin', password: PASSWORD }); // the wizard's own spec: first-run.spec.ts

  // The admin adds an operator and an official.
  await admin.getByText('کاربران', { exact: true }).click();
  for (const [name, username, role] of [
    ['زهرا پذیرش', 'operator', 'کاربر پذیرش'],
    ['مدیرکل', 'official', 'مسئول جلسه'],
  ] as const) {
    await admin.getByLabel('نام نمایشی').fill(name);
    await admin.getByLabel('نام کاربری').fill(username);
    await pick(admin, 'نقش', role);
    await admin.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
    await admin.getByRole('button', { name: 'افزودن کاربر' }).click();
    await expect(admin.getByRole('cell', { name: username, exact: true })).toBeVisible();
  }
  await adminContext.close();

  // The operator creates and opens today's meeting.
  const opContext = await browser.newContext();
  const op = await opContext.newPage();
  await login(op, 'operator');
  await op.getByRole('button', { name: 'جلسه تازه' }).click();
  await op.getByLabel('محل برگزاری').fill('اداره کل بهزیستی، سالن اجتماعات');
  await pick(op, 'شهرستان', 'شاهرود');
  await op.getByLabel('مسئولان حاضر (مدیرکل، معاونان…)').fill('مدیرکل، معاون توانبخشی');
  await op.getByRole('button', { name: 'ثبت جلسه' }).click();
  const row = op.getByTestId('meeting-row').filter({ hasText: 'اداره کل بهزیستی، سالن اجتماعات' });
  await expect(row).toContainText('برنامه‌ریزی‌شده');
  await expect(row).toContainText('۱۴۰۵'); // the Jalali year of the meeting date
  await row.getByRole('button', { name: 'باز کردن جلسه' }).click();
  await expect(row).toContainText('باز');

  // The official watches the queue of that meeting on another desk.
  const offContext = await browser.newContext();
  const off = await offContext.newPage();
  await login(off, 'official');
  await off.getByTestId('meeting-row').first().getByRole('button', { name: 'صف' }).click();
  await expect(off.getByText('کسی در صف نیست.')).toBeVisible();

  // Intake: national ID typed in Persian digits, not on file, so a new client is created.
  await row.getByRole('button', { name: 'پذیرش' }).click();
  const search = op.getByLabel('کد ملی یا نام مددجو');
  await search.fill(NEW_CLIENT_ID_FA);
  await search.press('Enter');
  await expect(op.getByRole('heading', { name: 'ثبت مددجوی تازه' })).toBeVisible();
  await expect(op.getByRole('textbox', { name: 'کد ملی', exact: true })).toHaveValue(NEW_CLIENT_ID);
  await expect(op.getByRole('textbox', { name: 'نام', exact: true })).toBeFocused();
  // Keyboard-first: Enter moves to the next field.
  await op.keyboard.type('فاطمه');
  await op.keyboard.press('Enter');
  await expect(op.getByLabel('نام خانوادگی')).toBeFocused();
  await op.keyboard.type('رضايي'); // Arabic ي, as some keyboards type it
  await op.keyboard.press('Enter');
  await op.keyboard.type('حسن');
  await pick(op, 'جنسیت', 'زن');
  await op.getByLabel('بانوی سرپرست خانوار').check();
  await pick(op, 'دسته درخواست', 'وسایل کمک توانبخشی');
  await op.getByLabel('شرح درخواست').fill('ویلچر برای فرزند دارای معلولیت');
  await op.keyboard.press('Alt+N'); // a second request
  await expect(op.getByTestId('request-row')).toHaveCount(2);
  await op.getByRole('combobox', { name: 'دسته درخواست', exact: true }).nth(1).click();
  await op.getByRole('option', { name: 'مستمری', exact: true }).click();
  await op.getByLabel('شرح درخواست').nth(1).fill('افزایش مستمری ماهانه');
  await op.keyboard.press('Control+Enter');
  await expect(op.getByTestId('ticket-number')).toHaveText('۱');

  // The official's queue shows the ticket without a reload, then calls it.
  const waiting = off.getByTestId('waiting-row');
  await expect(waiting).toHaveCount(1);
  await expect(waiting.first()).toContainText('فاطمه رضایی'); // stored with Persian ی
  await expect(waiting.first()).toContainText('۱');
  await off.getByRole('button', { name: /فراخوان نفر بعد/ }).click();
  const current = off.getByTestId('current-visit');
  await expect(current).toContainText('فاطمه رضایی');
  await expect(current).toContainText('ویلچر برای فرزند دارای معلولیت');
  await expect(current).toContainText('افزایش مستمری ماهانه');
  await expect(off.getByText('کسی در صف نیست.')).toBeVisible();
  await expect(off.getByTestId('called-table')).toContainText('فاطمه رضایی');
  // The call reached the operator's side too (the meeting's waiting count is back to zero).
  const opToken = await token(op);
  const meetings = await station.api<{ waiting: number; visits: number }[]>('meetings.list', {}, opToken);
  expect(meetings.ok && meetings.value[0]).toMatchObject({ waiting: 0, visits: 1 });

  // Bad national ID in the search box: a Persian message under the field.
  await op.getByTestId('next-visitor').click();
  await expect(search).toBeFocused();
  await search.fill(BAD_ID);
  await search.press('Enter');
  await expect(op.getByText('کد ملی نامعتبر است (رقم کنترل با بقیه رقم‌ها نمی‌خواند).')).toBeVisible();
  await expect(search).toHaveAttribute('aria-invalid', 'true');

  // Bad national ID reaching the host (typed into the new client's form): the host's Persian
  // message appears under that field, and nothing is written.
  await search.fill('0499370899');
  await search.press('Enter');
  await op.getByRole('textbox', { name: 'کد ملی', exact: true }).fill(BAD_ID);
  await op.getByRole('textbox', { name: 'نام', exact: true }).fill('علی');
  await op.getByLabel('نام خانوادگی').fill('کریمی');
  await pick(op, 'جنسیت', 'مرد');
  await pick(op, 'دسته درخواست', 'مسکن');
  await op.getByLabel('شرح درخواست').fill('ودیعه مسکن');
  await op.getByTestId('issue-ticket').click();
  const idField = op.getByRole('textbox', { name: 'کد ملی', exact: true });
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await expect(op.getByText('کد ملی نامعتبر است (رقم کنترل با بقیه رقم‌ها نمی‌خواند).')).toBeVisible();
  const found = await station.api<unknown[]>('clients.search', { query: 'کریمی' }, opToken);
  expect(found.ok && found.value).toEqual([]);
  const queue = await station.api<{ waiting: unknown[]; called: unknown[] }>('queue.list', { meetingId: (await station.api<{ id: string }[]>('meetings.list', {}, opToken) as { ok: true; value: { id: string }[] }).value[0]!.id }, opToken);
  expect(queue.ok && queue.value.waiting.length + queue.value.called.length).toBe(1);
});
