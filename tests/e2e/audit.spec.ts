import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * The audit log viewer: every change with who, when, which record, before and after; and the
 * chain check, which turns red when an entry is changed behind the program's back.
 */
let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station.stop();
});

const PASSWORD = 'secret-pass-1';

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

test('the admin reads the audit log, opens an entry, and sees the chain break when an entry is changed in the file', async ({ page }) => {
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  const meeting = await must<{ id: string }>('meetings.create', { kind: 'weekly_public', title: 'دیدار مردمی', date: '2026-11-23', place: 'اداره کل', presiding: '' }, admin);
  await must('meetings.open', { id: meeting.id }, admin);
  const categories = (await must<{ categories: { id: string }[] }>('lists.all', {}, admin)).categories;
  await must(
    'visits.register',
    { meetingId: meeting.id, newClient: { nationalId: '0084575948', firstName: 'مریم', lastName: 'کریمی', sex: 'female' }, requests: [{ categoryId: categories[0]!.id, text: 'ویلچر' }] },
    admin,
  );

  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill('admin');
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByText('رویدادنگار', { exact: true }).click();
  await expect(page.getByTestId('audit-chain')).toContainText('زنجیره رویدادها سالم است');
  const rows = page.getByTestId('audit-row');
  // Newest first: the admin's sign-in through the screen, then the registration made before it.
  await expect(rows.first()).toContainText('ورود');
  await expect(rows.filter({ hasText: 'پذیرش' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'پذیرش' })).toContainText('مدیر سامانه');
  await rows.filter({ hasText: 'مددجو' }).first().getByRole('button', { name: 'جزئیات' }).click();
  await expect(page.getByText('"firstName": "مریم"')).toBeVisible();
  await page.screenshot({ path: '/tmp/audit-viewer.png' });

  // Someone edits the file directly: the client's entry now says another name.
  const db = new Database(join(station.dataDir, 'didar.db'));
  db.prepare(`UPDATE audit_log SET after = replace(after, 'مریم', 'مهری') WHERE entity = 'client'`).run();
  db.close();
  await page.getByRole('button', { name: 'بررسی دوباره زنجیره' }).click();
  await expect(page.getByTestId('audit-chain')).toContainText('شکسته است');
  await expect(page.getByTestId('audit-chain')).toContainText('محتوای این رویداد تغییر کرده است.');
  await page.screenshot({ path: '/tmp/audit-broken.png' });
});
