import type { Report, ReportScope, ReportTable } from '../../../../electron/core/contract';
import { jalaliDateOf, tehranTime } from '../../format';
import { fa, fill } from '../../locale/fa';

/** The tables of a report, in the order every view (screen, sheet, paper) shows them. */
export const TABLE_KEYS = [
  'byKind',
  'byCategory',
  'byUnit',
  'byAgency',
  'byAgencyAtTable',
  'byCounty',
  'byFunder',
  'byIssuer',
  'byCircumstance',
  'byOutcome',
  'daysToResult',
  'timeWithOfficial',
  'byDesk',
] as const satisfies readonly (keyof Report)[];
export type TableKey = (typeof TABLE_KEYS)[number];

export interface TableMeta {
  key: TableKey;
  title: string;
  /** The heading of the rows' label column (the figures' headings come from the host). */
  first: string;
  /** Columns whose totals are statistics over all rows (not sums). */
  statColumns: readonly number[];
  /** Columns in toman. */
  moneyColumns: readonly number[];
  note: string | null;
}

const t = fa.reports;

export function tableMeta(key: TableKey): TableMeta {
  return {
    key,
    title: t.tables[key].title,
    first: t.tables[key].first,
    statColumns: key === 'daysToResult' ? [1, 2] : [],
    moneyColumns: key === 'byFunder' ? [0, 1] : [],
    note: key === 'byCircumstance' || key === 'daysToResult' || key === 'byFunder' ? t.notes[key] : null,
  };
}

export function reportTables(report: Report): { meta: TableMeta; table: ReportTable }[] {
  return TABLE_KEYS.map((key) => ({ meta: tableMeta(key), table: report[key] }));
}

/** The label of a table's totals row: «جمع», or «همه» where a column is a statistic. */
export function totalLabel(meta: TableMeta): string {
  return meta.statColumns.length > 0 ? t.overall : t.total;
}

const numberFormat = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 });

/** A figure in Persian digits with Persian thousands separators (۱۵٬۰۰۰٬۰۰۰; one decimal at most). */
export function faNumber(n: number | null): string {
  return n === null ? fa.app.none : numberFormat.format(n);
}

/** An amount in toman, e.g. «۱۵٬۰۰۰٬۰۰۰ تومان». */
export function faToman(n: number): string {
  return `${faNumber(n)} ${t.toman}`;
}

/** A share in percent, e.g. «۳۳٫۳٪», or «—». */
export function faPercent(p: number | null): string {
  return p === null ? fa.app.none : `${faNumber(p)}٪`;
}

export interface NamedScope {
  scope: ReportScope & { meetingTitle: string | null; countyName: string | null };
}

/** What a report covers, in words: the province, a county or a meeting. */
export function scopeWords(report: NamedScope): string {
  const s = report.scope;
  if (s.meetingTitle) return fill(t.scopeMeeting, { title: s.meetingTitle });
  if (s.countyName) return fill(t.scopeCounty, { name: s.countyName });
  return t.scopeProvince;
}

/** The report's period in words, or «همه زمان‌ها». */
export function periodWords(report: Pick<Report, 'periodLabel'>): string {
  return report.periodLabel || t.allTime;
}

/** When the report was made, in the Jalali calendar and Tehran time. */
export function madeAtWords(report: Pick<Report, 'generatedAt'>): string {
  return `${jalaliDateOf(report.generatedAt)}، ${tehranTime(report.generatedAt)}`;
}

/** The Tehran calendar date of an instant (YYYY-MM-DD), for the names of exported files. */
export function fileDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export interface HeadlineFigure {
  key: string;
  label: string;
  value: string;
  /** The figure as a number (for the sheet), or null. */
  raw: number | null;
  unit: string;
  note?: string;
}

