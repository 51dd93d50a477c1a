import { expect, test, type Page } from '@playwright/test';
import * as ExcelNs from 'exceljs';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { CalledVisit, Instruction, ListItem, Lists, Meeting, QueueStats, Report, ReportTable, SessionInfo, DailyFollowup, Ticket } from '../../electron/core/contract';
import { fold, latinDigits, pdfInfo, pdfPageTexts, pdfToPngs, tokens } from './pdf';
import { startStation, type RunningStation } from './station';

/**
 * Reports that add up, seen the way the director sees them. A meeting today (five visitors:
 * instructions of every kind, with amounts, one referral closed with money delivered, one
 * no-show, one still waiting) and a meeting last Jalali month are set up through the API as
 * the desks would. The reports screen, for the meeting and for the province, shows the host's
 * own figures (reports.build) in Persian digits; the xlsx export is read back here (right-to-
 * left sheets, Persian headers, numbers as numbers, totals that are the column sums and the
 * host's); the PDF export (POST /print/pdf of #/print/report/<scope>) is read back as text;
 * the dashboard follows today's queue live and sets this month against the last.
 */

let station: RunningStation;
let scene: Scene;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  station = await startStation();
  scene = await setUp();
});
test.afterAll(async () => {
  await station.stop();
});

const PASSWORD = 'secret-pass-1';
const DIRECTORATE = 'اداره کل بهزیستی استان سمنان';
const MEETING_TITLE = 'دیدار مردمی هفتگی مدیرکل';
const PAST_TITLE = 'میز خدمت محلی سرخه';
/** Set REPORT_SHOTS=1 to save screenshots of the screens and the PDF's pages to /tmp/report-shots. */
const SHOTS = process.env.REPORT_SHOTS ? '/tmp/report-shots' : null;

type Api = RunningStation['api'];
const Excel = (ExcelNs as unknown as { default?: typeof ExcelNs }).default ?? ExcelNs;

async function must<T>(api: Api, method: string, input: unknown, token?: string): Promise<T> {
  const result = await api<T>(method, input, token);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message} (${result.error.field ?? ''})`);
  return result.value;
}

const faNum = (n: number) => new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 }).format(n);
const tehranToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const jalaliParts = new Intl.DateTimeFormat('en-u-ca-persian', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
function jalaliMonthOf(iso: string): string {
  const p = Object.fromEntries(jalaliParts.formatToParts(new Date(`${iso}T12:00:00Z`)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}`;
}
/** The first and last Gregorian dates of the Jalali month holding `iso`, found by walking the days. */
function jalaliMonth(iso: string): { from: string; to: string } {
  const month = jalaliMonthOf(iso);
  let from = iso;
  while (jalaliMonthOf(addDays(from, -1)) === month) from = addDays(from, -1);
  let to = iso;
  while (jalaliMonthOf(addDays(to, 1)) === month) to = addDays(to, 1);
  return { from, to };
}

/** A valid national ID from nine digits (the tenth is the check digit: weighted sum mod 11). */
function nationalId(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0) % 11;
  return `${nine}${sum < 2 ? sum : 11 - sum}`;
}

interface Scene {
  officialToken: string;
  operatorToken: string;
  meeting: Meeting;
  past: Meeting;
  thisMonth: { from: string; to: string };
  lastMonth: { from: string; to: string };
}

