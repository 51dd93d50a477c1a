import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CalledVisit, Instruction, ListItem, Lists, Meeting, SessionInfo, Ticket } from '../../electron/core/contract';
import { CHROMIUM_ARGS, chromiumPath } from '../../electron/station/chromium';
import { createPdfRenderer, PrintPageError, type PdfRenderer } from '../../electron/station/pdf';
import { latinDigits, pdfPageTexts } from './pdf';
import { startStation, type RunningStation } from './station';

/**
 * The station's PDF renderer keeps its print pages between prints and moves a page to the next
 * print by its address (electron/station/pdf.ts). These prints run against a real station (the
 * built renderer, a fresh temporary database): a renderer made here, in a browser of this test,
 * so the kept page itself can be looked at between prints, and the station's own renderer through
 * POST /print/pdf. Every PDF is read back as text (pdftotext).
 */

let station: RunningStation;
let scene: Scene;
let browser: Browser;
test.describe.configure({ mode: 'serial' });
// The runner would trace every browser context made in this process, the renderer's own pages too,
// and fail saving a trace of a page the renderer closed under it (the crashed one).
test.use({ trace: 'off' });
test.beforeAll(async () => {
  station = await startStation();
  scene = await setUp();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
});
test.afterAll(async () => {
  await browser?.close();
  await station.stop();
});

const PASSWORD = 'secret-pass-1';
const MISSING = '00000000-0000-7000-8000-000000000000';

interface Scene {
  /** Two officials and an operator (who may print slips, but not reports). */
  tokens: { officialA: string; officialB: string; operator: string };
  /** Two slips of one visit, with different texts and tracking codes. */
  x: Instruction;
  y: Instruction;
  meeting: Meeting;
}

type Api = RunningStation['api'];

