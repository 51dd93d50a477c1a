import { expect, test, type Locator, type Page } from '@playwright/test';
import { startStation, type RunningStation } from './station';

/**
 * The official's desk, as people use it: a client who came to last week's meeting (and got a
 * referral there) registers again today with three requests; the official calls them with F2,
 * sees last week's request and its tracking code, issues three instructions of different kinds
 * with the keyboard only and finishes with F9, which calls the next visitor to the same desk.
 * Bad input at the desk (no agency, a past due date, a negative or non-numeric amount,
 * finishing with requests left open) shows the Persian message at the field and writes
 * nothing. An issued instruction is amended only with a reason. The lookup finds an
 * instruction by its tracking code typed in Persian digits, and rejects a wrong check digit.
 */

let station: RunningStation;
test.beforeAll(async () => {
  station = await startStation();
});
test.afterAll(async () => {
  await station.stop();
});

const PASSWORD = 'secret-pass-1';
const CLIENT_ID = '0084575948';
const CLIENT_ID_FA = '۰۰۸۴۵۷۵۹۴۸';
const SECOND_ID = '0499370899';
const DESK = 'میز ۱';
/** Set DESK_SHOTS=1 to save screenshots of each step to /tmp/desk-shots. */
const SHOTS = process.env.DESK_SHOTS ? '/tmp/desk-shots' : null;

interface ListItem {
  id: string;
  name: string;
}
interface Instruction {
  id: string;
  kind: string;
  trackingCode: string;
  unitName: string | null;
  agencyName: string | null;
  dueDate: string | null;
  amountRials: number | null;
  funder: string | null;
  version: number;
  amendReason: string;
  text: string;
}
interface VisitDetail {
  visit: { visitId: string; status: string; desk: string | null };
  requests: { id: string; text: string; instruction: Instruction | null }[];
}

/**
 * The option of an open list that Enter would pick: the list marks its first match only just after
 * it filters, so a test that pressed Enter as soon as the option showed could pick nothing under load.
 */