/** Admin setup, an operator and an official; today's meeting with five visitors; a meeting last Jalali month with one. */
async function setUp(): Promise<Scene> {
  const api = station.api;
  const admin = (await must<SessionInfo>(api, 'auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD })).token;
  await must(api, 'settings.save', { directorateName: DIRECTORATE, province: 'سمنان' }, admin);
  const lists = await must<Lists>(api, 'lists.all', {}, admin);
  const byName = (items: ListItem[], name: string) => items.find((i) => i.name === name)!.id;
  const category = (name: string) => byName(lists.categories, name);
  const county = (name: string) => byName(lists.counties, name);
  await must(api, 'users.create', { username: 'operator', displayName: 'زهرا پذیرش', role: 'operator', password: PASSWORD }, admin);
  await must(api, 'users.create', { username: 'official', displayName: 'محمد احمدی', role: 'official', password: PASSWORD }, admin);
  const operatorToken = (await must<SessionInfo>(api, 'auth.login', { username: 'operator', password: PASSWORD })).token;
  const officialToken = (await must<SessionInfo>(api, 'auth.login', { username: 'official', password: PASSWORD })).token;

  const today = tehranToday();
  const thisMonth = jalaliMonth(today);
  const lastMonth = jalaliMonth(addDays(thisMonth.from, -1));
  const issue = (requestId: string, fields: Record<string, unknown>) => must<Instruction>(api, 'instructions.issue', { requestId, fields }, officialToken);
  const register = (meetingId: string, nine: string, client: Record<string, unknown>, requests: [string, string][]) =>
    must<Ticket>(
      api,
      'visits.register',
      { meetingId, newClient: { nationalId: nationalId(nine), ...client }, requests: requests.map(([c, text]) => ({ categoryId: category(c), text })) },
      operatorToken,
    );
  const callNext = (meetingId: string) => must<CalledVisit>(api, 'queue.callNext', { meetingId, desk: 'میز ۱' }, officialToken);

  // ── Last Jalali month: a field desk with one visitor; the agency referral closed, partly, with money. ──
  const past = await must<Meeting>(
    api,
    'meetings.create',
    { kind: 'field_desk', title: PAST_TITLE, date: addDays(lastMonth.to, -5), place: 'مسجد محله', countyId: county('سرخه'), presiding: 'معاون' },
    operatorToken,
  );
  await must(api, 'meetings.open', { id: past.id }, operatorToken);
  await register(past.id, '001122334', { firstName: 'مریم', lastName: 'نوری', sex: 'female', countyId: county('سرخه'), circumstances: ['female_head'] }, [
    ['مناسب‌سازی محیط زندگی', 'رمپ ورودی منزل'],
    ['حمایت معیشتی', 'سبد غذایی'],
  ]);
  {
    const v = await callNext(past.id);
    const water = await issue(v.requests[0]!.id, { kind: 'agency', text: 'پیگیری با اداره آب', agencyId: byName(lists.agencies, 'اداره آب و فاضلاب'), dueDate: addDays(today, 10) });
    await issue(v.requests[1]!.id, { kind: 'answered', text: 'سبد غذایی', answer: 'سبد غذایی این ماه تحویل می‌شود.', amountToman: 1_500_000, funder: 'charity' });
    await must(api, 'visits.finish', { visitId: v.visitId }, officialToken);
    await must(api, 'followups.close', { instructionId: water.id, outcome: 'partly_done', deliveredToman: 3_000_000, funder: 'agency' }, officialToken);
  }
  await must(api, 'meetings.close', { id: past.id }, operatorToken);

  // ── Today: the weekly meeting. ──
  const meeting = await must<Meeting>(
    api,
    'meetings.create',
    { kind: 'weekly_public', title: MEETING_TITLE, date: today, place: 'سالن اجتماعات اداره کل', countyId: county('سمنان'), presiding: 'مدیرکل' },
    operatorToken,
  );
  await must(api, 'meetings.open', { id: meeting.id }, operatorToken);
  await register(meeting.id, '008457594', { firstName: 'فاطمه', lastName: 'رضایی', sex: 'female', countyId: county('سمنان'), circumstances: ['female_head', 'low_income'] }, [
    ['وسایل کمک توانبخشی', 'ویلچر برای فرزند دارای معلولیت'],
    ['مستمری', 'زمان واریز مستمری'],
    ['مسکن', 'وام مسکن'],
  ]);
  await register(meeting.id, '452310987', { firstName: 'علی', lastName: 'کریمی', sex: 'male', countyId: county('شاهرود'), circumstances: ['disability'] }, [
    ['اشتغال و کارآفرینی', 'وام اشتغال'],
    ['درمان', 'هزینه درمان'],
  ]);
  await register(meeting.id, '012345678', { firstName: 'رحیم', lastName: 'صادقی', sex: 'male', countyId: county('دامغان'), circumstances: ['elderly'] }, [
    ['حمایت معیشتی', 'کمک هزینه زمستان'],
  ]);
  await register(meeting.id, '223344556', { firstName: 'سارا', lastName: 'محمدی', sex: 'female', countyId: county('سمنان') }, [['سایر', 'پرسش']]);

  const first = await callNext(meeting.id);
  const wheelchair = await issue(first.requests[0]!.id, {
    kind: 'unit',
    text: 'تأمین ویلچر',
    unitId: byName(lists.units, 'معاونت توانبخشی'),
    dueDate: addDays(today, 60),
    amountToman: 15_000_000,
    funder: 'welfare',
  });
  await issue(first.requests[1]!.id, { kind: 'answered', text: 'توضیح داده شد', answer: 'مستمری تا روز پنجم واریز می‌شود.' });
  await issue(first.requests[2]!.id, {
    kind: 'agency',
    text: 'معرفی به بنیاد برکت',
    agencyId: byName(lists.agencies, 'بنیاد برکت'),
    dueDate: addDays(today, 30),
    amountToman: 8_000_000,
    funder: 'charity',
  });
  await must(api, 'visits.finish', { visitId: first.visitId }, officialToken);

  const second = await callNext(meeting.id);
  await issue(second.requests[0]!.id, { kind: 'review', text: 'بررسی طرح اشتغال', reviewer: 'معاون توانمندسازی', dueDate: addDays(today, 20) });
  await issue(second.requests[1]!.id, { kind: 'not_possible', text: 'خارج از ضوابط', reason: 'هزینه درمان زیبایی پوشش ندارد.' });
  await must(api, 'visits.finish', { visitId: second.visitId }, officialToken);

  const third = await callNext(meeting.id);
  await issue(third.requests[0]!.id, { kind: 'answered', text: 'کمک هزینه', answer: 'کمک هزینه زمستان پرداخت می‌شود.', amountToman: 2_000_000, funder: 'welfare' });
  await must(api, 'visits.finish', { visitId: third.visitId }, officialToken);

  const fourth = await callNext(meeting.id);
  await must(api, 'queue.noShow', { visitId: fourth.visitId }, officialToken);

  // The wheelchair is delivered: the referral closes with the money paid.
  await must(api, 'followups.close', { instructionId: wheelchair.id, outcome: 'done', deliveredToman: 12_000_000, funder: 'welfare' }, officialToken);

  // One visitor still waiting (the dashboard's live queue).
  await register(meeting.id, '334455667', { firstName: 'حسن', lastName: 'اکبری', sex: 'male', countyId: county('گرمسار') }, [['توانبخشی', 'جلسات گفتاردرمانی']]);
  return { officialToken, operatorToken, meeting, past, thisMonth, lastMonth };
}

async function report(scope: Record<string, unknown>): Promise<Report> {
  return must<Report>(station.api, 'reports.build', scope, scene.officialToken);
}

async function login(page: Page) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill('official');
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The figure shown on a headline card (digits and separators only). */
async function shownFigure(page: Page, key: string): Promise<string> {
  const text = await page.getByTestId(`headline-${key}`).getByTestId('figure-value').innerText();
  return text.replace(/[^\u06f0-\u06f9٬٫]/g, '');
}

/** Checks the screen's headline, a table's totals and the summary against the host's report. */
async function expectScreenShows(page: Page, expected: Report) {
  const shown = page.getByTestId('report');
  await expect(shown).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('report-period')).toContainText(expected.periodLabel || 'همه زمان‌ها');
  for (const key of ['visits', 'requests', 'instructions', 'answeredOnSpot', 'deliveredToman', 'promisedToman'] as const) {
    expect(await shownFigure(page, key), key).toBe(faNum(expected.headline[key]));
  }
  await expect(page.getByTestId('headline-deliveredToman')).toContainText('تومان');
  // The by-kind table: a row per kind and its total, in Persian digits.
  const byKind = page.getByTestId('report-table-byKind');
  for (const row of expected.byKind.rows) await expect(byKind.locator(`[data-key="${row.key}"]`)).toContainText(faNum(row.values[0]!));
  await expect(byKind.getByTestId('report-total')).toContainText(faNum(expected.byKind.totals[0]!));
  // The money by funder: the totals row holds promised and delivered toman.
  const byFunder = page.getByTestId('report-table-byFunder').getByTestId('report-total');
  await expect(byFunder).toContainText(faNum(expected.byFunder.totals[0]!));
  await expect(byFunder).toContainText(faNum(expected.byFunder.totals[1]!));
  await expect(page.getByTestId('report-summary-text')).toHaveText(expected.summary);
}

test('the reports screen shows the host’s figures for a meeting, for the province and for this Jalali month', async ({ page, context }) => {
  const forMeeting = await report({ meetingId: scene.meeting.id });
  const province = await report({});
  // The scene itself: every kind issued, money promised and delivered, the past meeting counted in the province only.
  expect(forMeeting.headline.requests).toBe(8);
  expect(forMeeting.headline.instructions).toBe(6);
  expect(forMeeting.headline.deliveredToman).toBe(12_000_000);
  expect(forMeeting.headline.promisedToman).toBe(25_000_000);
  expect(province.headline.requests).toBe(10);
  expect(province.headline.deliveredToman).toBe(15_000_000);

  await login(page);
  await page.goto(`${station.url}#/reports`);
  await expect(page.getByRole('heading', { name: 'گزارش‌ها' })).toBeVisible();

  // One meeting.
  await page.getByText('یک جلسه', { exact: true }).click();
  await expect(page.getByTestId('report-hint')).toBeVisible();
  await page.getByRole('combobox', { name: 'جلسه' }).click();
  await page.getByRole('option', { name: new RegExp(MEETING_TITLE) }).click();
  await expect(page.getByTestId('report-filters')).toContainText(MEETING_TITLE);
  await expectScreenShows(page, forMeeting);
  expect(forMeeting.periodLabel).not.toBe('');
  await expect(page.getByTestId('report-made-at')).toContainText(/[۰-۹]{2}:[۰-۹]{2}/);
  await expect(page.getByTestId('chart-byCategory').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-byCategory')).toContainText('وسایل کمک توانبخشی');
  await expect(page.getByTestId('chart-byKind')).toContainText('ارجاع به واحد تخصصی');
  await shot(page, 'reports-meeting');
  // The press summary goes to the clipboard as it is.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-summary').click();
  await expect(page.getByTestId('copy-summary')).toHaveText('رونوشت شد');
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(forMeeting.summary);

  // The whole province, all time.
  await page.getByText('کل استان', { exact: true }).click();
  await page.getByRole('button', { name: 'همه زمان‌ها' }).click();
  await expect(page.getByTestId('report-filters')).toContainText('کل استان');
  await expectScreenShows(page, province);
  await shot(page, 'reports-province');

  // «این ماه»: the Jalali month of today, sent to the host as Gregorian dates.
  await page.getByRole('button', { name: 'این ماه' }).click();
  // The date inputs show the Jalali month: its first day to its last (۲۹, ۳۰ or ۳۱).
  await expect(page.locator('input[name="reportFrom"]')).toHaveValue(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/۰۱$/);
  await expect(page.locator('input[name="reportTo"]')).toHaveValue(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/(۲۹|۳۰|۳۱)$/);
  const month = await report({ from: scene.thisMonth.from, to: scene.thisMonth.to });
  expect(month.periodLabel).toMatch(/^از ۱ /);
  await expectScreenShows(page, month);
  // «ماه گذشته» holds the past meeting only.
  await page.getByRole('button', { name: 'ماه گذشته' }).click();
  const last = await report({ from: scene.lastMonth.from, to: scene.lastMonth.to });
  expect(last.headline.meetings).toBe(1);
  expect(last.headline.requests).toBe(2);
  await expectScreenShows(page, last);
});

/** The cells of a sheet's row as values (index 0 is the first column). */
function rowValues(ws: import('exceljs').Worksheet, n: number): unknown[] {
  const values = ws.getRow(n).values as unknown[];
  return values.slice(1);
}

const TABLE_TITLES: Record<string, string> = {
  byKind: 'دستورها به تفکیک نوع',
  byCategory: 'درخواست‌ها به تفکیک دسته',
  byUnit: 'ارجاع به واحدهای تخصصی',
  byAgency: 'ارجاع به دستگاه‌های اجرایی',
  byAgencyAtTable: 'سپرده به دستگاه‌های حاضر در میز',
  byCounty: 'مراجعه‌ها به تفکیک شهرستان',
  byFunder: 'مبالغ به تفکیک تأمین‌کننده',
  byIssuer: 'دستورها به تفکیک صادرکننده',
  byCircumstance: 'مددجویان به تفکیک وضعیت',
  byOutcome: 'نتیجه دستورها',
  daysToResult: 'روز تا نتیجه ارجاع‌ها',
  timeWithOfficial: 'مدت دیدار با مسئول جلسه',
  byDesk: 'فراخوان به تفکیک میز',
};
const PERSIAN = /[\u0600-\u06ff]/;

test('the xlsx export: right-to-left sheets, Persian headers, numbers as numbers, totals that add up', async ({ page }) => {
  const province = await report({});
  await login(page);
  await page.goto(`${station.url}#/reports`);
  await page.getByRole('button', { name: 'همه زمان‌ها' }).click();
  await expectScreenShows(page, province);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(download.suggestedFilename()).toBe(`didar-report-${tehranToday()}.xlsx`);
  const file = test.info().outputPath('report.xlsx');
  await download.saveAs(file);

  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((ws) => ws.name)).toEqual(['خلاصه', ...Object.values(TABLE_TITLES)]);
  for (const ws of wb.worksheets) expect(ws.views[0]?.rightToLeft, ws.name).toBe(true);

  // The summary sheet: period, scope, the headline as numbers, the press summary.
  const summary = wb.getWorksheet('خلاصه')!;
  const cells = new Map<string, unknown>();
  summary.eachRow((row) => {
    const [label, value] = (row.values as unknown[]).slice(1);
    if (typeof label === 'string') cells.set(label, value);
  });
  expect(cells.get('دوره')).toBe('همه زمان‌ها');
  expect(cells.get('گستره')).toBe('کل استان');
  expect(String(cells.get('زمان تهیه'))).toMatch(PERSIAN);
  expect(cells.get('درخواست')).toBe(province.headline.requests);
  expect(cells.get('دستور صادرشده')).toBe(province.headline.instructions);
  expect(cells.get('مبلغ پرداخت‌شده')).toBe(province.headline.deliveredToman);
  expect(typeof cells.get('مبلغ تعهدشده')).toBe('number');
  let summaryFound = false;
  summary.eachRow((row) => {
    if (row.getCell(1).value === province.summary) summaryFound = true;
  });
  expect(summaryFound).toBe(true);

  // One sheet per table: Persian headers, the host's rows as numbers, a bold totals row.
  for (const [key, title] of Object.entries(TABLE_TITLES)) {
    const table = province[key as keyof Report] as ReportTable;
    const ws = wb.getWorksheet(title)!;
    const header = rowValues(ws, 1);
    expect(header.slice(1), title).toEqual(table.columns);
    for (const h of header) expect(String(h), `${title}: header ${String(h)}`).toMatch(PERSIAN);
    table.rows.forEach((row, r) => {
      const values = rowValues(ws, r + 2);
      expect(values[0]).toBe(row.label);
      for (const v of values.slice(1)) expect(typeof v, `${title} row ${r + 2}`).toBe('number');
      expect(values.slice(1)).toEqual(row.values);
    });
    const totalRow = ws.getRow(table.rows.length + 2);
    expect(totalRow.getCell(1).font?.bold, `${title}: totals bold`).toBe(true);
    const totals = rowValues(ws, table.rows.length + 2);
    expect(totals[0]).toBe(key === 'daysToResult' ? 'همه' : 'جمع');
    table.columns.forEach((_, c) => {
      const total = totals[c + 1];
      expect(typeof total).toBe('number');
      expect(total, `${title}: total of ${table.columns[c]}`).toBe(table.totals[c]);
      // Medians and percentiles are statistics over all rows, not sums.
      if (key === 'daysToResult' && c > 0) return;
      let sum = 0;
      for (let r = 0; r < table.rows.length; r++) sum += ws.getRow(r + 2).getCell(c + 2).value as number;
      expect(total, `${title}: the total of ${table.columns[c]} is its column's sum`).toBe(sum);
    });
    expect(ws.getColumn(1).width, `${title}: the label column is wide`).toBeGreaterThanOrEqual(14);
  }
  // The figures that appear in several tables agree (requests, instructions, money).
  const sheetTotal = (key: 'byKind' | 'byCategory' | 'byFunder', c: number) => rowValues(wb.getWorksheet(TABLE_TITLES[key]!)!, province[key].rows.length + 2)[c + 1];
  expect(sheetTotal('byKind', 0)).toBe(province.headline.instructions);
  expect(sheetTotal('byCategory', 0)).toBe(province.headline.requests);
  expect(sheetTotal('byFunder', 1)).toBe(province.headline.deliveredToman);
  expect(province.headline.deliveredToman).toBe(15_000_000);
});

/** Text without quotation marks, full stops and zero-width non-joiners (which pdftotext may move or drop). */
const plain = (s: string) => s.replace(/[«».]/g, ' ').replace(/\u200c/g, '');

/** A line holding every one of the given tokens. */
function lineWithTokens(text: string, wanted: string[]): string | undefined {
  return text.split('\n').find((line) => wanted.every((w) => tokens(line).includes(w)));
}

async function postPdf(route: string, token: string) {
  return fetch(new URL('/print/pdf', station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ route }),
  });
}

