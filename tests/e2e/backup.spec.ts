import { copyFileSync, closeSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * Data safety (issue 8): the admin makes a backup on the backups screen; a client is added
 * after it; the admin restores the backup there, after a confirmation that says what will
 * happen. Every desk (the admin's and an operator's) returns to the sign-in screen with a
 * Persian notice; after signing in again the later client is gone, and the replaced database is
 * in the list as a checked file. A corrupted copy in the folder is refused with a Persian
 * message (at once when its start is garbage, after the full check when its middle is) and
 * nothing is replaced.
 */

let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station?.stop();
});

const ADMIN_PASSWORD = 'admin-password-1';
const CLERK_PASSWORD = 'clerk-password-1';
const SHOT = (name: string) => `/tmp/backup-${name}.png`;

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

async function open(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(station.url);
  return page;
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await expect(page.getByTestId('whoami')).toBeVisible();
}

const backupsFolder = () => join(station.dataDir, 'backups');
const rows = (page: Page) => page.getByTestId('backup-row');

/** A copy of a backup with garbage written at `offset`, named as a manual backup of `at`. */
function corruptCopy(source: string, at: string, offset: (size: number) => number): string {
  const name = `didar-${at}-manual.sqlite`;
  copyFileSync(join(backupsFolder(), source), join(backupsFolder(), name));
  const size = statSync(join(backupsFolder(), name)).size;
  const fd = openSync(join(backupsFolder(), name), 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, offset(size));
  closeSync(fd);
  return name;
}

