import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import type { CalledVisit, Instruction, ListItem, Lists, Meeting, SessionInfo, Settings, Ticket } from '../../electron/core/contract';
import { decodeQr, fold, latinDigits, pdfInfo, pdfPageTexts, pdfToPngs, tokens } from './pdf';
import { startStation, type RunningStation } from './station';

/**
 * "Print is a page": the print routes rendered to PDF by the station's Chromium
 * (`POST /print/pdf`), read back as text (pdftotext) and as images (pdftoppm, QR decoded),
 * the way a browser desk gets them. The data is set up through the API as the desks would.
 */

let station: RunningStation;
let scene: Scene;
// The tests read one scene in order (the slip's second print comes after the first).
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
const ROOM = 'ساختمان مرکزی، طبقه دوم، اتاق ۲۱۴';
const CLIENT = { nationalId: '0084575948', firstName: 'فاطمه', lastName: 'رضایی', fatherName: 'حسن', sex: 'female' } as const;
const OTHER_CLIENT = { nationalId: '4523109877', firstName: 'علی', lastName: 'کریمی', sex: 'male' } as const;
const ELDERLY_CLIENT = { nationalId: '0123456789', firstName: 'رحیم', lastName: 'صادقی', sex: 'male' } as const;
const AMOUNT_TOMAN = 15_000_000;
/** A small emblem for the printed header (the logo setting takes a data: URL). */
const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="none" stroke="#0b7285" stroke-width="3"/><path d="M12 26 L20 10 L28 26 Z" fill="#0b7285"/></svg>',
).toString('base64')}`;

type Api = RunningStation['api'];

async function must<T>(api: Api, method: string, input: unknown, token?: string): Promise<T> {
  const result = await api<T>(method, input, token);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message} (${result.error.field ?? ''})`);
  return result.value;
}

/** YYYY-MM-DD of today in Tehran, plus `days`. */
function tehranDatePlus(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Jalali day, month name and year of a calendar date, as the platform's Intl gives them (Persian digits). */
function jalaliParts(iso: string): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(`${iso}T12:00:00Z`),
  );
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** 123456789 → 123-456-789 (pdftotext may give the groups of an LTR run in either order). */
function codeGroups(code: string): [string, string, string] {
  return [code.slice(0, 3), code.slice(3, 6), code.slice(6)];
}

function hasCode(text: string, code: string): boolean {
  const [a, b, c] = codeGroups(code);
  const latin = latinDigits(text);
  return latin.includes(`${a}-${b}-${c}`) || latin.includes(`${c}-${b}-${a}`);
}

/** A line holding every one of the given tokens (a date's day, month and year stay on one line). */
function lineWithTokens(text: string, wanted: string[]): string | undefined {
  return text.split('\n').find((line) => wanted.every((w) => tokens(line).includes(w)));
}

interface Scene {
  officialToken: string;
  operatorToken: string;
  meeting: Meeting;
  visitId: string;
  /** Registered after ours, ordinary. */
  other: Ticket;
  /** Registered last, with priority (elderly): called before `other`. */
  elderly: Ticket;
  unit: ListItem;
  agency: ListItem;
  dueDate: string;
  requests: { text: string; instruction: Instruction }[];
}