test('the PDF export: A4 pages with the Jalali period, the headline in Persian digits, the tables and the press summary', async ({ page }) => {
  const forMeeting = await report({ meetingId: scene.meeting.id });
  await login(page);
  await page.goto(`${station.url}#/reports`);
  await page.getByText('یک جلسه', { exact: true }).click();
  await page.getByRole('combobox', { name: 'جلسه' }).click();
  await page.getByRole('option', { name: new RegExp(MEETING_TITLE) }).click();
  await expectScreenShows(page, forMeeting);

  // The screen asks the station for the print route's PDF (POST /print/pdf) and downloads it.
  const routes: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/print/pdf')) routes.push((JSON.parse(req.postData() ?? '{}') as { route: string }).route);
  });
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-pdf').click()]);
  expect(routes).toHaveLength(1);
  const route = routes[0]!;
  expect(route).toMatch(/^\/print\/report\/[A-Za-z0-9_-]+$/);
  const scope = JSON.parse(Buffer.from(route.split('/')[3]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  expect(scope).toEqual({ meetingId: scene.meeting.id, from: null, to: null, countyId: null });
  const file = test.info().outputPath('report-meeting.pdf');
  await download.saveAs(file);

  const info = await pdfInfo(file);
  expect(Math.abs(info.width - 595.3)).toBeLessThan(2); // A4
  expect(Math.abs(info.height - 841.9)).toBeLessThan(2);
  expect(info.pages).toBeGreaterThanOrEqual(2);
  const text = (await pdfPageTexts(file)).join('\n');
  const words = tokens(text);
  const plainWords = tokens(plain(text));
  expect(text).toContain(DIRECTORATE);
  expect(text).toContain(fold('گزارش میز خدمت و دیدار مردمی'));
  expect(text).toContain(MEETING_TITLE);
  // The period: the meeting's day in the Jalali calendar, on one line.
  const [day, monthName, year] = forMeeting.periodLabel.split(' ') as [string, string, string];
  expect(lineWithTokens(text, [day, monthName, year]), `period ${forMeeting.periodLabel}`).toBeDefined();
  // The headline figures in Persian digits (no Latin digits for them on paper).
  for (const n of [forMeeting.headline.requests, forMeeting.headline.instructions, forMeeting.headline.deliveredToman, forMeeting.headline.promisedToman]) {
    expect(words, `figure ${n}`).toContain(faNum(n));
  }
  expect(words).not.toContain(String(forMeeting.headline.deliveredToman));
  expect(text).toContain('تومان');
  // Table titles, a column name from the host, a total.
  for (const title of ['دستورها به تفکیک نوع', 'مبالغ به تفکیک تأمین‌کننده', 'نتیجه دستورها', 'فراخوان به تفکیک میز']) expect(text).toContain(fold(title));
  expect(tokens(plain(fold(forMeeting.byFunder.columns[1]!))).filter((w) => !plainWords.includes(w))).toEqual([]);
  // A sentence of the press summary (its words; wrapped lines come back in order of the line).
  const sentence = forMeeting.summary.split('. ')[0]!;
  const missing = tokens(plain(fold(sentence))).filter((w) => !plainWords.includes(w));
  expect(missing, sentence).toEqual([]);
  expect(lineWithTokens(text, tokens(fold('به گزارش روابط عمومی')))).toBeDefined();
  // The charts are drawn with Persian labels.
  expect(text).toContain(fold('درخواست‌ها و پاسخ‌ها به تفکیک دسته'));
  expect(text).toContain(fold('وسایل کمک توانبخشی'));
  // A report is a read: printing it again is no reprint.
  const again = await postPdf(route, scene.officialToken);
  expect(again.status).toBe(200);
  const againFile = test.info().outputPath('report-again.pdf');
  writeFileSync(againFile, Buffer.from(await again.arrayBuffer()));
  expect((await pdfPageTexts(againFile)).join('\n')).not.toContain('چاپ مجدد');

  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    const pngs = await pdfToPngs(file, 80);
    for (const [k, png] of pngs.entries()) copyFileSync(png, `${SHOTS}/pdf-meeting-page-${k + 1}.png`);
  }
});

