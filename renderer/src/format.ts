import { toPersianDigits } from '../../electron/core/domain/digits';

export { toPersianDigits as fa };

const dateFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const weekdayDateFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const timeFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Tehran' });
const dateTimeFormat = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Tehran',
});

/**
 * A calendar date (YYYY-MM-DD) in the Jalali calendar, e.g. «دوشنبه ۳ آذر ۱۴۰۵». Built from
 * the parts so the order is the same whatever pattern the platform's ICU data has.
 */
export function jalaliDate(iso: string | null, withWeekday = false): string {
  if (!iso) return '—';
  const d = new Date(`${iso}T12:00:00Z`);
  const parts = Object.fromEntries((withWeekday ? weekdayDateFormat : dateFormat).formatToParts(d).map((p) => [p.type, p.value]));
  return [withWeekday ? parts.weekday : null, parts.day, parts.month, parts.year].filter(Boolean).join(' ');
}

/** The Jalali date (Tehran) of an instant. */
export function jalaliDateOf(instant: string | null): string {
  return instant ? jalaliDate(tehranDateOf(instant)) : '—';
}

function tehranDateOf(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The Tehran time of an instant, e.g. ۰۹:۴۵. */
export function tehranTime(instant: string | null): string {
  return instant ? timeFormat.format(new Date(instant)) : '—';
}

export function jalaliDateTime(instant: string | null): string {
  return instant ? dateTimeFormat.format(new Date(instant)) : '—';
}

/** Minutes since an instant, in Persian digits. */
export function minutesSince(instant: string, now: number): string {
  return toPersianDigits(Math.max(0, Math.floor((now - Date.parse(instant)) / 60000)));
}

/** Today's calendar date in Tehran, YYYY-MM-DD. */
export function todayTehran(): string {
  return tehranDateOf(new Date().toISOString());
}

/**
 * Left-to-right text (an address, a port) set inside a Persian sentence: isolated (U+2066 … U+2069),
 * so its edge characters stay with it ("http://…:8080/" would otherwise show its final slash first).
 */
export function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}
