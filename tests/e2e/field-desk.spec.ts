import { expect, test } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * A field desk with agencies at the table (seeds 001, 003): the gas company's representative
 * sits at the table with Didar open on their own laptop; the presiding official hands a request
 * to the gas company at the table, and it appears on the representative's desk without a reload;
 * they answer it there. Another is taken away with a due date. The meeting's report shows what
 * the agency was handed, answered and took.
 */

let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station.stop();
});

const PASSWORD = 'secret-pass-1';
const SHOTS = '/tmp/field-desk';
interface ListItem {
  id: string;
  name: string;
}

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

test('the official hands requests to the gas company at the table; its representative answers one there and takes one with a due date', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  const lists = await must<{ categories: ListItem[]; agencies: ListItem[] }>('lists.all', {}, admin);
  const gas = lists.agencies.find((a) => a.name === 'اداره گاز')!.id;
  const power = lists.agencies.find((a) => a.name === 'اداره برق')!.id;
  await must('users.create', { username: 'official', displayName: 'مدیرکل', role: 'official', password: PASSWORD }, admin);
  await must('users.create', { username: 'gas', displayName: 'نماینده اداره گاز', role: 'agency', agencyId: gas, password: PASSWORD }, admin);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
  const meeting = await must<{ id: string }>(
    'meetings.create',
    { kind: 'field_desk', title: 'میز خدمت سیار سرخه', date: today, place: 'مسجد جامع سرخه', presiding: 'مدیرکل', agencyIds: [gas, power] },
    admin,
  );
  await must('meetings.open', { id: meeting.id }, admin);
  await must(
    'visits.register',
    {
      meetingId: meeting.id,
      newClient: { nationalId: '0084575948', firstName: 'فاطمه', lastName: 'احمدی', sex: 'female', mobile: '09121234567' },
      requests: [
        { categoryId: lists.categories[0]!.id, text: 'کوچه بن‌بست شهدا گاز ندارد' },
        { categoryId: lists.categories[0]!.id, text: 'نشت گاز در کنتور منزل' },
      ],
    },
    admin,
  );

  // The representative opens their desk: nothing handed yet.
  const repContext = await browser.newContext();
  const rep = await repContext.newPage();
  await rep.goto(station.url);
  await rep.getByLabel('نام کاربری').fill('gas');
  await rep.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await rep.keyboard.press('Enter');
  await rep.getByText('میز دستگاه', { exact: true }).click();
  await expect(rep.getByText('درخواستی به این دستگاه در میز جلسه‌های باز سپرده نشده است.')).toBeVisible();
  await expect(rep.getByRole('heading', { name: 'میز دستگاه — اداره گاز' })).toBeVisible();

  // The official calls the visitor and hands the first request to the gas company at the table, by keyboard.
  const offContext = await browser.newContext();
  const off = await offContext.newPage();
  await off.goto(station.url);
  await off.getByLabel('نام کاربری').fill('official');
  await off.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await off.keyboard.press('Enter');
  await off.getByTestId('meeting-row').filter({ hasText: 'میز خدمت سیار سرخه' }).getByRole('button', { name: 'میز مسئول جلسه' }).click();
  await off.keyboard.press('F2');
  await expect(off.getByTestId('desk-client-name')).toHaveText('فاطمه احمدی');
  const cards = off.getByTestId('request-card');
  await expect(cards.nth(0).locator('input[type=radio]:checked')).toBeFocused();
  await off.keyboard.press('3');
  await off.keyboard.press('Enter');
  await off.keyboard.type('نماینده گاز در میز بررسی و اقدام کند');
  await off.keyboard.press('Enter');
  await off.keyboard.type('گاز');
  await expect(off.getByRole('option', { name: 'اداره گاز' })).toBeVisible();
  await expect(off.getByText('حاضر در میز')).toBeVisible();
  await off.keyboard.press('Enter');
  await expect(cards.nth(0).getByTestId('at-table')).toBeChecked();
  await expect(cards.nth(0).locator('input[name="dueDate"]')).toBeDisabled();
  await off.screenshot({ path: `${SHOTS}/01-official-hands-at-table.png` });
  await off.keyboard.press('Control+Enter');
  await expect(cards.nth(0).getByTestId('at-table-badge')).toContainText('در انتظار نماینده');

  // It is on the representative's desk at once, without a reload.
  const item = rep.getByTestId('agency-item');
  await expect(item).toHaveCount(1, { timeout: 5_000 });
  await expect(item).toContainText('فاطمه احمدی');
  await expect(item).toContainText('کوچه بن‌بست شهدا گاز ندارد');
  await expect(item).toContainText('نماینده گاز در میز بررسی و اقدام کند');
  await rep.screenshot({ path: `${SHOTS}/02-representative-sees-it.png` });

  // The second request, handed the same way.
  await expect(cards.nth(1).locator('input[type=radio]:checked')).toBeFocused();
  await off.keyboard.press('3');
  await off.keyboard.press('Enter');
  await off.keyboard.type('بازرسی کنتور و رفع نشت');
  await off.keyboard.press('Enter');
  await off.keyboard.type('گاز');
  await expect(off.getByRole('option', { name: 'اداره گاز' })).toBeVisible();
  await off.keyboard.press('Enter');
  await off.keyboard.press('Control+Enter');
  await expect(cards.nth(1).getByTestId('at-table-badge')).toBeVisible();
  await expect(item).toHaveCount(2);

  // The representative answers the first there: done, with what was agreed.
  const first = item.filter({ hasText: 'کوچه بن‌بست شهدا' });
  await first.getByRole('textbox', { name: 'توضیح' }).fill('لوله‌کشی کوچه در برنامه این ماه قرار گرفت');
  await first.getByRole('textbox', { name: 'توضیح' }).press('Control+Enter');
  await expect(item).toHaveCount(1);
  const done = rep.getByTestId('agency-done');
  await expect(done).toContainText('فاطمه احمدی');
  await expect(done).toContainText('پاسخ در میز');

  // …and takes the second away with a due date.
  await item.getByText('تحویل با مهلت').click();
  await item.getByRole('textbox', { name: 'توضیح' }).fill('بازدید کارشناس در هفته آینده');
  await item.getByTestId('take-save').click();
  await expect(item).toHaveCount(0);
  await expect(done).toContainText('تحویل با مهلت');
  await rep.screenshot({ path: `${SHOTS}/03-representative-done.png` });

  // On the official's desk, both show what became of them.
  await expect(cards.nth(0).getByTestId('at-table-badge')).toContainText('پاسخ در میز');
  await expect(cards.nth(1).getByTestId('at-table-badge')).toContainText('تحویل با مهلت');

  // The meeting's report: handed 2, answered at the table 1, taken with a due date 1, none waiting.
  const report = await must<{ byAgencyAtTable: { rows: { key: string; values: number[] }[]; totals: number[] } }>('reports.build', { meetingId: meeting.id }, admin);
  expect(report.byAgencyAtTable.rows.find((r) => r.key === gas)!.values).toEqual([2, 1, 1, 0]);
  expect(report.byAgencyAtTable.totals).toEqual([2, 1, 1, 0]);

  // The same table on the reports screen, for the meeting.
  await off.goto(`${station.url}#/reports`);
  await off.getByText('یک جلسه', { exact: true }).click();
  await off.getByRole('combobox', { name: 'جلسه' }).click();
  await off.getByRole('option', { name: /میز خدمت سیار سرخه/ }).click();
  const atTable = off.getByTestId('report-table-byAgencyAtTable');
  await expect(atTable).toContainText('سپرده به دستگاه‌های حاضر در میز');
  await expect(atTable.getByRole('row').filter({ hasText: 'اداره گاز' })).toContainText('۲');
  await atTable.scrollIntoViewIfNeeded();
  await off.screenshot({ path: `${SHOTS}/04-report-at-table.png` });
  await repContext.close();
  await offContext.close();
});
