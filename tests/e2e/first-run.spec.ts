import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { SetupDefaults } from '../../electron/core/contract/auth';
import type { Settings } from '../../electron/core/contract';
import { expectStep } from './firstRun';
import { fold, pdfPageTexts } from './pdf';
import { startStation, type RunningStation } from './station';

/**
 * The first-run wizard on a fresh station, as a new directorate's admin does it with the
 * keyboard: directorate and province, the counties edited (one renamed, one removed, one added),
 * a logo uploaded, the first admin, printing in a browser, a backup folder of their own, the
 * review, and finish — signed in, with the settings, the counties and a printed page showing
 * what was chosen. Then a refusal: an unwritable backup folder brings the wizard back to that
 * step with the host's Persian message, and nothing is set up.
 */

const SHOTS = '/tmp/first-run-shots';
const PASSWORD = 'wizard-pass-2024';
const SEEDED_NAME = 'اداره کل بهزیستی استان سمنان';
const DIRECTORATE = 'اداره کل بهزیستی سمنان';
const ADMIN = { displayName: 'مریم کاظمی', username: 'kazemi', password: PASSWORD };
const EDITED_COUNTIES = ['سمنان', 'شاهرود', 'دامغان', 'گرمسار', 'مهدی‌شهر', 'سرخه', 'میامی', 'بسطام'];

