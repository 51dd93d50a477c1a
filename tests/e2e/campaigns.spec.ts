import { expect, test, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * The phone outreach campaign (issue 7, seed 000). The official organizes a campaign over two
 * counties (clients with a disability or elderly), names two callers of different kinds and
 * draws the list. The state social worker signs in, works through their own list with the
 * keyboard only — 1 reached (with a request raised: category and text), 2 not reached, 3 call
 * back, Enter saves and moves on — and the report shows the counts per county and per caller
 * kind, with totals that add up. The reached call's request waits in the campaign's meeting
 * for the official, like any visit.
 */

let station: RunningStation;
test.afterAll(async () => {
  await station?.stop();
});

const PASSWORD = 'secret-pass-1';
const fa = (s: string | number) => String(s).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

/** A valid national ID from nine digits (check digit: weighted sum mod 11). */
function nationalId(seed: number): string {
  const nine = String(100000000 + seed * 7919).slice(-9);
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

async function login(page: Page, username: string) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
}

test('a caller records calls with the keyboard and the report adds up', async ({ browser }) => {
  test.setTimeout(120_000);
  station = await startStation();
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  await must('users.create', { username: 'official', displayName: 'مدیرکل', role: 'official', password: PASSWORD }, admin);
  await must('users.create', { username: 'caller1', displayName: 'مریم مددکار', role: 'operator', password: PASSWORD }, admin);
  await must('users.create', { username: 'caller2', displayName: 'علی مددکار خصوصی', role: 'followup', password: PASSWORD }, admin);
  const lists = await must<{ counties: { id: string; name: string }[]; categories: { id: string; name: string }[] }>('lists.all', {}, admin);
  const [countyA, countyB] = lists.counties as [{ id: string; name: string }, { id: string; name: string }];
  const people: [string, string, 'disability' | 'elderly' | 'orphan'][] = [
    [countyA.id, 'زهرا احمدی', 'disability'],
    [countyA.id, 'رضا کریمی', 'disability'],
    [countyA.id, 'مینا رسولی', 'orphan'], // not drawn: no chosen circumstance
    [countyB.id, 'حسن نوری', 'elderly'],
    [countyB.id, 'فاطمه صادقی', 'elderly'],
  ];
  let seed = 11;
  for (const [countyId, name, circumstance] of people) {
    const [firstName, lastName] = name.split(' ') as [string, string];
    await must('clients.create', { nationalId: nationalId(seed++), firstName, lastName, sex: 'female', mobile: `0912${String(1000000 + seed).slice(-7)}`, countyId, circumstances: [circumstance] }, admin);
  }
  const official = (await must<{ token: string }>('auth.login', { username: 'official', password: PASSWORD }, null)).token;
  const users = await must<{ userId: string; username: string }[]>('users.list', {}, admin);
  const id = (u: string) => users.find((x) => x.username === u)!.userId;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
  const campaign = await must<{ id: string; meetingId: string }>(
    'campaigns.create',
    { title: 'تماس تلفنی با مددجویان', from: today, to: today, countyIds: [countyA.id, countyB.id], circumstances: ['disability', 'elderly'] },
    official,
  );
  await must('campaigns.setCallers', { campaignId: campaign.id, callers: [{ userId: id('caller1'), kind: 'state_social_worker' }, { userId: id('caller2'), kind: 'private_social_worker' }] }, official);
  const drawn = await must<{ added: number }>('campaigns.draw', { campaignId: campaign.id }, official);
  expect(drawn.added).toBe(4);

  // The organizer's view: the list, the new-campaign form (Jalali dates), the callers and their shares.
  const orgPage = await (await browser.newContext()).newPage();
  await login(orgPage, 'official');
  await orgPage.goto(new URL('/#/campaigns', station.url).href);
  await expect(orgPage.getByTestId('campaign-row')).toHaveCount(1);
  await orgPage.getByTestId('campaign-new').click();
  await expect(orgPage.getByTestId('campaign-form')).toBeVisible();
  await orgPage.screenshot({ path: '/tmp/campaigns-create.png' });
  await orgPage.keyboard.press('Escape');
  await orgPage.getByTestId('campaign-row').click();
  await orgPage.getByRole('tab', { name: 'تماس‌گیرندگان' }).click();
  await expect(orgPage.getByTestId('caller-row')).toHaveCount(2);
  await expect(orgPage.getByTestId('caller-row').first().locator('input').first()).toHaveValue('مددکار دولتی');
  await orgPage.screenshot({ path: '/tmp/campaigns-callers.png' });

  // The state social worker's own list: two of the four (kinds take turns).
  const page = await (await browser.newContext()).newPage();
  await login(page, 'caller1');
  await page.goto(new URL(`/#/campaigns/${campaign.id}`, station.url).href);
  await expect(page.getByTestId('work-row')).toHaveCount(2);
  await expect(page.getByTestId('work-remaining')).toContainText(fa(2));
  const form = page.getByTestId('call-form');
  await expect(form).toBeFocused();
  const firstName = await page.getByTestId('call-client').innerText();
  await expect(page.getByTestId('call-mobile')).toHaveText(/^[۰-۹]{11}$/);
  await page.screenshot({ path: '/tmp/campaigns-worklist.png' });

  // 1: reached; the request's category is focused; pick it, type the request, Enter saves.
  await page.keyboard.press('1');
  const category = page.getByTestId('request-category-0');
  await expect(category).toBeFocused();
  await category.fill(lists.categories[0]!.name.slice(0, 4));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('request-text-0')).toBeFocused();
  await page.keyboard.type('درخواست ویلچر برای فرزند');
  await page.screenshot({ path: '/tmp/campaigns-call.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByText(/درخواست‌ها با نوبت ۱ نزد مسئول رفت/)).toBeVisible();

  // The next client comes up, focused: 3 call back, Enter.
  await expect(page.getByTestId('call-client')).not.toHaveText(firstName);
  await expect(form).toBeFocused();
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('work-remaining')).toContainText(fa(1));
  // The call-back stays on the list, marked; calling again: 2 not reached, Enter.
  await expect(page.getByTestId('work-row')).toHaveCount(1);
  await expect(page.getByTestId('work-row')).toContainText('تماس دوباره');
  await expect(form).toBeFocused();
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('work-empty')).toBeVisible();

  // The report: three calls today, per county and per caller kind, totals adding up.
  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report-total')).toContainText(`${fa(3)} تماس`);
  await expect(page.getByTestId('report-total')).toContainText(`${fa(1)} درخواست`);
  await expect(page.getByTestId('report-county-total')).toHaveText(fa(3));
  await expect(page.getByTestId('report-kind-total')).toHaveText(fa(3));
  const kindTotals = page.getByTestId('report-kind').locator('tfoot');
  await expect(kindTotals.locator('[data-col="state_social_worker"]')).toHaveText(fa(3));
  await expect(kindTotals.locator('[data-col="private_social_worker"]')).toHaveText(fa(0));
  const countyTotals = page.getByTestId('report-county').locator('tfoot');
  await expect(countyTotals.locator(`[data-col="${countyA.id}"]`)).toHaveText(fa(1));
  await expect(countyTotals.locator(`[data-col="${countyB.id}"]`)).toHaveText(fa(2));
  await expect(page.getByTestId('report-county').locator(`tr[data-day="${today}"] [data-col="total"]`)).toHaveText(fa(3));
  // The other measures, one at a time.
  await page.getByTestId('report-measure').getByText('درخواست‌ها').click();
  await expect(page.getByTestId('report-kind-total')).toHaveText(fa(1));
  await page.getByTestId('report-measure').getByText('تماس‌ها').click();
  await page.screenshot({ path: '/tmp/campaigns-report.png', fullPage: true });

  // The host agrees, and the request waits for the official in the campaign's meeting.
  const report = await must<{ total: { calls: number; reached: number; notReached: number; callBack: number; requests: number } }>('campaigns.report', { campaignId: campaign.id }, official);
  expect(report.total).toEqual({ calls: 3, reached: 1, notReached: 1, callBack: 1, requests: 1 });
  const queue = await must<{ waiting: { ticket: number }[] }>('queue.list', { meetingId: campaign.meetingId }, official);
  expect(queue.waiting.map((w) => w.ticket)).toEqual([1]);
});
