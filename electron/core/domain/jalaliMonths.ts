/**
 * The Jalali (Solar Hijri) months as Gregorian date ranges, from the calendar in `Intl`
 * (`fa-IR-u-ca-persian`), so reports can add up whole months: a month is 'YYYY-MM' in the
 * Jalali calendar with Latin digits, e.g. '1404-08' (Aban 1404).
 */
export interface JalaliMonth {
  month: string;
  firstDay: string;
  lastDay: string;
}

const PARTS = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
const DAY = 86_400_000;

function jalaliOf(ms: number): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: Number.parseInt(parts.year!, 10), month: Number(parts.month), day: Number(parts.day) };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every Jalali month that starts between two Gregorian years (inclusive), in order. */
export function jalaliMonths(fromYear: number, toYear: number): JalaliMonth[] {
  // Walk back to the first day of the month containing 1 January of `fromYear`.
  let start = Date.UTC(fromYear, 0, 1);
  start -= (jalaliOf(start).day - 1) * DAY;
  const end = Date.UTC(toYear, 11, 31);
  const months: JalaliMonth[] = [];
  while (start <= end) {
    const here = jalaliOf(start);
    // The next month starts 29 to 31 days later: probe from day 29.
    let next = start + 29 * DAY;
    while (jalaliOf(next).day !== 1) next += DAY;
    months.push({ month: `${here.year}-${String(here.month).padStart(2, '0')}`, firstDay: iso(start), lastDay: iso(next - DAY) });
    start = next;
  }
  return months;
}