/** Admin setup, an operator and an official, a meeting, two visitors (ours with three requests), three instructions of different kinds. */
async function setUp(): Promise<Scene> {
  const api = station.api;
  const admin = (await must<SessionInfo>(api, 'auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD })).token;
  await must<Settings>(api, 'settings.save', { directorateName: DIRECTORATE, province: 'سمنان', logo: LOGO }, admin);
  const lists = await must<Lists>(api, 'lists.all', {}, admin);
  const byName = (items: ListItem[], name: string) => items.find((i) => i.name === name)!;
  const unit = await must<ListItem>(api, 'lists.save', { kind: 'units', id: byName(lists.units, 'معاونت توانبخشی').id, name: 'معاونت توانبخشی', room: ROOM }, admin);
  const agency = byName(lists.agencies, 'اداره برق');
  const category = (name: string) => byName(lists.categories, name).id;
  await must(api, 'users.create', { username: 'operator', displayName: 'زهرا پذیرش', role: 'operator', password: PASSWORD }, admin);
  await must(api, 'users.create', { username: 'official', displayName: 'محمد احمدی', role: 'official', password: PASSWORD }, admin);

  const operatorToken = (await must<SessionInfo>(api, 'auth.login', { username: 'operator', password: PASSWORD })).token;
  const meeting = await must<Meeting>(
    api,
    'meetings.create',
    { kind: 'weekly_public', title: MEETING_TITLE, date: tehranDatePlus(0), place: 'سالن اجتماعات اداره کل', presiding: 'مدیرکل' },
    operatorToken,
  );
  await must(api, 'meetings.open', { id: meeting.id }, operatorToken);
  const texts = ['ویلچر برای فرزند دارای معلولیت', 'قطعی مکرر برق منزل', 'پرسش درباره زمان واریز مستمری'];
  const ours = await must<Ticket>(
    api,
    'visits.register',
    {
      meetingId: meeting.id,
      newClient: CLIENT,
      requests: [
        { categoryId: category('وسایل کمک توانبخشی'), text: texts[0] },
        { categoryId: category('سایر'), text: texts[1] },
        { categoryId: category('مستمری'), text: texts[2] },
      ],
    },
    operatorToken,
  );
  const other = await must<Ticket>(
    api,
    'visits.register',
    { meetingId: meeting.id, newClient: OTHER_CLIENT, requests: [{ categoryId: category('مسکن'), text: 'وام مسکن' }] },
    operatorToken,
  );

  const officialToken = (await must<SessionInfo>(api, 'auth.login', { username: 'official', password: PASSWORD })).token;
  const called = await must<CalledVisit>(api, 'queue.callNext', { meetingId: meeting.id, desk: 'میز ۱' }, officialToken);
  expect(called.visitId).toBe(ours.visitId);
  const dueDate = tehranDatePlus(60);
  const fields = [
    { kind: 'unit', text: 'تأمین ویلچر پس از بررسی کارشناس توانبخشی', unitId: unit.id, dueDate, amountToman: AMOUNT_TOMAN, funder: 'welfare' },
    { kind: 'agency', text: 'بررسی شبکه برق محله و رفع قطعی', agencyId: agency.id, dueDate: tehranDatePlus(30) },
    { kind: 'answered', text: 'توضیح داده شد', answer: 'مستمری هر ماه تا روز پنجم واریز می‌شود.' },
  ];
  const requests: Scene['requests'] = [];
  for (const [k, request] of called.requests.entries()) {
    const instruction = await must<Instruction>(api, 'instructions.issue', { requestId: request.id, fields: fields[k] }, officialToken);
    requests.push({ text: request.text, instruction });
  }
  await must(api, 'visits.finish', { visitId: ours.visitId }, officialToken);
  const elderly = await must<Ticket>(
    api,
    'visits.register',
    {
      meetingId: meeting.id,
      newClient: ELDERLY_CLIENT,
      priority: 'elderly',
      priorityReason: 'بالای هفتاد سال',
      requests: [{ categoryId: category('درمان'), text: 'هزینه دارو' }],
    },
    operatorToken,
  );
  return { officialToken, operatorToken, meeting, visitId: ours.visitId, other, elderly, unit, agency, dueDate, requests };
}

/** Asks the station for a print route as PDF, saves it in the test's output folder. */
async function fetchPdf(route: string, token: string, name: string): Promise<string> {
  const res = await fetch(new URL('/print/pdf', station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ route }),
  });
  expect(res.status, await res.clone().text().catch(() => '')).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const file = test.info().outputPath(`${name}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

test('referral slips of a visit: one A5 page each, Persian content, Jalali due date, tracking codes, QR', async () => {
  const file = await fetchPdf(`/print/visit-slips/${scene.visitId}`, scene.officialToken, 'visit-slips');
  const info = await pdfInfo(file);
  expect(info.pages).toBe(3);
  // A5 is 148 × 210 mm = 419.5 × 595.3 pt.
  expect(info.width).toBeGreaterThan(417);
  expect(info.width).toBeLessThan(422);
  expect(info.height).toBeGreaterThan(593);
  expect(info.height).toBeLessThan(598);

  const pages = await pdfPageTexts(file);
  expect(pages).toHaveLength(3);
  const [unitPage, agencyPage, answeredPage] = pages as [string, string, string];
  for (const [k, page] of pages.entries()) {
    const { instruction, text } = scene.requests[k]!;
    expect(hasCode(page, instruction.trackingCode), `tracking code ${instruction.trackingCode} on page ${k + 1}`).toBe(true);
    // Every digit on paper is Persian: the Latin code itself is not in the text.
    expect(page).not.toContain(instruction.trackingCode.slice(0, 3));
    expect(page).toContain(`${CLIENT.firstName} ${CLIENT.lastName}`);
    expect(latinDigits(page)).toContain(CLIENT.nationalId);
    expect(page).toContain(DIRECTORATE);
    expect(page).toContain(text);
    expect(page).toContain(instruction.text);
    expect(page).toContain('برگه دستور و ارجاع');
    expect(page).toContain('مهر و امضا');
    expect(page).toContain('محمد احمدی'); // the issuer
    expect(page).not.toContain('چاپ مجدد'); // the first print of each slip
  }

  expect(unitPage).toContain('ارجاع به واحد تخصصی');
  expect(unitPage).toContain(scene.unit.name);
  expect(unitPage).toContain('ساختمان مرکزی'); // the room the client goes to next
  expect(tokens(latinDigits(unitPage))).toContain('214');
  const due = jalaliParts(scene.dueDate);
  expect(lineWithTokens(unitPage, [due.day, due.month, due.year]), `due date ${due.day} ${due.month} ${due.year}`).toBeDefined();
  const amount = new Intl.NumberFormat('fa-IR').format(AMOUNT_TOMAN);
  expect(tokens(unitPage)).toContain(amount);
  expect(latinDigits(amount).replace(/\D/g, '')).toBe(String(AMOUNT_TOMAN));
  expect(unitPage).toContain('تومان');
  expect(unitPage).toContain('بهزیستی'); // the funder

  expect(agencyPage).toContain('ارجاع به دستگاه اجرایی');
  expect(agencyPage).toContain(scene.agency.name);
  expect(agencyPage).not.toContain(scene.unit.name);

  expect(answeredPage).toContain('پاسخ در جلسه');
  expect(answeredPage).toContain('مستمری هر ماه تا روز پنجم واریز می‌شود.');
  expect(answeredPage).not.toContain('مهلت انجام');

  // Each page's QR holds its bare tracking code (nine Latin digits).
  const pngs = await pdfToPngs(file);
  expect(pngs).toHaveLength(3);
  expect(pngs.map(decodeQr)).toEqual(scene.requests.map((r) => r.instruction.trackingCode));
});

test('a slip printed again is marked as a reprint, with its QR', async () => {
  const { instruction } = scene.requests[0]!;
  const file = await fetchPdf(`/print/slip/${instruction.id}`, scene.officialToken, 'slip-reprint');
  expect((await pdfInfo(file)).pages).toBe(1);
  const [page] = await pdfPageTexts(file);
  expect(page).toContain('چاپ مجدد');
  expect(lineWithTokens(latinDigits(page!), ['چاپ', 'مجدد', 'نوبت', '2'])).toBeDefined(); // the second print of this slip
  expect(hasCode(page!, instruction.trackingCode)).toBe(true);
  const [png] = await pdfToPngs(file);
  expect(decodeQr(png!)).toBe(instruction.trackingCode);
});

test('the queue ticket is 80 mm wide and holds the number, the meeting and the place in the queue', async () => {
  const file = await fetchPdf(`/print/ticket/${scene.other.visitId}`, scene.operatorToken, 'ticket');
  const info = await pdfInfo(file);
  expect(info.pages).toBe(1);
  expect(Math.abs(info.width - 226.8)).toBeLessThan(1.5); // 80 mm
  expect(info.height).toBeGreaterThan(150); // as long as the ticket, not an A4 sheet
  expect(info.height).toBeLessThan(600);
  const [page] = await pdfPageTexts(file);
  expect(page).toContain(MEETING_TITLE);
  expect(page).toContain('شماره نوبت شما');
  // The number stands alone on its line, in Persian digits.
  expect(scene.other.ticket).toBe(2);
  expect(page!.split('\n').map((l) => l.trim())).toContain('۲');
  // The elderly visitor registered later goes first: one ahead.
  expect(lineWithTokens(latinDigits(page!), ['پیش', 'از', 'شما', '1', 'نفر'])).toBeDefined();
  expect(page).not.toContain('نوبت ویژه');
  expect(page).not.toContain('چاپ مجدد');
  const meetingDate = jalaliParts(scene.meeting.date);
  expect(lineWithTokens(page!, [meetingDate.day, meetingDate.month, meetingDate.year])).toBeDefined();

  const priority = await fetchPdf(`/print/ticket/${scene.elderly.visitId}`, scene.operatorToken, 'ticket-priority');
  const [priorityPage] = await pdfPageTexts(priority);
  expect(priorityPage!.split('\n').map((l) => l.trim())).toContain('۳');
  expect(lineWithTokens(priorityPage!, ['نوبت', 'ویژه', 'سالمند'])).toBeDefined();
  expect(priorityPage).toContain('شما نفر بعدی هستید');
});

test('the visit summary holds every request and instruction of the visit', async () => {
  const file = await fetchPdf(`/print/visit/${scene.visitId}`, scene.officialToken, 'visit-summary');
  const info = await pdfInfo(file);
  // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
  expect(Math.abs(info.width - 595.3)).toBeLessThan(2);
  expect(Math.abs(info.height - 841.9)).toBeLessThan(2);
  const text = (await pdfPageTexts(file)).join('\n');
  expect(text).toContain(fold('خلاصه دیدار'));
  expect(text).toContain(DIRECTORATE);
  expect(text).toContain(MEETING_TITLE);
  expect(text).toContain(`${CLIENT.firstName} ${CLIENT.lastName}`);
  expect(latinDigits(text)).toContain(CLIENT.nationalId);
  // Table cells wrap, and pdftotext gives a row's cells line by line in no set order: each
  // request's and instruction's words are there.
  const words = new Set(tokens(text));
  for (const { text: request, instruction } of scene.requests) {
    for (const phrase of [request, instruction.text]) expect(tokens(phrase).filter((w) => !words.has(w)), phrase).toEqual([]);
    expect(hasCode(text, instruction.trackingCode)).toBe(true);
  }
  expect(tokens(text)).toContain('پنجم'); // the answer given on the spot
  for (const kind of ['ارجاع به واحد تخصصی', 'ارجاع به دستگاه اجرایی', 'پاسخ در جلسه']) expect(text).toContain(kind);
  expect(text).toContain(scene.unit.name);
  expect(text).toContain(scene.agency.name);
});

test('/print/pdf wants a session token and a print route', async () => {
  const url = new URL('/print/pdf', station.url);
  const route = `/print/visit/${scene.visitId}`;
  const post = (body: string, token?: string) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

  const anonymous = await post(JSON.stringify({ route }));
  expect(anonymous.status).toBe(401);
  expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  expect((await post(JSON.stringify({ route }), 'x'.repeat(43))).status).toBe(401);

  const badRoute = await post(JSON.stringify({ route: '/settings' }), scene.officialToken);
  expect(badRoute.status).toBe(400);
  expect(((await badRoute.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  expect((await post(JSON.stringify({ route: `/print/slip/${scene.visitId}?t=x` }), scene.officialToken)).status).toBe(400);
  expect((await post('not json', scene.officialToken)).status).toBe(400);

  // A well-formed route to nothing: the page says so at once, and the answer is 404.
  const missing = await post(JSON.stringify({ route: '/print/slip/00000000-0000-7000-8000-000000000000' }), scene.officialToken);
  expect(missing.status).toBe(404);
  // A visit with no instruction yet has no slips to print.
  const noSlips = await post(JSON.stringify({ route: `/print/visit-slips/${scene.elderly.visitId}` }), scene.officialToken);
  expect(noSlips.status).toBe(404);
  expect((await fetch(url)).status).toBe(405);
});