test('make a backup, restore it on the screen: every desk signs in again, the later client is gone, the replaced file is kept; a corrupted backup is refused', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: ADMIN_PASSWORD }, null)).token;
  await must('users.create', { username: 'clerk', displayName: 'زهرا کریمی', role: 'operator', password: CLERK_PASSWORD }, admin);
  const meeting = await must<{ id: string }>('meetings.create', { kind: 'weekly_public', title: 'دیدار مردمی', date: '2026-11-23', place: 'اداره کل', presiding: '' }, admin);
  await must('meetings.open', { id: meeting.id }, admin);
  const categoryId = (await must<{ categories: { id: string }[] }>('lists.all', {}, admin)).categories[0]!.id;
  const register = (nationalId: string, lastName: string) =>
    must('visits.register', { meetingId: meeting.id, newClient: { nationalId, firstName: 'مریم', lastName, sex: 'female' }, requests: [{ categoryId, text: 'ویلچر' }] }, admin);
  await register('0084575948', 'پیش‌از‌پشتیبان');

  // The admin makes a backup on the screen.
  const page = await open(browser);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await page.getByText('پشتیبان‌گیری', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'پشتیبان‌گیری و بازگردانی' })).toBeVisible();
  await expect(page.getByText('هنوز پشتیبانی در این پوشه نیست.')).toBeVisible();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-last')).toContainText('پشتیبان ساخته و بررسی شد');
  await expect(rows(page)).toHaveCount(1);
  const made = rows(page).first();
  await expect(made).toContainText('دستی');
  await expect(made).toContainText('سالم');
  await expect(made).toContainText(/[۰-۹]+ کیلوبایت|[۰-۹٫.]+ مگابایت/);
  // Jalali date (Tehran): year ۱۴۰۵ or later, Persian digits only.
  await expect(made.locator('td').first()).toContainText(/۱۴[۰-۹]{2}/);
  await expect(made.locator('td').first()).not.toContainText(/[0-9]/);
  const backupName = (await made.getAttribute('data-name'))!;
  expect(backupName).toMatch(/^didar-.*-manual\.sqlite$/);
  await page.screenshot({ path: SHOT('list'), fullPage: true });

  // A client is registered after the backup; an operator is at another desk.
  await register('0013542419', 'پس‌از‌پشتیبان');
  const clerk = await open(browser);
  await signIn(clerk, 'clerk', CLERK_PASSWORD);

  // Restore, by keyboard: the row's button, then the confirmation that says what will happen.
  await made.getByRole('button', { name: /بازگردانی پشتیبان/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('نخست درستی پشتیبان بررسی می‌شود');
  await expect(dialog).toContainText('-before-restore.sqlite');
  await expect(dialog).toContainText('همه کاربران، از جمله شما، از سامانه خارج می‌شوند');
  // The picture is taken once the dialog has finished fading in (not half over the page).
  await expect(dialog).toHaveCSS('opacity', '1');
  await page.screenshot({ path: SHOT('confirm') });
  await dialog.getByRole('button', { name: 'بازگردانی و خروج همه کاربران' }).click();

  // Every desk is back at the sign-in screen, told why.
  for (const desk of [page, clerk]) {
    await expect(desk.getByRole('button', { name: 'ورود', exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(desk.getByText('داده‌های دیدار از یک پشتیبان بازگردانده شد')).toBeVisible();
  }
  await clerk.screenshot({ path: SHOT('signed-out') });

  // Signed in again: the client registered after the backup is gone, the earlier one is there.
  await signIn(page, 'admin', ADMIN_PASSWORD);
  const token = (await must<{ token: string }>('auth.login', { username: 'admin', password: ADMIN_PASSWORD }, null)).token;
  expect(await must<unknown[]>('clients.search', { query: 'پس‌از‌پشتیبان' }, token)).toHaveLength(0);
  expect(await must<unknown[]>('clients.search', { query: 'پیش‌از‌پشتیبان' }, token)).toHaveLength(1);
  // The old session is gone for good.
  expect((await station.api('backup.list', {}, admin)).ok).toBe(false);

  // The replaced database is kept and listed, checked.
  await page.getByText('پشتیبان‌گیری', { exact: true }).click();
  await expect(page.getByTestId('backup-last')).toContainText('پشتیبان بازگردانده شد؛ داده پیشین با نام');
  const kept = rows(page).filter({ hasText: 'داده جایگزین‌شده (پیش از بازگردانی)' });
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText('سالم');
  await expect(rows(page)).toHaveCount(2);
  await page.screenshot({ path: SHOT('after-restore'), fullPage: true });

  // Corrupted copies: garbage over the start is refused at once; garbage inside by the full check.
  const filesBefore = readdirSync(backupsFolder()).sort();
  const headerBroken = corruptCopy(backupName, '2026-01-01T05-00-00-000Z', () => 0);
  const middleBroken = corruptCopy(backupName, '2026-01-02T05-00-00-000Z', (size) => Math.floor(size / 2 / 4096) * 4096);
  await page.reload();
  await expect(rows(page)).toHaveCount(4);

  await page.locator(`[data-name="${headerBroken}"]`).getByRole('button', { name: /بازگردانی پشتیبان/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'بازگردانی و خروج همه کاربران' }).click();
  await expect(page.getByTestId('restore-error')).toContainText('پرونده پشتیبان سالم نیست');
  await expect(page.getByTestId('restore-error')).toContainText('چیزی جایگزین نشد');
  await page.screenshot({ path: SHOT('refused-header') });
  await page.getByRole('dialog').getByRole('button', { name: 'انصراف' }).click();
  await expect(page.locator(`[data-name="${headerBroken}"]`)).toContainText('آسیب‌دیده');

  await page.locator(`[data-name="${middleBroken}"]`).getByRole('button', { name: /بازگردانی پشتیبان/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'بازگردانی و خروج همه کاربران' }).click();
  await expect(page.getByTestId('backup-last')).toContainText('بازگردانی پشتیبان ناموفق بود', { timeout: 30_000 });
  await expect(page.getByTestId('backup-last')).toContainText('بررسی درستی پرونده پشتیبان ناموفق بود');
  await expect(page.locator(`[data-name="${middleBroken}"]`)).toContainText('آسیب‌دیده');
  await page.screenshot({ path: SHOT('refused-check'), fullPage: true });

  // Nothing was replaced: still signed in, the same data, no new file besides the two copies.
  await expect(page.getByTestId('whoami')).toBeVisible();
  expect(await must<unknown[]>('clients.search', { query: 'پیش‌از‌پشتیبان' }, token)).toHaveLength(1);
  const sqlite = (names: string[]) => names.filter((n) => n.endsWith('.sqlite')).sort();
  expect(sqlite(readdirSync(backupsFolder()))).toEqual(sqlite([...filesBefore, headerBroken, middleBroken]));
  expect(readdirSync(station.dataDir).filter((n) => n.includes('restoring') || n.includes('replaced'))).toEqual([]);
});
