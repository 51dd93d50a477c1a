import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createDesktopController, type DesktopController } from '../../electron/station/desktop/controller';
import { startStation, type RunningStation } from './station';

/**
 * A Didar desktop's first run, joining a host: the desk window's bridge is a test double of the
 * preload whose every door goes to the real desktop controller (the same code the Electron main
 * process maps its IPC onto), running here in plain Node. The host is a real station announced
 * on the LAN by mDNS. The desk finds it, refuses a bad address with a Persian message, joins,
 * signs in and registers a visitor; when the host goes away the desk says so at once, keeps
 * what was typed, and sends it when the host is back.
 */

const PASSWORD = 'secret-pass-1';
const DIRECTORATE = 'اداره کل بهزیستی استان سمنان';
let host: RunningStation;
let controller: DesktopController;
/** The TLS test's station, stopped here even when the test fails half-way. */
let tlsStation: RunningStation | null = null;

test.afterAll(async () => {
  await controller?.close();
  await host?.stop();
  await tlsStation?.stop();
});

/** The preload's bridge, its doors wired to the controller through Playwright's exposed functions. */
async function installDesktopDouble(page: Page, c: DesktopController) {
  let stopWatch: (() => void) | null = null;
  const emit = (kind: 'event' | 'status', payload: unknown) =>
    page.evaluate(([k, p]) => (globalThis as unknown as { __desktopEmit: (k: string, p: unknown) => void }).__desktopEmit(k as string, p), [kind, payload] as const).catch(() => undefined);
  await page.exposeFunction('__desktopCall', (method: string, input: unknown, token: string | null) => c.call(method, input, token));
  await page.exposeFunction('__desktopWatch', (token: string | null) => {
    stopWatch?.();
    stopWatch = token ? c.subscribe(token, (e) => void emit('event', e), () => void emit('status', true)) : null;
    return true;
  });
  c.onStatus((online) => void emit('status', online));
  await page.exposeFunction('__desktopConnection', async (action: string, arg: unknown, fingerprint: string | null) => {
    switch (action) {
      case 'status':
        return c.status();
      case 'discover':
        return c.discover(2500);
      case 'probe':
        return c.probe(String(arg));
      case 'chooseHost':
        return c.chooseHost();
      case 'join':
        return c.join(String(arg), fingerprint);
      case 'forget':
        await c.forget();
        return true;
      default:
        return null;
    }
  });
  await page.addInitScript(() => {
    const w = globalThis as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> & { didar: unknown; __desktopEmit: unknown };
    const listeners = { event: new Set<(p: unknown) => void>(), status: new Set<(p: unknown) => void>() };
    w.__desktopEmit = (kind: 'event' | 'status', payload: unknown) => listeners[kind].forEach((l) => l(payload));
    const on = (kind: 'event' | 'status') => (l: (p: unknown) => void) => {
      listeners[kind].add(l);
      return () => listeners[kind].delete(l);
    };
    const conn = (action: string, arg?: unknown, extra?: unknown) => w.__desktopConnection!(action, arg ?? null, extra ?? null);
    w.didar = {
      call: (m: string, i: unknown, t: string | null) => w.__desktopCall!(m, i, t),
      watch: (t: string | null) => w.__desktopWatch!(t),
      onEvent: on('event'),
      onStatus: on('status'),
      print: async () => ({ ok: false, error: 'no printer in this test' }),
      openDisplay: async () => ({ ok: false }),
      connection: {
        status: () => conn('status'),
        discover: () => conn('discover'),
        probe: (a: string) => conn('probe', a),
        chooseHost: () => conn('chooseHost'),
        join: (u: string, f: string | null) => conn('join', u, f),
        forget: () => conn('forget'),
      },
    };
  });
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/connection-${name}.png`, fullPage: true });
}

test('a desktop desk finds the host on the LAN, joins it, and keeps what was typed while the host is away', async ({ page }) => {
  test.setTimeout(120_000);
  // The host PC: a station on every network card (so it is announced by mDNS), set up, with an operator and an open meeting.
  host = await startStation({ args: ['--host', '0.0.0.0'] });
  const admin = (await host.must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  await host.must('settings.save', { directorateName: DIRECTORATE }, admin);
  await host.must('users.create', { username: 'operator', displayName: 'زهرا کاظمی', role: 'operator', password: PASSWORD }, admin);
  const meeting = await host.must<{ id: string }>('meetings.create', { kind: 'weekly_public', title: 'ملاقات عمومی سه‌شنبه', date: '2026-11-24', place: 'سالن اجتماعات', presiding: 'مدیرکل' }, admin);
  await host.must('meetings.open', { id: meeting.id }, admin);
  const port = Number(new URL(host.url).port);

  // The desk PC's first run: nothing chosen yet.
  controller = createDesktopController({
    configFile: join(mkdtempSync(join(tmpdir(), 'didar-desk-')), 'connection.json'),
    dataFile: join(tmpdir(), 'didar-desk-never-opened.db'),
    rendererDir: 'out/renderer',
    log: () => undefined,
  });
  await controller.start();
  await installDesktopDouble(page, controller);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'این رایانه چگونه کار کند؟' })).toBeVisible();
  await shot(page, 'choice');

  await page.getByTestId('choose-join').click();
  const address = page.getByTestId('host-address');
  await expect(address).toBeFocused();
  // A bad address and an unreachable one: Persian messages at the field, nothing joined.
  await address.fill('a b');
  await address.press('Enter');
  await expect(page.getByText('«نشانی میزبان» درست نیست', { exact: false })).toBeVisible();
  await address.fill('127.0.0.1:1');
  await address.press('Enter');
  await expect(page.getByText('رایانه‌ای در «نشانی میزبان» پاسخ نداد', { exact: false })).toBeVisible();
  expect(controller.status().mode).toBeNull();

  // The host announced on the LAN is listed by its directorate's name; choosing it asks it who it is.
  const found = page.getByTestId('found-hosts').getByRole('button').filter({ hasText: DIRECTORATE }).filter({ hasText: `:${port}/` });
  await expect(found).toBeVisible({ timeout: 15_000 });
  await shot(page, 'found');
  await found.click();
  await expect(page.getByTestId('probed-host')).toContainText(DIRECTORATE);
  await page.getByTestId('join-host').click();

  // Joined: the host's sign-in page, with its directorate's name.
  await expect(page.getByRole('heading', { name: 'ورود به دیدار' })).toBeVisible();
  await expect(page.getByText(DIRECTORATE)).toBeVisible();
  expect(controller.status()).toMatchObject({ mode: 'join', online: true });
  await page.getByLabel('نام کاربری').fill('operator');
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();

  // A visitor's data typed at intake.
  await page.goto(`${host.url}#/meetings/${meeting.id}/intake`);
  const search = page.getByLabel('کد ملی یا نام مددجو');
  await search.fill('۰۰۸۴۵۷۵۹۴۸');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'ثبت مددجوی تازه' })).toBeVisible();
  await page.getByRole('textbox', { name: 'نام', exact: true }).fill('فاطمه');
  await page.getByLabel('نام خانوادگی').fill('رضایی');
  await page.getByRole('combobox', { name: 'جنسیت', exact: true }).click();
  await page.getByRole('option', { name: 'زن', exact: true }).click();
  await page.getByRole('combobox', { name: 'دسته درخواست', exact: true }).click();
  await page.getByRole('option', { name: 'مستمری', exact: true }).click();
  await page.getByLabel('شرح درخواست').fill('افزایش مستمری ماهانه');

  // The host goes away: the desk says so at once.
  await host.stop({ keepData: true });
  const lostAt = Date.now();
  await expect(page.getByTestId('offline')).toBeVisible({ timeout: 5000 });
  expect(Date.now() - lostAt).toBeLessThan(5000);
  // Sending now fails with a Persian message; everything typed stays.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('رایانه میزبان پاسخ نمی‌دهد', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'نام', exact: true })).toHaveValue('فاطمه');
  await expect(page.getByLabel('نام خانوادگی')).toHaveValue('رضایی');
  await expect(page.getByLabel('شرح درخواست')).toHaveValue('افزایش مستمری ماهانه');
  await shot(page, 'host-lost');

  // The host comes back on the same address with the same data: the desk sees it and the same form is sent.
  host = await startStation({ dataDir: host.dataDir, port, args: ['--host', '0.0.0.0'] });
  await expect(page.getByTestId('offline')).toBeHidden({ timeout: 15_000 });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('ticket-number')).toHaveText('۱');
  await shot(page, 'resumed');
  const adminAgain = (await host.must<{ token: string }>('auth.login', { username: 'admin', password: PASSWORD }, null)).token;
  const clients = await host.must<{ firstName: string }[]>('clients.search', { query: 'رضایی' }, adminAgain);
  expect(clients.map((c) => c.firstName)).toEqual(['فاطمه']);

  // Later, an admin at this desk: Settings → network says how this PC works, and «change» forgets
  // the host (after a confirmation) and asks again, as on the first run.
  await page.getByRole('button', { name: 'خروج', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'ورود به دیدار' })).toBeVisible();
  await page.getByLabel('نام کاربری').fill('admin');
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
  await page.goto(`${host.url}#/settings`);
  await page.getByRole('tab', { name: 'شبکه و اتصال' }).click();
  const thisPc = page.getByTestId('this-pc');
  await expect(thisPc).toContainText(`این رایانه به میزبان «${DIRECTORATE}» در`);
  await expect(thisPc).toContainText(`:${port}`);
  await expect(thisPc).toContainText('میزبان پاسخ می‌دهد.');
  await shot(page, 'this-pc');
  await thisPc.getByRole('button', { name: 'تغییر نحوه کار این رایانه' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('پیوند این رایانه با میزبان برداشته می‌شود');
  // Cancelling changes nothing.
  await confirm.getByRole('button', { name: 'انصراف' }).click();
  await expect(confirm).toBeHidden();
  expect(controller.status().mode).toBe('join');
  await thisPc.getByRole('button', { name: 'تغییر نحوه کار این رایانه' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'بله، دوباره انتخاب می‌کنم' }).click();
  await expect(page.getByRole('heading', { name: 'این رایانه چگونه کار کند؟' })).toBeVisible();
  expect(controller.status().mode).toBeNull();
});