const highlighted = (page: Page, name: string) => page.locator('[role="option"][data-combobox-selected]').filter({ hasText: name });
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const tehranToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** A Gregorian date as the Jalali YYYY/MM/DD one types into the date picker. */
function jalaliTyped(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (t: string) => parts.find((p) => p.type === t)!.value.replace(/\D/g, '');
  return `${get('year')}/${get('month')}/${get('day')}`;
}
/** A date as the screens show it: «۱۶ آذر ۱۴۰۵». */
function jalaliShown(iso: string): string {
  const parts = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('day')} ${get('month')} ${get('year')}`;
}

const must = <T,>(method: string, input: unknown, token: string | null): Promise<T> => station.must<T>(method, input, token);

async function login(page: Page, username: string) {
  await page.goto(station.url);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByRole('textbox', { name: 'گذرواژه', exact: true }).fill(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('whoami')).toBeVisible();
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The kind control of a request card (its checked radio) has the keyboard focus. */
async function expectKindFocused(card: Locator) {
  await expect(card.locator('input[type=radio]:checked')).toBeFocused();
}

test('the desk: history, three instructions by keyboard, finish calls the next; bad input; lookup', async ({ browser }) => {
  test.setTimeout(120_000);
  // Set-up through the API: the admin, an operator and an official.
  const admin = (await must<{ token: string }>('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: PASSWORD }, null)).token;
  await must('users.create', { username: 'operator', displayName: 'زهرا پذیرش', role: 'operator', password: PASSWORD }, admin);
  await must('users.create', { username: 'official', displayName: 'مدیرکل', role: 'official', password: PASSWORD }, admin);
  const official = (await must<{ token: string }>('auth.login', { username: 'official', password: PASSWORD }, null)).token;
  const lists = await must<{ categories: ListItem[]; units: ListItem[]; agencies: ListItem[] }>('lists.all', {}, admin);
  const category = (name: string) => lists.categories.find((c) => c.name === name)!.id;
  const today = tehranToday();

  // Last week's meeting: the client asked for help with a housing deposit and was referred to an agency.
  const first = await must<{ id: string }>(
    'meetings.create',
    { kind: 'weekly_public', title: 'دیدار مردمی هفته گذشته', date: addDays(today, -7), place: 'سالن اجتماعات', presiding: 'مدیرکل' },
    admin,
  );
  await must('meetings.open', { id: first.id }, admin);
  await must(
    'visits.register',
    {
      meetingId: first.id,
      newClient: { nationalId: CLIENT_ID, firstName: 'مریم', lastName: 'کریمی', fatherName: 'حسین', sex: 'female', circumstances: ['female_head'] },
      requests: [{ categoryId: category('مسکن'), text: 'کمک به ودیعه مسکن استیجاری' }],
    },
    admin,
  );
  const earlierVisit = (await must<{ visitId: string; requests: { id: string }[] }>('queue.callNext', { meetingId: first.id, desk: DESK }, official))!;
  const earlier = await must<Instruction>(
    'instructions.issue',
    {
      requestId: earlierVisit.requests[0]!.id,
      fields: { kind: 'agency', text: 'معرفی به بنیاد برکت برای ودیعه', agencyId: lists.agencies.find((a) => a.name === 'بنیاد برکت')!.id, dueDate: addDays(today, 10) },
    },
    official,
  );
  await must('visits.finish', { visitId: earlierVisit.visitId }, official);
  await must('meetings.close', { id: first.id }, admin);

  // Today's meeting.
  const meeting = await must<{ id: string }>(
    'meetings.create',
    { kind: 'weekly_public', title: 'میز خدمت امروز', date: today, place: 'اداره کل بهزیستی، طبقه همکف', presiding: 'مدیرکل' },
    admin,
  );
  await must('meetings.open', { id: meeting.id }, admin);

  // The operator finds the same client by national ID (typed in Persian digits) and writes three requests.
  const opContext = await browser.newContext();
  const op = await opContext.newPage();
  await login(op, 'operator');
  await op.getByTestId('meeting-row').filter({ hasText: 'میز خدمت امروز' }).getByRole('button', { name: 'پذیرش' }).click();
  await op.getByLabel('کد ملی یا نام مددجو').fill(CLIENT_ID_FA);
  await op.getByLabel('کد ملی یا نام مددجو').press('Enter');
  await expect(op.getByTestId('chosen-client')).toContainText('مریم کریمی');
  const requestTexts = ['هزینه جلسات گفتاردرمانی فرزند', 'ویلچر برای فرزند دارای معلولیت', 'کمک معیشتی برای هزینه‌های زمستان'];
  const requestCategories = ['توانبخشی', 'وسایل کمک توانبخشی', 'حمایت معیشتی'];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await op.keyboard.press('Alt+N');
    await op.getByRole('combobox', { name: 'دسته درخواست', exact: true }).nth(i).click();
    await op.getByRole('option', { name: requestCategories[i], exact: true }).click();
    await op.getByLabel('شرح درخواست').nth(i).fill(requestTexts[i]!);
  }
  await op.keyboard.press('Control+Enter');
  await expect(op.getByTestId('ticket-number')).toHaveText('۱');
  // A second visitor waits behind her (registered through the API).
  const second = await must<{ visitId: string }>(
    'visits.register',
    {
      meetingId: meeting.id,
      newClient: { nationalId: SECOND_ID, firstName: 'علی', lastName: 'رضایی', sex: 'male' },
      requests: [
        { categoryId: category('مناسب‌سازی محیط زندگی'), text: 'انشعاب برق برای آسانسور منزل' },
        { categoryId: category('مستمری'), text: 'قطع شدن مستمری از دو ماه پیش' },
      ],
    },
    admin,
  );

  // The official opens the desk; from here on, the keyboard only.
  const offContext = await browser.newContext();
  const off = await offContext.newPage();
  await login(off, 'official');
  await off.getByTestId('meeting-row').filter({ hasText: 'میز خدمت امروز' }).getByRole('button', { name: 'میز مسئول جلسه' }).click();
  await expect(off.getByTestId('desk-empty')).toBeVisible();
  await expect(off.getByTestId('shortcuts')).toContainText('F9 / Ctrl+Shift+Enter');
  await off.keyboard.press('F2');
  await expect(off.getByTestId('desk-client-name')).toHaveText('مریم کریمی');
  await expect(off.getByTestId('desk-ticket')).toHaveText('۱');

  // Last week's visit, its request and its instruction's tracking code and status, at a glance.
  const history = off.getByTestId('history-visit');
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('دیدار مردمی هفته گذشته');
  await expect(history).toContainText('کمک به ودیعه مسکن استیجاری');
  await expect(history).toContainText('بنیاد برکت');
  await expect(history.getByTestId('tracking-code')).toHaveText(persianDigits(earlier.trackingCode.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1-$2-$3')));
  await expect(history.getByTestId('instruction-status')).toContainText('در دست پیگیری');
  await shot(off, '01-desk-history');

  const cards = off.getByTestId('request-card');
  await expect(cards).toHaveCount(3);
  await expect(off.getByTestId('open-count')).toHaveText('۳ درخواست هنوز دستور ندارد');

  // 1: answered on the spot (the default kind, «۱»).
  await expectKindFocused(cards.nth(0));
  await off.keyboard.press('1');
  await off.keyboard.press('Enter');
  await expect(cards.nth(0).getByRole('textbox', { name: 'متن دستور' })).toBeFocused();
  await off.keyboard.type('هزینه گفتاردرمانی از اعتبار توانبخشی پرداخت شود');
  await off.keyboard.press('Enter');
  await off.keyboard.type('در جلسه تأیید شد؛ به واحد مالی اعلام می‌شود.');
  await shot(off, '02-kind-answered');
  await off.keyboard.press('Control+Enter');
  await expect(cards.nth(0).getByTestId('instruction-view')).toBeVisible();
  await expect(cards.nth(0).getByTestId('instruction-status')).toContainText('بسته');

  // 2: referred to an internal unit, with an amount and who funds it.
  await expectKindFocused(cards.nth(1));
  await off.keyboard.press('2');
  await off.keyboard.press('Enter');
  await off.keyboard.type('تأمین ویلچر در اولویت');
  await off.keyboard.press('Enter');
  await off.keyboard.type('توانبخشی');
  await expect(highlighted(off, 'معاونت توانبخشی')).toBeVisible(); // as a person waits for the list
  await off.keyboard.press('Enter'); // picks «معاونت توانبخشی»
  await off.keyboard.press('Enter'); // to the due date (prefilled from the settings)
  await expect(cards.nth(1).locator('input[name="dueDate"]')).toHaveValue(persianDigits(jalaliTyped(addDays(today, 14))));
  await off.keyboard.press('Enter');
  await off.keyboard.type('2500000');
  await expect(cards.nth(1).getByRole('textbox', { name: 'مبلغ (تومان)' })).toHaveValue('۲٬۵۰۰٬۰۰۰');
  await off.keyboard.press('Enter');
  await off.keyboard.type('بهزیستی');
  await expect(highlighted(off, 'بهزیستی')).toBeVisible();
  await off.keyboard.press('Enter');
  await shot(off, '03-kind-unit');
  await off.keyboard.press('Control+Enter');
  await expect(cards.nth(1).getByTestId('instruction-view')).toContainText('معاونت توانبخشی');
  await expect(cards.nth(1).getByTestId('instruction-view')).toContainText('۲٬۵۰۰٬۰۰۰ تومان');

  // 3: referred to an external agency.
  await expectKindFocused(cards.nth(2));
  await off.keyboard.press('3');
  await off.keyboard.press('Enter');
  await off.keyboard.type('معرفی به کمیته امداد برای کمک معیشتی');
  await off.keyboard.press('Enter');
  await off.keyboard.type('امداد');
  await expect(highlighted(off, 'امداد')).toBeVisible();
  await off.keyboard.press('Enter');
  await shot(off, '04-kind-agency');
  await off.keyboard.press('Control+Enter');
  await expect(cards.nth(2).getByTestId('instruction-view')).toContainText('کمیته امداد امام خمینی (ره)');
  await expect(off.getByTestId('finish')).toBeFocused();
  await expect(off.getByTestId('open-count')).toHaveText('همه درخواست‌ها دستور دارند؛ می‌توانید مراجعه را پایان دهید.');
  await shot(off, '05-issued');

  // What was written: three kinds, the unit, the amount in rials, the funder, the default due date.
  const firstVisitId = (await must<string[]>('desk.mine', { meetingId: meeting.id }, official))[0]!;
  const written = await must<VisitDetail>('visits.detail', { visitId: firstVisitId }, official);
  expect(written.requests.map((r) => r.instruction?.kind)).toEqual(['answered', 'unit', 'agency']);
  expect(written.requests[1]!.instruction).toMatchObject({ unitName: 'معاونت توانبخشی', amountRials: 25_000_000, funder: 'welfare', dueDate: addDays(today, 14) });
  expect(written.requests[2]!.instruction).toMatchObject({ agencyName: 'کمیته امداد امام خمینی (ره)', dueDate: addDays(today, 30) });

  // F9 finishes the visit and calls the next visitor to the same desk.
  await off.keyboard.press('F9');
  await expect(off.getByTestId('desk-client-name')).toHaveText('علی رضایی');
  expect((await must<VisitDetail>('visits.detail', { visitId: firstVisitId }, official)).visit.status).toBe('done');
  expect(await must<string[]>('desk.mine', { meetingId: meeting.id }, official)).toEqual([second.visitId]);
  const queue = await must<{ waiting: unknown[]; called: { visitId: string; desk: string }[] }>('queue.list', { meetingId: meeting.id }, official);
  expect(queue.waiting).toHaveLength(0);
  expect(queue.called).toMatchObject([{ visitId: second.visitId, desk: DESK }]);

  // Bad input: each message at its field, nothing written, the visit still at the desk.
  const nothingWritten = async () => {
    const d = await must<VisitDetail>('visits.detail', { visitId: second.visitId }, official);
    expect(d.requests.map((r) => r.instruction)).toEqual([null, null]);
    expect(d.visit.status).toBe('with_official');
  };
  const card = cards.nth(0);
  await expectKindFocused(card);
  await off.keyboard.press('3');
  await off.keyboard.press('Enter');
  await off.keyboard.type('انشعاب برق با هماهنگی اداره برق');
  await off.keyboard.press('Control+Enter');
  const agencyBox = card.getByRole('combobox', { name: 'دستگاه اجرایی' });
  await expect(agencyBox).toHaveAttribute('aria-invalid', 'true');
  await expect(card).toContainText('دستگاه اجرایی را انتخاب کنید.');
  await nothingWritten();

  // A due date before today, typed into the Jalali date field.
  await off.keyboard.press('Enter'); // from the order text to the agency
  await off.keyboard.type('برق');
  await expect(highlighted(off, 'اداره برق')).toBeVisible();
  await off.keyboard.press('Enter');
  await off.keyboard.press('Enter');
  const due = card.locator('input[name="dueDate"]');
  await expect(due).toBeFocused();
  // Reached from the keyboard, the date is typed: no calendar over the next fields.
  await expect(off.locator('.rmdp-calendar')).toBeHidden();
  await off.keyboard.press('Control+A');
  await off.keyboard.type(jalaliTyped(addDays(today, -3)));
  await expect(due).toHaveValue(persianDigits(jalaliTyped(addDays(today, -3))));
  await expect(due).toBeFocused();
  await off.keyboard.press('Enter');
  await off.keyboard.press('Control+Enter');
  await expect(card).toContainText('مهلت انجام نمی‌تواند پیش از امروز باشد.');
  await expect(due).toHaveClass(/didar-date-input--error/);
  await expect(agencyBox).not.toHaveAttribute('aria-invalid', 'true');
  await nothingWritten();

  // A click opens the calendar; a click elsewhere closes it.
  await due.click();
  await expect(off.locator('.rmdp-calendar')).toBeVisible();
  await shot(off, '06-calendar');
  await off.getByTestId('desk-client-name').click();
  await expect(off.locator('.rmdp-calendar')).toBeHidden();

  // A negative amount (the host's message), then words instead of a number (checked at the desk).
  // Back to the date from the keyboard's side (a click would open the calendar over the next
  // fields), typed into only once it holds the focus.
  await due.focus();
  await expect(due).toBeFocused();
  await off.keyboard.press('Control+A');
  await off.keyboard.type(jalaliTyped(addDays(today, 5)));
  await off.keyboard.press('Enter');
  const amount = card.getByRole('textbox', { name: 'مبلغ (تومان)' });
  await expect(amount).toBeFocused();
  await off.keyboard.type('-5000');
  await off.keyboard.press('Control+Enter');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(card).toContainText('مبلغ نمی‌تواند منفی باشد.');
  await expect(due).not.toHaveClass(/didar-date-input--error/);
  await nothingWritten();
  await off.keyboard.press('Control+A');
  await off.keyboard.type('دو میلیون');
  await off.keyboard.press('Control+Enter');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(card).toContainText('مبلغ باید عدد باشد.');
  await nothingWritten();

  // Finishing with requests left open.
  await off.keyboard.press('F9');
  await expect(off.getByTestId('finish-error')).toHaveText('۲ درخواست هنوز دستور ندارد؛ برای هر درخواست دستور صادر کنید.');
  await shot(off, '06-finish-error');
  await nothingWritten();
  expect(await must<string[]>('desk.mine', { meetingId: meeting.id }, official)).toEqual([second.visitId]);

  // Put right: no amount, issue; the second request needs review (the other kinds' forms seen on the way).
  await amount.focus();
  await off.keyboard.press('Control+A');
  await off.keyboard.press('Backspace');
  await off.keyboard.press('Control+Enter');
  await expect(card.getByTestId('instruction-view')).toContainText('اداره برق');
  await expectKindFocused(cards.nth(1));
  await off.keyboard.press('4');
  await off.keyboard.press('Enter');
  await off.keyboard.type('پاسخ به مددجو');
  await expect(cards.nth(1).getByRole('textbox', { name: 'دلیل ممکن نبودن' })).toBeVisible();
  await shot(off, '07-kind-not-possible');
  await off.keyboard.press('Alt+5');
  await expect(cards.nth(1).getByRole('textbox', { name: 'بررسی توسط' })).toBeVisible();
  await cards.nth(1).getByRole('textbox', { name: 'متن دستور' }).focus();
  await off.keyboard.press('Control+A');
  await off.keyboard.type('بررسی علت قطع مستمری');
  await off.keyboard.press('Enter');
  await off.keyboard.type('کارشناس مستمری اداره کل');
  await shot(off, '08-kind-review');
  await off.keyboard.press('Control+Enter');
  await expect(cards.nth(1).getByTestId('instruction-view')).toContainText('کارشناس مستمری اداره کل');

  // Amending needs a reason; the current version shows it was amended.
  await cards.nth(1).getByRole('button', { name: 'اصلاح دستور' }).click();
  const amendText = cards.nth(1).getByRole('textbox', { name: 'متن دستور' });
  await amendText.fill('بررسی علت قطع مستمری و برقراری دوباره آن');
  await cards.nth(1).getByTestId('save-amend').click();
  await expect(cards.nth(1).getByRole('textbox', { name: 'دلیل اصلاح' })).toHaveAttribute('aria-invalid', 'true');
  const unchanged = await must<VisitDetail>('visits.detail', { visitId: second.visitId }, official);
  expect(unchanged.requests[1]!.instruction).toMatchObject({ version: 1, text: 'بررسی علت قطع مستمری' });
  await cards.nth(1).getByRole('textbox', { name: 'دلیل اصلاح' }).fill('مددجو خواستار برقراری دوباره شد');
  await cards.nth(1).getByTestId('save-amend').click();
  await expect(cards.nth(1).getByTestId('amended')).toContainText('نسخه ۲');
  await expect(cards.nth(1).getByTestId('amended')).toContainText('مددجو خواستار برقراری دوباره شد');
  await expect(cards.nth(1).getByTestId('instruction-view')).toContainText('بررسی علت قطع مستمری و برقراری دوباره آن');
  await shot(off, '09-amended');
  await off.keyboard.press('F9');
  await expect(off.getByTestId('desk-empty')).toBeVisible();
  expect((await must<VisitDetail>('visits.detail', { visitId: second.visitId }, official)).visit.status).toBe('done');

  // The lookup: a code typed in Persian digits with dashes finds the instruction and its status.
  const unitInstruction = written.requests[1]!.instruction!;
  const grouped = unitInstruction.trackingCode.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1-$2-$3');
  await off.getByText('پیگیری با کد رهگیری', { exact: true }).click();
  const codeBox = off.getByRole('textbox', { name: 'کد رهگیری' });
  await codeBox.fill(persianDigits(grouped));
  await codeBox.press('Enter');
  const result = off.getByTestId('lookup-result');
  await expect(off.getByTestId('lookup-code')).toHaveText(persianDigits(grouped));
  await expect(result).toContainText('مریم کریمی');
  await expect(off.getByTestId('lookup-request')).toHaveText('ویلچر برای فرزند دارای معلولیت');
  await expect(result).toContainText('ارجاع به واحد تخصصی');
  await expect(result).toContainText('معاونت توانبخشی');
  await expect(result).toContainText(jalaliShown(addDays(today, 14)));
  await expect(result.getByTestId('instruction-status')).toContainText('در دست پیگیری');
  await shot(off, '10-lookup');

  // A wrong check digit: the Persian message at the field, no result.
  const last = Number(unitInstruction.trackingCode.at(-1));
  const wrong = `${grouped.slice(0, -1)}${(last + 1) % 10}`;
  await codeBox.fill(persianDigits(wrong));
  await codeBox.press('Enter');
  await expect(off.getByText('کد رهگیری نادرست است (رقم کنترل با بقیه رقم‌ها نمی‌خواند).')).toBeVisible();
  await expect(codeBox).toHaveAttribute('aria-invalid', 'true');
  await expect(result).toHaveCount(0);
  await shot(off, '11-lookup-error');

  await opContext.close();
  await offContext.close();
});
