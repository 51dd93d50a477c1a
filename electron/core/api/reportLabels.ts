import type { Circumstance, Funder, InstructionKind, Outcome } from '../contract';
import { toPersianDigits } from '../domain/digits';

/** The Persian names in a report (they travel with the figures, so every export says the same). */
export const REPORT_LABELS = {
  col: {
    instructions: 'دستور',
    requests: 'درخواست',
    answeredOnSpot: 'پاسخ در جلسه',
    referred: 'ارجاع',
    open: 'باز',
    closed: 'بسته',
    overdue: 'گذشته از مهلت',
    visits: 'مراجعه',
    clients: 'مددجو',
    promisedToman: 'مبلغ تعهدشده (تومان)',
    deliveredToman: 'مبلغ پرداخت‌شده (تومان)',
    medianDays: 'میانه روز تا نتیجه',
    p90Days: 'صدک ۹۰ روز تا نتیجه',
    called: 'فراخوانده',
    done: 'پایان‌یافته',
    noShow: 'حاضر نشد',
  },
  kind: {
    answered: 'پاسخ در جلسه',
    unit: 'ارجاع به واحد تخصصی',
    agency: 'ارجاع به دستگاه اجرایی',
    not_possible: 'امکان‌پذیر نیست',
    review: 'نیازمند بررسی',
  } satisfies Record<InstructionKind, string>,
  funder: { welfare: 'بهزیستی', agency: 'دستگاه اجرایی', charity: 'خیّر یا مؤسسه خیریه', client: 'خود مددجو', none: 'بدون تأمین‌کننده' } satisfies Record<Funder, string>,
  outcome: { done: 'انجام شد', partly_done: 'بخشی انجام شد', not_possible: 'انجام نشد' } satisfies Record<Outcome, string>,
  circumstance: {
    disability: 'دارای معلولیت',
    female_head: 'بانوی سرپرست خانوار',
    elderly: 'سالمند',
    low_income: 'کم‌درآمد',
    chronic_illness: 'بیماری خاص یا مزمن',
    orphan: 'فرزند بی‌سرپرست یا بدسرپرست',
  } satisfies Record<Circumstance, string>,
  noCircumstance: 'بدون وضعیت خاص',
  unknownCounty: 'شهرستان نامشخص',
  openRow: 'باز (در دست پیگیری)',
  closedAtDesk: 'بسته در جلسه (پاسخ یا امکان‌پذیر نبودن)',
  band: (from: number, to: number) => `${toPersianDigits(from)} تا ${toPersianDigits(to)} دقیقه`,
  bandOver: (from: number) => `${toPersianDigits(from)} دقیقه و بیشتر`,
} as const;