test('the admin sets the station to TLS with the directorate certificate; after a restart the host serves https only', async ({ browser }) => {
  test.setTimeout(120_000);
  const { execFileSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'didar-cert-'));
  const make = (name: string) => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '365', '-subj', `/CN=${name}`,
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)], { stdio: 'ignore' });
    return { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
  };
  const ours = make('didar-host');
  const theirs = make('someone-else');
  let station = await startStation();
  tlsStation = station;
  const admin = (await station.must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  expect(admin).toBeTruthy();
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const signIn = async (url: string) => {
    await page.goto(url);
    await page.getByLabel('نام کاربری').fill('admin');
    await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('whoami')).toBeVisible();
  };
  const pickFile = async (label: string, file: string) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: label, exact: true }).click()]);
    await chooser.setFiles(file);
  };
  await signIn(station.url);
  await page.goto(`${station.url}#/settings`);
  await page.getByRole('tab', { name: 'شبکه و اتصال' }).click();
  await expect(page.getByText('گواهی‌ای ذخیره نشده است.')).toBeVisible();

  // A key that is not the certificate's: refused at the key's field, nothing saved.
  await page.getByRole('switch', { name: 'تنها با TLS (رمزنگاری با گواهی اداره)' }).check({ force: true });
  await pickFile('گواهی (پرونده PEM)', ours.cert);
  await pickFile('کلید خصوصی گواهی (پرونده PEM)', theirs.key);
  await page.getByTestId('station-save').click();
  await expect(page.getByText('«کلید خصوصی» از آنِ این گواهی نیست.')).toBeVisible();
  expect((await station.must<{ requireTls: boolean }>('station.get', {}, admin)).requireTls).toBe(false);

  await pickFile('کلید خصوصی گواهی (پرونده PEM)', ours.key);
  await page.getByTestId('station-save').click();
  const shown = page.getByTestId('station-certificate');
  await expect(shown).toContainText('didar-host');
  const fingerprint = (await station.must<{ certificate: { fingerprint256: string } }>('station.get', {}, admin)).certificate.fingerprint256;
  await expect(shown).toContainText(fingerprint);
  await shot(page, 'station-settings');

  // The next start of the host reads the settings: https only, and the desk signs in over it.
  const port = Number(new URL(station.url).port);
  await station.stop({ keepData: true });
  station = await startStation({ dataDir: station.dataDir, port });
  tlsStation = station;
  expect(station.url.startsWith('https://')).toBe(true);
  await signIn(station.url);
  await expect(page.getByTestId('offline')).toBeHidden();
  await context.close();
  await station.stop();
  tlsStation = null;
});