test('the province PDF through POST /print/pdf, and routes that are not a report scope', async () => {
  const province = await report({});
  const route = `/print/report/${Buffer.from(JSON.stringify({ meetingId: null, from: null, to: null, countyId: null })).toString('base64url')}`;
  const res = await postPdf(route, scene.officialToken);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const file = test.info().outputPath('report-province.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = (await pdfPageTexts(file)).join('\n');
  const words = tokens(text);
  expect(text).toContain(fold('کل استان'));
  expect(text).toContain(fold('همه زمان‌ها'));
  expect(words).toContain(faNum(province.headline.requests));
  expect(words).toContain(faNum(province.headline.deliveredToman));
  expect(latinDigits(faNum(province.headline.deliveredToman)).replace(/\D/g, '')).toBe('15000000');
  expect(text).toContain(PAST_TITLE.split(' ').at(-1)!); // the past meeting's county, in the by-county table

  if (SHOTS) {
    const pngs = await pdfToPngs(file, 80);
    for (const [k, png] of pngs.entries()) copyFileSync(png, `${SHOTS}/pdf-province-page-${k + 1}.png`);
  }

  // Not a report scope: refused before any page is opened, or by the page itself.
  expect((await postPdf('/print/report/a', scene.officialToken)).status).toBe(400); // too short
  expect((await postPdf('/print/report/ab+c', scene.officialToken)).status).toBe(400); // not base64url
  expect((await postPdf(`/print/report/${'A'.repeat(401)}`, scene.officialToken)).status).toBe(400);
  const garbage = await postPdf(`/print/report/${Buffer.from('{"meetingId":"x"}').toString('base64url')}`, scene.officialToken);
  expect(garbage.status).toBe(400);
  expect(((await garbage.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  const unknownMeeting = Buffer.from(JSON.stringify({ meetingId: '00000000-0000-7000-8000-000000000000', from: null, to: null, countyId: null })).toString('base64url');
  expect((await postPdf(`/print/report/${unknownMeeting}`, scene.officialToken)).status).toBe(404);
  // An operator may not read reports.
  expect((await postPdf(route, scene.operatorToken)).status).toBe(403);
});

test('the dashboard: today’s meeting live, this month against the last, follow-ups and what is overdue', async ({ page }) => {
  const stats = await must<QueueStats>(station.api, 'queue.stats', { meetingId: scene.meeting.id }, scene.officialToken);
  const daily = await must<DailyFollowup>(station.api, 'followups.daily', {}, scene.officialToken);
  const now = await report({ from: scene.thisMonth.from, to: scene.thisMonth.to });
  const before = await report({ from: scene.lastMonth.from, to: scene.lastMonth.to });
  expect(stats.waitingNow).toBe(1);
  expect(stats.noShows).toBe(1);

  await login(page);
  await page.goto(`${station.url}#/dashboard`);
  const live = page.locator(`[data-testid="dash-meeting"][data-meeting-id="${scene.meeting.id}"]`);
  await expect(live).toContainText(MEETING_TITLE);
  await expect(live.getByTestId('dash-waitingNow').getByTestId('figure-value')).toHaveText(faNum(stats.waitingNow));
  await expect(live.getByTestId('dash-done').getByTestId('figure-value')).toHaveText(faNum(stats.done));
  await expect(live.getByTestId('dash-noShows').getByTestId('figure-value')).toHaveText(faNum(stats.noShows));
  await expect(page.locator(`[data-meeting-id="${scene.past.id}"]`)).toHaveCount(0); // not today's

  for (const k of ['visits', 'requests', 'answeredOnSpot', 'deliveredToman'] as const) {
    const card = page.getByTestId(`dash-month-${k}`);
    await expect(card.getByTestId('this-month'), k).toHaveText(faNum(now.headline[k]));
    await expect(card.getByTestId('last-month'), k).toContainText(faNum(before.headline[k]));
  }
  expect(before.headline.requests).toBe(2);
  expect(now.headline.requests).toBe(8);
  // 8 requests against 2: up by 6, 300 percent.
  await expect(page.getByTestId('dash-month-requests').getByTestId('change')).toHaveText(`▲ ${faNum(6)}، ${faNum(300)}٪`);

  await expect(page.getByTestId('dash-fu-open').getByTestId('figure-value')).toHaveText(faNum(daily.openTotal));
  await expect(page.getByTestId('dash-fu-overdue').getByTestId('figure-value')).toHaveText(faNum(daily.overdue));
  expect(daily.openTotal).toBe(2); // the Barakat referral and the review; the wheelchair and the water referral are closed
  await expect(page.getByTestId('chart-overdue-agencies')).toContainText('بنیاد برکت');
  await expect(page.getByTestId('chart-months')).toContainText('درخواست');
  await shot(page, 'dashboard');

  // Live: a visitor registered at intake shows on the dashboard at once, and in this month's figures.
  const lists = await must<Lists>(station.api, 'lists.all', {}, scene.officialToken);
  await must(
    station.api,
    'visits.register',
    {
      meetingId: scene.meeting.id,
      newClient: { nationalId: nationalId('445566778'), firstName: 'نرگس', lastName: 'احمدی', sex: 'female' },
      requests: [{ categoryId: lists.categories[0]!.id, text: 'وام خوداشتغالی' }],
    },
    scene.operatorToken,
  );
  await expect(live.getByTestId('dash-waitingNow').getByTestId('figure-value')).toHaveText(faNum(2));
  await expect(page.getByTestId('dash-month-requests').getByTestId('this-month')).toHaveText(faNum(9));
  await expect(page.getByTestId('dash-month-visits').getByTestId('this-month')).toHaveText(faNum(now.headline.visits + 1));
});
