import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalledVisit, Lists, Meeting, Report, SessionInfo, VisitDetail } from '../../electron/core/contract';
import type { SyncConflict, SyncExport, SyncImportResult } from '../../electron/core/contract/sync';
import { startStation, type RunningStation } from './station';

/**
 * The province-wide desk day (seed 004): two sites, each on its own station host with its own
 * temporary database, run a meeting (through the API, as their desks would); site A exports
 * through the screen (a download), site B through the API; the directorate's station imports
 * both through the screen, and A again (nothing changes), decides the one conflict (the same
 * person registered at both sites with different mobiles), and its province report adds up.
 */

const PASSWORD = 'secret-pass-1';
const SHOTS = '/tmp';
type Api = RunningStation['api'];

async function must<T>(api: Api, method: string, input: unknown, token?: string): Promise<T> {
  const result = await api<T>(method, input, token);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message} (${result.error.field ?? ''})`);
  return result.value;
}
const tehranToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
function nationalId(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0) % 11;
  return `${nine}${sum < 2 ? sum : 11 - sum}`;
}
const SHARED_ID = nationalId('004004004');

async function setUpAdmin(station: RunningStation): Promise<string> {
  const s = await must<SessionInfo>(station.api, 'auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD });
  return s.token;
}

interface SiteRun {
  station: RunningStation;
  admin: string;
  meeting: Meeting;
}

/** A site's meeting day: `visitors` new clients (two requests each) and the shared client, all called and instructed; every other referral closed. */
async function runSite(station: RunningStation, place: string, prefix: string, visitors: number, sharedMobile: string): Promise<SiteRun> {
  const api = station.api;
  const admin = await setUpAdmin(station);
  await must(api, 'users.create', { username: 'official', displayName: 'رئیس سازمان', role: 'official', password: PASSWORD }, admin);
  await must(api, 'users.create', { username: 'followup', displayName: 'کارشناس پیگیری', role: 'followup', password: PASSWORD }, admin);
  const official = (await must<SessionInfo>(api, 'auth.login', { username: 'official', password: PASSWORD })).token;
  const followup = (await must<SessionInfo>(api, 'auth.login', { username: 'followup', password: PASSWORD })).token;
  const lists = await must<Lists>(api, 'lists.all', {}, admin);
  const [catA, catB] = [lists.categories[0]!.id, lists.categories[1]!.id];
  const unitId = lists.units[0]!.id;
  const meeting = await must<Meeting>(
    api,
    'meetings.create',
    { kind: 'province_day', title: `میز خدمت ${place}`, date: tehranToday(), place, presiding: 'رئیس سازمان', countyId: lists.counties[0]!.id },
    admin,
  );
  await must(api, 'meetings.open', { id: meeting.id }, admin);
  for (let i = 0; i < visitors; i++) {
    await must(
      api,
      'visits.register',
      {
        meetingId: meeting.id,
        newClient: { nationalId: nationalId(`${prefix}${String(i).padStart(6, '0')}`), firstName: 'مددجو', lastName: `${place} ${i + 1}`, sex: 'female' },
        requests: [
          { categoryId: catA, text: 'درخواست وسایل کمک توانبخشی' },
          { categoryId: catB, text: 'درخواست مستمری' },
        ],
      },
      admin,
    );
  }
  await must(
    api,
    'visits.register',
    {
      meetingId: meeting.id,
      newClient: { nationalId: SHARED_ID, firstName: 'زهرا', lastName: 'احمدی', sex: 'female', mobile: sharedMobile },
      requests: [{ categoryId: catA, text: 'مناسب‌سازی منزل' }],
    },
    admin,
  );
  let n = 0;
  for (;;) {
    const called = await must<CalledVisit | null>(api, 'queue.callNext', { meetingId: meeting.id, desk: 'میز ۱' }, official);
    if (!called) break;
    const detail = await must<VisitDetail>(api, 'visits.detail', { visitId: called.visitId }, official);
    for (const r of detail.requests) {
      const answered = n++ % 3 === 0;
      const fields = answered
        ? { kind: 'answered', text: 'پاسخ داده شد', answer: 'در جلسه انجام شد' }
        : { kind: 'unit', text: 'بررسی و اقدام', unitId, dueDate: tehranToday() };
      const ins = await must<{ id: string }>(api, 'instructions.issue', { requestId: r.id, fields }, official);
      if (!answered && n % 2 === 0) await must(api, 'followups.close', { instructionId: ins.id, outcome: 'done', note: 'انجام شد' }, followup);
    }
    await must(api, 'visits.finish', { visitId: called.visitId }, official);
  }
  return { station, admin, meeting };
}

async function login(page: Page, station: RunningStation) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill('admin');
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
  await page.getByText('تبادل داده میزها', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'تبادل داده میزها' })).toBeVisible();
}

async function importThroughScreen(page: Page, file: string) {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId('sync-import').click();
  await expect(page.getByTestId('sync-result')).toBeVisible();
}

const stations: RunningStation[] = [];
test.afterAll(async () => {
  await Promise.all(stations.map((s) => s.stop()));
});

test('two sites export their day; the directorate imports both (and one again) and the province report adds up', async ({ browser }) => {
  test.setTimeout(180_000);
  const [stA, stB, stD] = await Promise.all([startStation(), startStation(), startStation()]);
  stations.push(stA, stB, stD);
  const [a, b] = await Promise.all([runSite(stA, 'فرمانداری سرخه', '101', 5, '09121111111'), runSite(stB, 'فرمانداری گرمسار', '202', 3, '09122222222')]);
  const dirAdmin = await setUpAdmin(stD);
  const folder = mkdtempSync(join(tmpdir(), 'didar-sync-e2e-'));

  // ── Site A exports through the screen: today's meeting is chosen; the file downloads. ──
  const pageA = await browser.newPage();
  await login(pageA, stA);
  await pageA.getByTestId('sync-tab-export').click();
  await expect(pageA.getByTestId('sync-meeting-row')).toHaveCount(1);
  await expect(pageA.getByTestId('sync-meeting-row').getByRole('checkbox')).toBeChecked();
  await pageA.getByTestId('sync-site-name').fill('فرمانداری سرخه');
  const [download] = await Promise.all([pageA.waitForEvent('download'), pageA.getByTestId('sync-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^didar-site-\d{4}-\d{2}-\d{2}-.*\.json$/);
  const fileA = join(folder, download.suggestedFilename());
  await download.saveAs(fileA);
  await expect(pageA.getByTestId('sync-exported')).toBeVisible();
  await pageA.screenshot({ path: `${SHOTS}/sync-export.png` });
  const contentA = readFileSync(fileA, 'utf8');
  expect(JSON.parse(contentA)).toMatchObject({ format: 'didar-site-export', version: 1, site: { siteName: 'فرمانداری سرخه' } });
  await pageA.close();

  // ── Site B exports through the API. ──
  const exportB = await must<SyncExport>(stB.api, 'sync.export', { meetingIds: [b.meeting.id], siteName: 'فرمانداری گرمسار' }, b.admin);
  const fileB = join(folder, exportB.fileName.replace('.json', '-b.json'));
  writeFileSync(fileB, exportB.content);

  // ── The directorate imports both through the screen, then A again. ──
  const page = await browser.newPage();
  await login(page, stD);
  await importThroughScreen(page, fileA);
  await expect(page.getByTestId('sync-imported')).toBeVisible();
  await expect(page.getByTestId('sync-summary-visits')).toContainText('۶');
  await importThroughScreen(page, fileB);
  await expect(page.getByTestId('sync-imported')).toContainText('فرمانداری گرمسار');
  await expect(page.getByTestId('sync-result')).toContainText('۱ مددجو با همان کد ملی');
  await expect(page.getByTestId('sync-history-row')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/sync-import.png`, fullPage: true });
  await importThroughScreen(page, fileA);
  await expect(page.getByTestId('sync-already')).toBeVisible();
  await expect(page.getByTestId('sync-history-row')).toHaveCount(2);

  // A file changed by hand is refused, naming the file.
  const tampered = join(folder, 'tampered.json');
  writeFileSync(tampered, contentA.replace('درخواست مستمری', 'درخواست مستمری دیگر'));
  await page.locator('input[type="file"]').setInputFiles(tampered);
  await page.getByTestId('sync-import').click();
  await expect(page.getByTestId('sync-import-error')).toContainText('tampered.json');
  await expect(page.getByTestId('sync-import-error')).toContainText('آسیب');

  // ── The expected totals: the directorate's province report is the sum of the sites'. ──
  const [ra, rb, rd] = await Promise.all([
    must<Report>(stA.api, 'reports.build', {}, a.admin),
    must<Report>(stB.api, 'reports.build', {}, b.admin),
    must<Report>(stD.api, 'reports.build', {}, dirAdmin),
  ]);
  expect(rd.headline.visits).toBe(6 + 4);
  expect(rd.headline.requests).toBe(5 * 2 + 1 + 3 * 2 + 1);
  for (const k of ['meetings', 'visits', 'requests', 'instructions', 'answeredOnSpot', 'open', 'closed'] as const) {
    expect(rd.headline[k], k).toBe(ra.headline[k] + rb.headline[k]);
  }
  expect(rd.headline.clients).toBe(ra.headline.clients + rb.headline.clients - 1);

  // ── The conflict: the same person, another mobile; side by side, the person decides. ──
  await page.getByTestId('sync-tab-conflicts').click();
  const card = page.getByTestId('sync-conflict').filter({ hasText: 'زهرا احمدی' });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('sync-diff-mobile')).toContainText('۰۹۱۲۱۱۱۱۱۱۱');
  await expect(card.getByTestId('sync-diff-mobile')).toContainText('۰۹۱۲۲۲۲۲۲۲۲');
  await page.screenshot({ path: `${SHOTS}/sync-conflicts.png`, fullPage: true });
  await card.getByTestId('sync-keep-incoming').click();
  await expect(page.getByTestId('sync-conflict').filter({ hasText: 'احمدی' })).toHaveCount(0);
  const all = await must<{ items: SyncConflict[] }>(stD.api, 'sync.conflicts', { status: 'all' }, dirAdmin);
  const decided = all.items.find((c) => c.entity === 'clients')!;
  expect(decided).toMatchObject({ status: 'resolved', resolution: 'incoming', local: { mobile: '09121111111' }, incoming: { mobile: '09122222222' } });
  const again = await must<SyncImportResult>(stD.api, 'sync.import', { content: exportB.content, fileName: 'again.json' }, dirAdmin);
  expect(again.alreadyImported).toBe(true);
  await page.close();
});