/** The headline figures of a report, each formatted as it is shown. */
export function headlineFigures(report: Report): HeadlineFigure[] {
  const h = report.headline;
  const hl = t.headline;
  return [
    { key: 'meetings', label: hl.meetings, value: faNumber(h.meetings), raw: h.meetings, unit: '' },
    { key: 'visits', label: hl.visits, value: faNumber(h.visits), raw: h.visits, unit: '' },
    { key: 'clients', label: hl.clients, value: faNumber(h.clients), raw: h.clients, unit: '' },
    { key: 'requests', label: hl.requests, value: faNumber(h.requests), raw: h.requests, unit: '' },
    { key: 'instructions', label: hl.instructions, value: faNumber(h.instructions), raw: h.instructions, unit: '' },
    {
      key: 'answeredOnSpot',
      label: hl.answeredOnSpot,
      value: faNumber(h.answeredOnSpot),
      raw: h.answeredOnSpot,
      unit: '',
      ...(h.answeredOnSpotPercent === null ? {} : { note: fill(t.ofRequests, { p: faNumber(h.answeredOnSpotPercent) }) }),
    },
    { key: 'open', label: hl.open, value: faNumber(h.open), raw: h.open, unit: '' },
    { key: 'closed', label: hl.closed, value: faNumber(h.closed), raw: h.closed, unit: '' },
    { key: 'overdue', label: hl.overdue, value: faNumber(h.overdue), raw: h.overdue, unit: '' },
    { key: 'promisedToman', label: hl.promisedToman, value: faNumber(h.promisedToman), raw: h.promisedToman, unit: t.toman },
    { key: 'deliveredToman', label: hl.deliveredToman, value: faNumber(h.deliveredToman), raw: h.deliveredToman, unit: t.toman },
    { key: 'closedByDue', label: hl.closedByDue, value: faPercent(h.closedByDuePercent), raw: h.closedByDuePercent, unit: '', note: t.ofDue },
    { key: 'medianDays', label: hl.medianDays, value: faNumber(h.medianDaysToResult), raw: h.medianDaysToResult, unit: h.medianDaysToResult === null ? '' : t.days },
  ];
}

/** The queue figures of a report. */
export function queueFigures(report: Report): HeadlineFigure[] {
  const q = report.queue;
  const ql = t.queue;
  return [
    { key: 'averageWait', label: ql.averageWait, value: faNumber(q.averageWaitMinutes), raw: q.averageWaitMinutes, unit: q.averageWaitMinutes === null ? '' : t.minutes },
    { key: 'medianWait', label: ql.medianWait, value: faNumber(q.medianWaitMinutes), raw: q.medianWaitMinutes, unit: q.medianWaitMinutes === null ? '' : t.minutes },
    { key: 'noShows', label: ql.noShows, value: faNumber(q.noShows), raw: q.noShows, unit: ql.people },
    { key: 'cancelled', label: ql.cancelled, value: faNumber(q.cancelled), raw: q.cancelled, unit: ql.people },
  ];
}

/** The scope a report was asked for (the host's fields only), e.g. to put in a print route. */
export function plainScope(s: ReportScope): ReportScope {
  return { meetingId: s.meetingId, from: s.from, to: s.to, countyId: s.countyId };
}

/** A scope as base64url JSON, for the print route `/print/report/<encoded>`. */
export function encodeScope(s: ReportScope): string {
  const bytes = new TextEncoder().encode(JSON.stringify(plainScope(s)));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const ID = /^[0-9a-f-]{36}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The scope of a print route, or null when it is not a well-formed one. */
export function decodeScope(encoded: string): ReportScope | null {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const v = JSON.parse(json) as Record<string, unknown>;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const field = (k: keyof ReportScope, re: RegExp): string | null | undefined => {
      const x = v[k];
      if (x === null || x === undefined) return null;
      return typeof x === 'string' && re.test(x) ? x : undefined;
    };
    const scope = { meetingId: field('meetingId', ID), from: field('from', DATE), to: field('to', DATE), countyId: field('countyId', ID) };
    if (Object.values(scope).some((x) => x === undefined)) return null;
    return scope as ReportScope;
  } catch {
    return null;
  }
}