/** A small PNG: a teal disc on white, 48 × 48. */
function logoPng(): Buffer {
  const png = new PNG({ width: 48, height: 48 });
  for (let y = 0; y < 48; y++) {
    for (let x = 0; x < 48; x++) {
      const i = (y * 48 + x) * 4;
      const inside = (x - 24) ** 2 + (y - 24) ** 2 < 20 ** 2;
      png.data.set(inside ? [11, 114, 133, 255] : [255, 255, 255, 255], i);
    }
  }
  return PNG.sync.write(png);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const token = (page: Page) => page.evaluate<string | null>("sessionStorage.getItem('didar.token')");

let station: RunningStation;
test.afterEach(async () => {
  await station?.stop();
});

test('a new directorate sets Didar up with the keyboard and lands signed in', async ({ page }) => {
  station = await startStation();
  const backupFolder = join(station.dataDir, 'elsewhere', 'didar-backups');

  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: 'راه‌اندازی نخستین' })).toBeVisible();

  // 1. Directorate and province: the seeded values are there to change.
  await expectStep(page, 1);
  const name = page.getByLabel('نام اداره کل');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(SEEDED_NAME);
  await shot(page, '1-directorate');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(DIRECTORATE);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('استان')).toBeFocused();
  await expect(page.getByLabel('استان')).toHaveValue('سمنان');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wizard-next')).toBeFocused();
  await page.keyboard.press('Enter');

  // 2. Counties: Mehdishahr renamed, Aradan removed, Bastam added; a name already listed is refused.
  await expectStep(page, 2);
  await expect(page.getByTestId('county-row')).toHaveCount(8);
  await expect(page.getByLabel('نام شهرستان ۱', { exact: true })).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await expect(page.getByLabel('نام شهرستان ۵', { exact: true })).toBeFocused();
  await expect(page.getByLabel('نام شهرستان ۵', { exact: true })).toHaveValue('مهدیشهر');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('مهدی‌شهر');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('نام شهرستان ۷', { exact: true })).toHaveValue('آرادان');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'حذف آرادان' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('county-row')).toHaveCount(7);
  await expect(page.getByLabel('نام شهرستان ۷', { exact: true })).toBeFocused();
  await expect(page.getByLabel('نام شهرستان ۷', { exact: true })).toHaveValue('میامی');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('شهرستان تازه')).toBeFocused();
  await page.keyboard.type('بسطام');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('county-row')).toHaveCount(8);
  await expect(page.getByLabel('نام شهرستان ۸', { exact: true })).toHaveValue('بسطام');
  await expect(page.getByLabel('شهرستان تازه')).toBeFocused();
  await page.keyboard.type('ميامي'); // Arabic ي: the same name as «میامی»
  await page.keyboard.press('Enter');
  await expect(page.getByText('این شهرستان پیش‌تر در فهرست آمده است.')).toBeVisible();
  await expect(page.getByTestId('county-row')).toHaveCount(8);
  await shot(page, '2-counties');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter'); // an empty new name: Enter moves on
  await expect(page.getByTestId('wizard-next')).toBeFocused();
  await page.keyboard.press('Enter');

  // 3. The logo, uploaded and previewed.
  await expectStep(page, 3);
  await expect(page.getByTestId('wizard-next')).toBeFocused();
  await page.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
  await expect(page.getByTestId('logo-preview')).toBeVisible();
  const logo = await page.getByTestId('logo-preview').getAttribute('src');
  expect(logo).toMatch(/^data:image\/png;base64,/);
  await shot(page, '3-logo');
  await page.getByTestId('wizard-next').focus();
  await page.keyboard.press('Enter');

  // 4. The first admin; a mistyped repeat is caught here, at its field.
  await expectStep(page, 4);
  await expect(page.getByLabel('نام و نام خانوادگی')).toBeFocused();
  await page.keyboard.type(ADMIN.displayName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.keyboard.type('wizard-pass-2025');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByText('تکرار گذرواژه با خود گذرواژه یکی نیست.')).toBeVisible();
  await expect(page.getByLabel('تکرار گذرواژه')).toBeFocused();
  await shot(page, '4-admin-mismatch');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(PASSWORD);
  await expect(page.getByText('تکرار گذرواژه با خود گذرواژه یکی نیست.')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // 5. Printing: in a browser, through the browser's PDF.
  await expectStep(page, 5);
  await expect(page.getByTestId('browser-printing')).toContainText('PDF');
  await shot(page, '5-printer');
  await expect(page.getByTestId('wizard-next')).toBeFocused();
  await page.keyboard.press('Enter');

  // 6. Backups: the default is shown (beside the database); the admin types a folder of their own.
  await expectStep(page, 6);
  await expect(page.getByTestId('default-backup-folder')).toHaveText(join(station.dataDir, 'backups'));
  const beside = page.getByRole('radio', { name: /پوشه backups کنار پایگاه داده/ });
  await expect(beside).toBeChecked();
  await expect(beside).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'پوشه دیگر' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('نشانی کامل پوشه پشتیبان')).toBeFocused();
  await page.keyboard.type(backupFolder);
  await shot(page, '6-backup');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // 7. Review, then finish.
  await expectStep(page, 7);
  const review = page.getByTestId('setup-review');
  for (const text of [DIRECTORATE, 'سمنان', EDITED_COUNTIES.join('، '), '۸ شهرستان', ADMIN.displayName, ADMIN.username, 'هر بار پرسیده می‌شود (PDF)', backupFolder]) {
    await expect(review).toContainText(text);
  }
  await expect(review.locator('img')).toHaveAttribute('src', logo!);
  await expect(page.getByTestId('wizard-next')).toHaveText('پایان و ورود');
  await expect(page.getByTestId('wizard-next')).toBeFocused();
  await shot(page, '7-review');
  await page.keyboard.press('Enter');

  // Signed in as the new admin.
  await expect(page.getByTestId('whoami')).toHaveText(ADMIN.displayName);
  const admin = (await token(page))!;
  expect(await station.api('auth.status', {})).toEqual({ ok: true, value: { needsSetup: false, directorateName: DIRECTORATE } });
  expect(existsSync(backupFolder)).toBe(true);
  expect(readdirSync(backupFolder)).toEqual([]); // the probe file is gone

  // The settings screen shows the directorate and province; the folder is the one chosen.
  await page.getByText('فهرست‌ها و تنظیمات', { exact: true }).click();
  await page.getByRole('tab', { name: 'تنظیمات عمومی' }).click();
  await expect(page.getByLabel('نام اداره کل')).toHaveValue(DIRECTORATE);
  await expect(page.getByLabel('استان')).toHaveValue('سمنان');
  await expect(page.getByTestId('logo-preview')).toHaveAttribute('src', logo!);
  const settings = await station.api<Settings>('settings.get', {}, admin);
  expect(settings.ok && settings.value).toMatchObject({ directorateName: DIRECTORATE, province: 'سمنان', logo, printer: '', backupFolder });
  await shot(page, '8-settings');
  // …and the backups screen shows the folder chosen.
  await page.getByText('پشتیبان‌گیری', { exact: true }).click();
  await expect(page.locator('input[name="backupFolder"]')).toHaveValue(backupFolder);
  await shot(page, '8b-backups');
  await page.getByText('فهرست‌ها و تنظیمات', { exact: true }).click();

  // The counties list is the edited one, in its order.
  await page.getByRole('tab', { name: 'شهرستان‌ها' }).click();
  const cells = page.getByRole('tabpanel').getByRole('row');
  await expect(cells).toHaveCount(EDITED_COUNTIES.length);
  for (const [i, county] of EDITED_COUNTIES.entries()) await expect(cells.nth(i)).toContainText(county);
  await expect(page.getByRole('tabpanel')).not.toContainText('آرادان');
  await shot(page, '9-counties');

  // A printed page (the province report) carries the new name and the logo.
  const scope = Buffer.from(JSON.stringify({ meetingId: null, from: null, to: null, countyId: null })).toString('base64url');
  const res = await fetch(new URL('/print/pdf', station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ route: `/print/report/${scope}` }),
  });
  expect(res.status).toBe(200);
  const file = test.info().outputPath('report.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = (await pdfPageTexts(file)).join('\n');
  expect(text).toContain(fold(DIRECTORATE));
  expect(text).not.toContain(fold(SEEDED_NAME));

  const print = await page.context().newPage();
  await print.goto(`${station.url}#/print/report/${scope}?t=${encodeURIComponent(admin)}`);
  await expect(print.locator('body')).toHaveAttribute('data-print-ready', 'true');
  await expect(print.locator('.print-directorate').first()).toHaveText(DIRECTORATE);
  await expect(print.locator('img.print-logo').first()).toHaveAttribute('src', logo!);
  await shot(print, '10-printed-report');
});

