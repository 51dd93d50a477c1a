import DateObject from 'react-date-object';
import gregorian from 'react-date-object/calendars/gregorian';
import persian from 'react-date-object/calendars/persian';
import gregorian_en from 'react-date-object/locales/gregorian_en';
import persian_fa from 'react-date-object/locales/persian_fa';

/** A period of calendar dates (Gregorian YYYY-MM-DD, as the host takes them) and its Jalali name. */
export interface Period {
  from: string;
  to: string;
  /** e.g. «آذر ۱۴۰۵» or «۱۴۰۵». */
  label: string;
}

export type PeriodKind = 'thisMonth' | 'lastMonth' | 'thisYear';

/** A Gregorian calendar date in the Jalali calendar (noon UTC, so no time zone moves the day). */
function jalali(iso: string): DateObject {
  return new DateObject({ date: new Date(`${iso}T12:00:00Z`), calendar: persian, locale: persian_fa });
}

function isoOf(d: DateObject): string {
  return new DateObject(d).convert(gregorian, gregorian_en).format('YYYY-MM-DD');
}

/**
 * The Jalali month or year around `today` (Tehran's YYYY-MM-DD): «این ماه» is the whole Jalali
 * month of today, «ماه گذشته» the month before it, «امسال» the Jalali year of today.
 */
export function jalaliPeriod(kind: PeriodKind, today: string): Period {
  const d = jalali(today);
  if (kind === 'thisYear') {
    return { from: isoOf(new DateObject(d).toFirstOfYear()), to: isoOf(new DateObject(d).toLastOfYear()), label: d.format('YYYY') };
  }
  const month = new DateObject(d).toFirstOfMonth();
  if (kind === 'lastMonth') month.subtract(1, 'month');
  return { from: isoOf(month), to: isoOf(new DateObject(month).toLastOfMonth()), label: month.format('MMMM YYYY') };
}
