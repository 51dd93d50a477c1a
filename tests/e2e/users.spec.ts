import { expect, test, type Browser, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * Trust (issue 8): the admin manages users on the users screen. A clerk whose account the
 * admin deactivates is signed out at their next call (their open browser shows the login).
 * The admin activates them again and resets their password: the old one no longer works,
 * the new one does. Five wrong passwords in a row lock an account: the login says so with
 * the minutes left, even for the right password, and the admin sees the lock and lifts it.
 * The admin edits a user's name. The signed-in user changes their own password from the
 * account menu in the frame and signs out everywhere.
 */

let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station?.stop();
});

const ADMIN_PASSWORD = 'admin-password-1';
const CLERK_PASSWORD = 'clerk-password-1';
const SHOT = (name: string) => `/tmp/users-${name}.png`;

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

async function open(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(station.url);
  return page;
}

async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(password);
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
}

async function signIn(page: Page, username: string, password: string) {
  await fillLogin(page, username, password);
  await expect(page.getByTestId('whoami')).toBeVisible();
}

const row = (page: Page, name: string) => page.getByTestId('user-row').filter({ hasText: name });

async function rowAction(page: Page, name: string, action: string) {
  await row(page, name).getByTestId('user-actions').click();
  await page.getByRole('menuitem', { name: action }).click();
}

test('the admin deactivates, reactivates and resets a user; a locked account is told so', async ({ browser }) => {
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: ADMIN_PASSWORD }, null)).token;
  await must('users.create', { username: 'clerk', displayName: 'زهرا کریمی', role: 'operator', password: CLERK_PASSWORD }, admin);
  await must('users.create', { username: 'guest', displayName: 'علی رضایی', role: 'official', password: 'guest-password-1' }, admin);

  const clerk = await open(browser);
  await signIn(clerk, 'clerk', CLERK_PASSWORD);

  const boss = await open(browser);
  await signIn(boss, 'admin', ADMIN_PASSWORD);
  await boss.getByRole('link', { name: 'کاربران' }).or(boss.getByText('کاربران', { exact: true }).first()).first().click();
  await expect(row(boss, 'زهرا کریمی')).toBeVisible();
  await expect(row(boss, 'زهرا کریمی')).toContainText('۱ نشست باز');
  await boss.screenshot({ path: SHOT('list'), fullPage: true });

  // Deactivate: the clerk's open browser is signed out at its next call.
  await rowAction(boss, 'زهرا کریمی', 'غیرفعال کردن');
  await boss.getByTestId('confirm-deactivate').click();
  await expect(row(boss, 'زهرا کریمی').getByTestId('user-status')).toHaveText('غیرفعال');
  await clerk.getByText('مسائل مشترک', { exact: true }).click();
  await expect(clerk.getByLabel('نام کاربری')).toBeVisible();
  await expect(clerk.getByTestId('whoami')).toHaveCount(0);
  await fillLogin(clerk, 'clerk', CLERK_PASSWORD);
  await expect(clerk.getByText('نام کاربری یا گذرواژه نادرست است.')).toBeVisible();

  // Activate again and reset the password: the old one fails, the new one works.
  await rowAction(boss, 'زهرا کریمی', 'فعال کردن');
  await expect(row(boss, 'زهرا کریمی').getByTestId('user-status')).toHaveText('فعال');
  await rowAction(boss, 'زهرا کریمی', 'بازنشانی گذرواژه');
  const reset = boss.getByTestId('user-reset');
  await reset.getByLabel('گذرواژه تازه').fill('short');
  await reset.getByRole('button', { name: 'بازنشانی گذرواژه' }).click();
  await expect(reset.getByText('«گذرواژه» باید دست‌کم ۱۰ نویسه باشد.')).toBeVisible();
  await boss.screenshot({ path: SHOT('reset'), fullPage: true });
  await reset.getByLabel('گذرواژه تازه').fill('fresh-start-2026');
  await reset.getByRole('button', { name: 'بازنشانی گذرواژه' }).click();
  await expect(reset).toHaveCount(0);
  await fillLogin(clerk, 'clerk', CLERK_PASSWORD);
  await expect(clerk.getByText('نام کاربری یا گذرواژه نادرست است.')).toBeVisible();
  await signIn(clerk, 'clerk', 'fresh-start-2026');

  // Five wrong passwords lock the guest's account; the right one is refused with the minutes left.
  const guest = await open(browser);
  for (let i = 1; i <= 4; i++) {
    await fillLogin(guest, 'guest', `wrong-guess-${i}`);
    await expect(guest.getByText('نام کاربری یا گذرواژه نادرست است.')).toBeVisible();
  }
  await fillLogin(guest, 'guest', 'wrong-guess-5');
  await expect(guest.getByText(/قفل شده است؛ ۱۵ دقیقه دیگر/)).toBeVisible();
  await fillLogin(guest, 'guest', 'guest-password-1');
  await expect(guest.getByText(/قفل شده است؛ (۱۵|۱۴) دقیقه دیگر/)).toBeVisible();
  await expect(guest.getByTestId('whoami')).toHaveCount(0);
  await guest.screenshot({ path: SHOT('locked-login'), fullPage: true });

  // The admin sees the lock (the list follows the host's event) and lifts it.
  await expect(row(boss, 'علی رضایی').getByTestId('user-locked')).toBeVisible();
  await boss.screenshot({ path: SHOT('locked-admin'), fullPage: true });
  await rowAction(boss, 'علی رضایی', 'برداشتن قفل');
  await expect(row(boss, 'علی رضایی').getByTestId('user-locked')).toHaveCount(0);
  await signIn(guest, 'guest', 'guest-password-1');

  // Edit: the guest becomes a follow-up officer with a new display name; the host applies it at once.
  await rowAction(boss, 'علی رضایی', 'ویرایش');
  const edit = boss.getByTestId('user-edit');
  await edit.getByLabel('نام نمایشی').fill('علی رضایی‌پور');
  await edit.getByRole('button', { name: 'ذخیره' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row(boss, 'علی رضایی‌پور')).toBeVisible();
  await guest.reload();
  await expect(guest.getByTestId('whoami')).toHaveText('علی رضایی‌پور');

  // The clerk changes their own password from the account menu.
  await clerk.getByTestId('account-menu').click();
  await clerk.screenshot({ path: SHOT('account-menu'), fullPage: true });
  await clerk.getByRole('menuitem', { name: 'تغییر گذرواژه من' }).click();
  const change = clerk.getByTestId('change-password');
  await change.getByLabel('گذرواژه کنونی').fill('not-my-password-1');
  await change.getByLabel('گذرواژه تازه').fill('my-own-choice-77');
  await change.getByRole('button', { name: 'ذخیره' }).click();
  await expect(change.getByText('«گذرواژه کنونی» نادرست است.')).toBeVisible();
  await change.getByLabel('گذرواژه کنونی').fill('fresh-start-2026');
  await clerk.screenshot({ path: SHOT('change-password'), fullPage: true });
  await change.getByRole('button', { name: 'ذخیره' }).click();
  await expect(change).toHaveCount(0);
  await expect(clerk.getByTestId('whoami')).toBeVisible();

  // Sign out everywhere ends the clerk's session here too.
  await clerk.getByTestId('account-menu').click();
  await clerk.getByRole('menuitem', { name: 'خروج از همه دستگاه‌ها' }).click();
  await clerk.getByTestId('confirm-logout-everywhere').click();
  await expect(clerk.getByLabel('نام کاربری')).toBeVisible();
  await signIn(clerk, 'clerk', 'my-own-choice-77');
});
