import { expect, type Page } from '@playwright/test';

/** The first-run wizard's steps, as its heading names them («گام ۳ از ۷: نشان»). */
export const WIZARD_STEPS = ['اداره کل', 'شهرستان‌ها', 'نشان', 'مدیر سامانه', 'چاپگر', 'پشتیبان', 'بازبینی'] as const;

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const persian = (n: number) => String(n).replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!);

/** Waits until the wizard shows step `n` (1-based). */
export async function expectStep(page: Page, n: number): Promise<void> {
  await expect(page.getByRole('heading', { name: `گام ${persian(n)} از ${persian(WIZARD_STEPS.length)}: ${WIZARD_STEPS[n - 1]}` })).toBeVisible();
}

/**
 * Goes through the first-run wizard with the keyboard, keeping the fresh database's values
 * (Ctrl+Enter moves on a step), creating the first admin, and finishes: the admin is signed in.
 */
export async function finishFirstRun(page: Page, admin: { displayName: string; username: string; password: string }): Promise<void> {
  await expectStep(page, 1);
  for (let step = 1; step <= 3; step++) {
    await page.keyboard.press('Control+Enter');
    await expectStep(page, step + 1);
  }
  await expect(page.getByLabel('نام و نام خانوادگی')).toBeFocused();
  await page.keyboard.type(admin.displayName);
  await page.keyboard.press('Enter');
  await page.keyboard.type(admin.username);
  await page.keyboard.press('Enter');
  await page.keyboard.type(admin.password);
  await page.keyboard.press('Enter');
  await page.keyboard.type(admin.password);
  for (let step = 4; step <= 6; step++) {
    await page.keyboard.press('Control+Enter');
    await expectStep(page, step + 1);
  }
  await expect(page.getByTestId('wizard-next')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toHaveText(admin.displayName);
}