async function must<T>(api: Api, method: string, input: unknown, token?: string): Promise<T> {
  const result = await api<T>(method, input, token);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message} (${result.error.field ?? ''})`);
  return result.value;
}

async function setUp(): Promise<Scene> {
  const api = station.api;
  const admin = (await must<SessionInfo>(api, 'auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD })).token;
  await must(api, 'settings.save', { directorateName: 'اداره کل بهزیستی استان یزد', province: 'یزد' }, admin);
  const lists = await must<Lists>(api, 'lists.all', {}, admin);
  const category = (name: string) => lists.categories.find((c: ListItem) => c.name === name)!.id;
  await must(api, 'users.create', { username: 'operator', displayName: 'زهرا پذیرش', role: 'operator', password: PASSWORD }, admin);
  await must(api, 'users.create', { username: 'official.a', displayName: 'محمد احمدی', role: 'official', password: PASSWORD }, admin);
  await must(api, 'users.create', { username: 'official.b', displayName: 'مریم کاظمی', role: 'official', password: PASSWORD }, admin);
  const login = async (username: string) => (await must<SessionInfo>(api, 'auth.login', { username, password: PASSWORD })).token;
  const tokens = { officialA: await login('official.a'), officialB: await login('official.b'), operator: await login('operator') };

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
  const meeting = await must<Meeting>(
    api,
    'meetings.create',
    { kind: 'weekly_public', title: 'دیدار مردمی هفتگی', date: today, place: 'سالن اجتماعات', presiding: 'مدیرکل' },
    tokens.operator,
  );
  await must(api, 'meetings.open', { id: meeting.id }, tokens.operator);
  await must<Ticket>(
    api,
    'visits.register',
    {
      meetingId: meeting.id,
      newClient: { nationalId: '0084575948', firstName: 'فاطمه', lastName: 'رضایی', sex: 'female' },
      requests: [
        { categoryId: category('مستمری'), text: 'پرسش درباره زمان واریز مستمری' },
        { categoryId: category('سایر'), text: 'پرسش درباره کارت توانخواهی' },
      ],
    },
    tokens.operator,
  );
  const called = await must<CalledVisit>(api, 'queue.callNext', { meetingId: meeting.id, desk: 'میز ۱' }, tokens.officialA);
  const answered = (text: string, answer: string) => ({ kind: 'answered', text, answer });
  const x = await must<Instruction>(api, 'instructions.issue', { requestId: called.requests[0]!.id, fields: answered('توضیح داده شد', 'مستمری تا روز پنجم هر ماه واریز می‌شود.') }, tokens.officialA);
  const y = await must<Instruction>(api, 'instructions.issue', { requestId: called.requests[1]!.id, fields: answered('راهنمایی شد', 'کارت در دفتر شهرستان صادر می‌شود.') }, tokens.officialA);
  await must(api, 'visits.finish', { visitId: called.visitId }, tokens.officialA);
  return { tokens, x, y, meeting };
}

/** The PDF's text, saved in the test's output folder on the way. */
async function textOf(pdf: Buffer, name: string): Promise<string> {
  const file = test.info().outputPath(`${name}.pdf`);
  writeFileSync(file, pdf);
  return (await pdfPageTexts(file)).join('\n');
}

/** Whether the text holds the tracking code as printed (123-456-789; pdftotext may give the groups in either order). */
function hasCode(text: string, code: string): boolean {
  const [a, b, c] = [code.slice(0, 3), code.slice(3, 6), code.slice(6)];
  const latin = latinDigits(text);
  return latin.includes(`${a}-${b}-${c}`) || latin.includes(`${c}-${b}-${a}`);
}

const slip = (i: Instruction) => `/print/slip/${i.id}`;
const reportRoute = () => `/print/report/${Buffer.from(JSON.stringify({ meetingId: scene.meeting.id, from: null, to: null, countyId: null })).toString('base64url')}`;

const IDLE = { hash: '#/print/idle', token: null, text: '', ready: null };

/** What is left in a kept page between prints. */
async function between(page: Page): Promise<{ hash: string; token: string | null; text: string; ready: string | null }> {
  return page.evaluate(() => {
    const w = globalThis as unknown as {
      location: { hash: string };
      sessionStorage: { getItem(k: string): string | null };
      document: { body: { innerText: string; getAttribute(a: string): string | null } };
    };
    return {
      hash: w.location.hash,
      token: w.sessionStorage.getItem('didar.token'),
      text: w.document.body.innerText.trim(),
      ready: w.document.body.getAttribute('data-print-ready'),
    };
  });
}

/** The one kept page of a renderer with one page, in this test's browser. */
function keptPage(): Page {
  const pages = browser.contexts().flatMap((c) => c.pages());
  expect(pages).toHaveLength(1);
  return pages[0]!;
}

async function withRenderer(run: (renderer: PdfRenderer) => Promise<void>): Promise<void> {
  const renderer = createPdfRenderer(() => station.url, { browser, pages: 1 });
  try {
    await run(renderer);
  } finally {
    await renderer.close(); // its pages; the browser is this file's
    for (const context of browser.contexts()) await context.close();
  }
}

async function expectPrintError(promise: Promise<Buffer>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrintPageError);
  expect((error as PrintPageError).code).toBe(code);
}

test('two users print one after the other on one kept page: each print runs with its own token and shows its own data', async () => {
  await withRenderer(async (renderer) => {
    const first = await textOf(await renderer.render(slip(scene.x), scene.tokens.officialA), 'a-slip-x');
    expect(hasCode(first, scene.x.trackingCode)).toBe(true);
    expect(first).toContain('مستمری تا روز پنجم هر ماه واریز می‌شود.');
    // Between prints the page is idle (it goes there right after the PDF is taken): no token, nothing of the slip, no readiness mark.
    await expect.poll(() => between(keptPage())).toEqual(IDLE);

    // Official A may print the meeting's report; the operator may not: had A's token stayed in the page, the operator's print would pass.
    const report = await textOf(await renderer.render(reportRoute(), scene.tokens.officialA), 'a-report');
    expect(report).toContain('اداره کل بهزیستی استان یزد');
    await expectPrintError(renderer.render(reportRoute(), scene.tokens.operator), 'forbidden');
    await expect.poll(() => between(keptPage())).toEqual(IDLE);

    // Official B's slip: B's own, nothing of the one printed before.
    const second = await textOf(await renderer.render(slip(scene.y), scene.tokens.officialB), 'b-slip-y');
    expect(hasCode(second, scene.y.trackingCode)).toBe(true);
    expect(hasCode(second, scene.x.trackingCode)).toBe(false);
    expect(second).toContain('کارت در دفتر شهرستان صادر می‌شود.');
    expect(second).not.toContain('مستمری تا روز پنجم');

    // The operator may print a slip: the same kept page, the operator's token.
    const third = await textOf(await renderer.render(slip(scene.x), scene.tokens.operator), 'operator-slip-x');
    expect(hasCode(third, scene.x.trackingCode)).toBe(true);
    expect(renderer.stats).toEqual({ pagesOpened: 1, warmPrints: 4 });
  });
});

test('a slip printed again on the kept page after an amendment shows the amended text and the next print number', async () => {
  await withRenderer(async (renderer) => {
    const before = await textOf(await renderer.render(slip(scene.y), scene.tokens.officialA), 'y-before');
    expect(before).toContain('کارت در دفتر شهرستان صادر می‌شود.');
    // «چاپ مجدد (نوبت N)»: pdftotext may give the line's parts in either order.
    const printNumber = (text: string) => {
      const line = latinDigits(text)
        .split('\n')
        .find((l) => l.includes('مجدد'));
      return line ? Number(/\d+/.exec(line)?.[0]) : 1;
    };
    const n = printNumber(before);
    expect(n).toBeGreaterThan(1); // printed in the test before

    await must(
      station.api,
      'instructions.amend',
      { id: scene.y.id, reason: 'نشانی دفتر اصلاح شد', fields: { kind: 'answered', text: 'راهنمایی شد', answer: 'کارت در دفتر مرکزی استان صادر می‌شود.' } },
      scene.tokens.officialA,
    );
    const after = await textOf(await renderer.render(slip(scene.y), scene.tokens.officialA), 'y-after');
    expect(after).toContain('کارت در دفتر مرکزی استان صادر می‌شود.');
    expect(after).not.toContain('کارت در دفتر شهرستان');
    expect(printNumber(after)).toBe(n + 1);
    expect(renderer.stats).toEqual({ pagesOpened: 1, warmPrints: 1 });
  });
});

test('prints asked at once wait their turn for the kept page and each gets its own PDF', async () => {
  await withRenderer(async (renderer) => {
    const asked = [
      { instruction: scene.x, token: scene.tokens.officialA },
      { instruction: scene.y, token: scene.tokens.officialB },
      { instruction: scene.x, token: scene.tokens.operator },
      { instruction: scene.y, token: scene.tokens.officialA },
    ];
    const pdfs = await Promise.all(asked.map((a) => renderer.render(slip(a.instruction), a.token)));
    for (const [k, pdf] of pdfs.entries()) {
      const text = await textOf(pdf, `at-once-${k}`);
      const own = asked[k]!.instruction;
      const other = own === scene.x ? scene.y : scene.x;
      expect(hasCode(text, own.trackingCode), `print ${k}`).toBe(true);
      expect(hasCode(text, other.trackingCode), `print ${k}`).toBe(false);
    }
    expect(renderer.stats).toEqual({ pagesOpened: 1, warmPrints: 3 });
  });
});

test('the station answers two slips asked at once with two PDFs, each naming its own tracking code', async () => {
  const post = async (route: string, token: string) => {
    const res = await fetch(new URL('/print/pdf', station.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ route }),
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  for (let round = 0; round < 2; round++) {
    // The first round opens the station's pages, the second finds them kept.
    const [x, y, x2] = await Promise.all([
      post(slip(scene.x), scene.tokens.officialA),
      post(slip(scene.y), scene.tokens.officialB),
      post(slip(scene.x), scene.tokens.operator),
    ]);
    for (const [pdf, own, other, name] of [
      [x, scene.x, scene.y, 'x'],
      [y, scene.y, scene.x, 'y'],
      [x2, scene.x, scene.y, 'x2'],
    ] as const) {
      const text = await textOf(pdf, `station-${round}-${name}`);
      expect(hasCode(text, own.trackingCode), `${name} in round ${round}`).toBe(true);
      expect(hasCode(text, other.trackingCode), `${name} in round ${round}`).toBe(false);
    }
  }
});

test('a print of nothing answers not_found at once, and the kept page prints the next one', async () => {
  await withRenderer(async (renderer) => {
    await renderer.render(slip(scene.x), scene.tokens.officialA);
    const started = Date.now();
    await expectPrintError(renderer.render(`/print/slip/${MISSING}`, scene.tokens.officialA), 'not_found');
    await expectPrintError(renderer.render(`/print/visit-slips/${MISSING}`, scene.tokens.officialB), 'not_found');
    expect(Date.now() - started).toBeLessThan(10_000); // well before the 15 s timeout
    await expect.poll(() => between(keptPage())).toEqual(IDLE);
    const next = await textOf(await renderer.render(slip(scene.y), scene.tokens.officialB), 'after-not-found');
    expect(hasCode(next, scene.y.trackingCode)).toBe(true);
    expect(renderer.stats).toEqual({ pagesOpened: 1, warmPrints: 3 });
  });

  // The station's own renderer: 404, then the next print.
  const post = (route: string) =>
    fetch(new URL('/print/pdf', station.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${scene.tokens.officialA}` },
      body: JSON.stringify({ route }),
    });
  const missing = await post(`/print/slip/${MISSING}`);
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  const next = await post(slip(scene.x));
  expect(next.status).toBe(200);
  expect(hasCode(await textOf(Buffer.from(await next.arrayBuffer()), 'station-after-not-found'), scene.x.trackingCode)).toBe(true);
});

test('a kept page that crashed is thrown away and the print is made on a fresh page', async () => {
  await withRenderer(async (renderer) => {
    await renderer.render(slip(scene.x), scene.tokens.officialA);
    await keptPage()
      .goto('chrome://crash')
      .catch(() => undefined);
    const text = await textOf(await renderer.render(slip(scene.y), scene.tokens.officialB), 'after-crash');
    expect(hasCode(text, scene.y.trackingCode)).toBe(true);
    expect(renderer.stats.pagesOpened).toBe(2);

    // Crashed while printing (as it moves to the print, while it waits for its data, or as it
    // prints; the moment differs from run to run): the print still comes out.
    for (const [k, delayMs] of [0, 30, 60, 90, 120].entries()) {
      const printing = renderer.render(slip(scene.x), scene.tokens.officialA);
      await new Promise((r) => setTimeout(r, delayMs));
      for (const page of browser.contexts().flatMap((c) => c.pages())) await page.goto('chrome://crash').catch(() => undefined);
      expect(hasCode(await textOf(await printing, `crash-while-printing-${k}`), scene.x.trackingCode)).toBe(true);
    }
    expect(renderer.stats.pagesOpened).toBeGreaterThan(2);
  });
});