test('an unwritable backup folder brings the wizard back to that step, and nothing is set up', async ({ page }) => {
  station = await startStation();
  await page.goto(station.url);
  await expectStep(page, 1);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(DIRECTORATE);
  for (let step = 1; step <= 3; step++) {
    await page.keyboard.press('Control+Enter');
    await expectStep(page, step + 1);
  }
  await page.keyboard.type(ADMIN.displayName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Control+Enter');
  await expectStep(page, 5);
  await page.keyboard.press('Control+Enter');
  await expectStep(page, 6);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/proc/didar');
  await page.keyboard.press('Control+Enter');
  await expectStep(page, 7);
  await page.keyboard.press('Enter');

  // Back on the backup step, the host's message at the folder's field, the field focused.
  await expectStep(page, 6);
  const folder = page.getByLabel('نشانی کامل پوشه پشتیبان');
  await expect(folder).toBeFocused();
  await expect(folder).toHaveValue('/proc/didar');
  await expect(page.getByText('میزبان نمی‌تواند «پوشه پشتیبان‌ها» را بسازد یا در آن بنویسد')).toBeVisible();
  await shot(page, '11-backup-refused');

  // Nothing was set up: no user, the seeded name and counties as they were.
  const status = await station.api<{ needsSetup: boolean; directorateName: string; setup: SetupDefaults }>('auth.status', {});
  expect(status.ok && status.value).toMatchObject({ needsSetup: true, directorateName: SEEDED_NAME, setup: { directorateName: SEEDED_NAME, backupFolder: '' } });
  expect(status.ok && status.value.setup.counties).toHaveLength(8);
  expect(await token(page)).toBeNull();

  // Beside the database instead: the setup goes through.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: /پوشه backups کنار پایگاه داده/ })).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expectStep(page, 7);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toHaveText(ADMIN.displayName);
  expect(existsSync(join(station.dataDir, 'backups'))).toBe(true);
});

/**
 * The desktop app on the host PC: a test double of the preload whose calls go to the station
 * (the real core), which lists two printers the way Electron's main process would.
 */
async function installDesktopBridge(page: Page, host: RunningStation) {
  await page.exposeFunction('__didarCall', (method: string, input: unknown, t: string | null) => host.api(method, input, t));
  await page.addInitScript(() => {
    const w = globalThis as unknown as { didar: unknown; __didarCall: (m: string, i: unknown, t: string | null) => Promise<unknown> };
    const none = () => () => undefined;
    w.didar = {
      call: (m: string, i: unknown, t: string | null) => w.__didarCall(m, i, t),
      watch: async () => true,
      onEvent: none,
      onStatus: none,
      print: async () => ({ ok: false, error: 'no printing in this test' }),
      openDisplay: async () => ({ ok: false }),
      printers: async () => [
        { name: 'HP LaserJet M404', isDefault: true },
        { name: 'XP-80 Thermal', isDefault: false },
      ],
      connection: {
        status: async () => ({ mode: 'host', online: true, url: null, directorateName: '', stationProblem: null }),
        discover: async () => [],
        probe: async () => null,
        chooseHost: async () => ({ mode: 'host', online: true, url: null, directorateName: '', stationProblem: null }),
        join: async () => null,
        forget: async () => false,
      },
    };
  });
}

test("in the desktop app, the wizard offers the PC's printers and saves the one chosen", async ({ page }) => {
  station = await startStation();
  await installDesktopBridge(page, station);
  await page.goto(station.url);
  await expectStep(page, 1);
  for (let step = 1; step <= 3; step++) {
    await page.keyboard.press('Control+Enter');
    await expectStep(page, step + 1);
  }
  await page.keyboard.type(ADMIN.displayName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Control+Enter');

  // 5. The PC's printers, the default marked; «ask every time» is where the arrows start.
  await expectStep(page, 5);
  const ask = page.getByRole('radio', { name: 'هر بار بپرس / ذخیره به‌صورت PDF' });
  await expect(ask).toBeChecked();
  await expect(ask).toBeFocused();
  await expect(page.getByRole('radio', { name: /HP LaserJet M404/ })).toBeVisible();
  await expect(page.getByText('پیش‌فرض دستگاه')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'XP-80 Thermal' })).toBeChecked();
  await shot(page, '5b-printer-desktop');
  await page.keyboard.press('Enter'); // past the group, to «گام بعد»
  await expect(page.getByTestId('wizard-next')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectStep(page, 6);
  await page.keyboard.press('Control+Enter');
  await expectStep(page, 7);
  await expect(page.getByTestId('setup-review')).toContainText('XP-80 Thermal');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('whoami')).toHaveText(ADMIN.displayName);
  const settings = await station.api<Settings>('settings.get', {}, await token(page));
  expect(settings.ok && settings.value.printer).toBe('XP-80 Thermal');
});
