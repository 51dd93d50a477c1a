import type { Report } from '../contract/types';
import { toPersianDigits } from './digits';

const JALALI = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** A calendar date (YYYY-MM-DD) in the Jalali calendar in words, day month year. */
export function jalaliDateWords(iso: string): string {
  const parts = Object.fromEntries(JALALI.formatToParts(new Date(`${iso}T12:00:00Z`)).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year}`;
}

/** The period of a report's scope in words. */
export function periodWords(from: string | null, to: string | null, meetingDate: string | null): string {
  if (meetingDate) return jalaliDateWords(meetingDate);
  if (from && to) return from === to ? jalaliDateWords(from) : `از ${jalaliDateWords(from)} تا ${jalaliDateWords(to)}`;
  if (from) return `از ${jalaliDateWords(from)}`;
  if (to) return `تا ${jalaliDateWords(to)}`;
  return '';
}

/** A whole number in Persian digits with Persian thousands separators (۱۲٬۳۴۵). */
export function faNumber(n: number): string {
  return toPersianDigits(new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n)).replace(/,/g, '٬').replace(/\./g, '٫');
}

/**
 * A short press summary in Persian prose, like the paragraphs of the seed reports, written
 * from the report's own figures only (so it always agrees with the tables). `period` is the
 * Jalali description of the report's scope, e.g. «آذر ۱۴۰۵».
 */
export function pressSummary(report: Omit<Report, 'summary'>, directorate: string, period: string): string {
  const h = report.headline;
  const sentences: string[] = [];
  const where = report.scope.meetingTitle ? `در «${report.scope.meetingTitle}»` : report.scope.countyName ? `در شهرستان ${report.scope.countyName}` : 'در سطح استان';
  sentences.push(
    `به گزارش روابط عمومی ${directorate}، ${period ? (/^(از|تا) /.test(period) ? `${period} ` : `در ${period} `) : ''}${where} ${faNumber(h.visits)} مراجعه از ${faNumber(h.clients)} مددجو پذیرش شد و ${faNumber(h.requests)} درخواست ثبت شد.`,
  );
  if (h.requests > 0) {
    sentences.push(
      `برای ${faNumber(h.instructions)} درخواست دستور صادر شد که ${faNumber(h.answeredOnSpot)} مورد${h.answeredOnSpotPercent !== null ? ` (${faNumber(h.answeredOnSpotPercent)} درصد درخواست‌ها)` : ''} در همان جلسه پاسخ گرفت.`,
    );
  }
  const referred = (report.byKind.rows.find((r) => r.key === 'unit')?.values[0] ?? 0) + (report.byKind.rows.find((r) => r.key === 'agency')?.values[0] ?? 0);
  if (referred > 0) {
    sentences.push(`${faNumber(referred)} درخواست به واحدهای تخصصی و دستگاه‌های اجرایی ارجاع شد و تا حصول نتیجه پیگیری می‌شود؛ ${faNumber(h.closed)} دستور به نتیجه رسیده و ${faNumber(h.open)} دستور در دست پیگیری است.`);
  }
  if (h.deliveredToman > 0 || h.promisedToman > 0) {
    sentences.push(`برای این درخواست‌ها ${faNumber(h.promisedToman)} تومان تعهد شد و تاکنون ${faNumber(h.deliveredToman)} تومان پرداخت شده است.`);
  }
  const topCategory = [...report.byCategory.rows].sort((a, b) => b.values[0]! - a.values[0]!)[0];
  if (topCategory) sentences.push(`بیشترین درخواست‌ها در زمینه «${topCategory.label}» (${faNumber(topCategory.values[0]!)} درخواست) بود.`);
  return sentences.join(' ');
}
