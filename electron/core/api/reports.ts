import { CIRCUMSTANCES, FUNDERS, INSTRUCTION_KINDS, OUTCOMES, type Circumstance, type Report, type ReportTable } from '../contract';
import { reportsContract } from '../contract/reports';
import type { Db } from '../db/open';
import { bands, median, percentile, round1 } from '../domain/statistics';
import { tehranDate } from '../domain/time';
import type { HandlersOf } from './context';
import { fail } from './errors';
import { getMeeting } from './meetings';
import { REPORT_LABELS } from './reportLabels';
import { periodWords, pressSummary } from '../domain/reportProse';
import { readSettings } from './settingsStore';

/**
 * Reports that add up. Every figure comes from the same three row sets (visits, requests and
 * live instructions in scope), and every table's totals are the sums of its rows, so a total
 * is the same in every table that shows it. Columns that are statistics (medians) are marked
 * not additive; their "total" is the statistic over all rows.
 */

interface Scope {
  meetingId: string | null;
  from: string | null;
  to: string | null;
  countyId: string | null;
}

const SCOPE_WHERE = `(:meetingId IS NULL OR v.meeting_id = :meetingId)
  AND (:from IS NULL OR m.date >= :from) AND (:to IS NULL OR m.date <= :to)
  AND (:countyId IS NULL OR cl.county_id = :countyId)`;

interface VisitRow {
  id: string;
  meeting_id: string;
  client_id: string;
  status: string;
  desk: string | null;
  registered_at: string;
  called_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  county_id: string | null;
  county_name: string | null;
  circumstances: string;
}
interface RequestRow {
  id: string;
  category_id: string;
  category_name: string;
  county_id: string | null;
  county_name: string | null;
}
interface InstructionRow {
  kind: (typeof INSTRUCTION_KINDS)[number];
  category_id: string;
  unit_id: string | null;
  unit_name: string | null;
  agency_id: string | null;
  agency_name: string | null;
  status: 'open' | 'closed';
  outcome: (typeof OUTCOMES)[number] | null;
  due_date: string | null;
  amount_rials: number | null;
  funder: (typeof FUNDERS)[number] | null;
  delivered_rials: number | null;
  delivered_funder: (typeof FUNDERS)[number] | null;
  issued_by: string;
  issuer_name: string;
  issued_at: string;
  closed_at: string | null;
}

function load(db: Db, scope: Scope) {
  const visits = db
    .prepare(
      `SELECT v.id, v.meeting_id, v.client_id, v.status, v.desk, v.registered_at, v.first_called_at AS called_at, v.started_at, v.finished_at,
         cl.county_id, co.name AS county_name, cl.circumstances
       FROM visits v JOIN meetings m ON m.id = v.meeting_id JOIN clients cl ON cl.id = v.client_id
       LEFT JOIN counties co ON co.id = cl.county_id WHERE ${SCOPE_WHERE}`,
    )
    .all(scope) as VisitRow[];
  const requests = db
    .prepare(
      `SELECT r.id, r.category_id, c.name AS category_name, cl.county_id, co.name AS county_name
       FROM requests r JOIN visits v ON v.id = r.visit_id JOIN meetings m ON m.id = v.meeting_id
       JOIN clients cl ON cl.id = v.client_id LEFT JOIN counties co ON co.id = cl.county_id
       JOIN categories c ON c.id = r.category_id WHERE ${SCOPE_WHERE}`,
    )
    .all(scope) as RequestRow[];
  const instructions = db
    .prepare(
      `SELECT i.kind, r.category_id, i.unit_id, un.name AS unit_name, i.agency_id, ag.name AS agency_name, i.status, i.outcome,
         i.due_date, i.amount_rials, i.funder, i.delivered_rials, i.delivered_funder, i.issued_by, u.display_name AS issuer_name,
         i.issued_at, i.closed_at
       FROM instructions i JOIN requests r ON r.id = i.request_id JOIN visits v ON v.id = i.visit_id
       JOIN meetings m ON m.id = v.meeting_id JOIN clients cl ON cl.id = v.client_id JOIN users u ON u.id = i.issued_by
       LEFT JOIN units un ON un.id = i.unit_id LEFT JOIN agencies ag ON ag.id = i.agency_id
       WHERE i.status <> 'cancelled' AND ${SCOPE_WHERE}`,
    )
    .all(scope) as InstructionRow[];
  const meetings = (
    db
      .prepare(
        `SELECT count(*) AS n FROM meetings m WHERE (:meetingId IS NULL OR m.id = :meetingId)
           AND (:from IS NULL OR m.date >= :from) AND (:to IS NULL OR m.date <= :to)
           AND (:countyId IS NULL OR EXISTS (SELECT 1 FROM visits v JOIN clients cl ON cl.id = v.client_id
                 WHERE v.meeting_id = m.id AND cl.county_id = :countyId))`,
      )
      .get(scope) as { n: number }
  ).n;
  return { visits, requests, instructions, meetings };
}

/** Builds a table from rows of figures; totals are the column sums (or, for statistics columns, given). */
function table(key: string, columns: string[], rows: ReportTable['rows'], statTotals: Record<number, number | null> = {}): ReportTable {
  const totals = columns.map((_, c) => (c in statTotals ? (statTotals[c] ?? 0) : rows.reduce((sum, r) => sum + (r.values[c] ?? 0), 0)));
  return { key, columns, rows, totals };
}

/** Groups items by a key, keeping the first label seen and the order of first appearance. */
function groupBy<T>(items: readonly T[], keyOf: (t: T) => string, labelOf: (t: T) => string) {
  const groups = new Map<string, { label: string; items: T[] }>();
  for (const item of items) {
    const k = keyOf(item);
    const g = groups.get(k) ?? { label: labelOf(item), items: [] };
    g.items.push(item);
    groups.set(k, g);
  }
  return [...groups.entries()].sort((a, b) => b[1].items.length - a[1].items.length || a[1].label.localeCompare(b[1].label, 'fa'));
}

const DAY = 86_400_000;
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const toman = (rials: number | null) => (rials === null ? 0 : Math.round(rials / 10));
const percent = (part: number, whole: number) => (whole === 0 ? null : round1((part / whole) * 100));

export function buildReport(db: Db, scope: Scope, now: string): Report {
  const { visits, requests, instructions: ins, meetings } = load(db, scope);
  const today = tehranDate(new Date(now));
  const L = REPORT_LABELS;
  const isOverdue = (i: InstructionRow) => i.status === 'open' && i.due_date !== null && i.due_date < today;
  const followedUp = ins.filter((i) => i.outcome !== null && i.closed_at !== null);
  const daysOf = (i: InstructionRow) => round1((Date.parse(i.closed_at!) - Date.parse(i.issued_at)) / DAY)!;

  const byKind = table(
    'byKind',
    [L.col.instructions],
    INSTRUCTION_KINDS.map((k) => ({ key: k, label: L.kind[k], values: [ins.filter((i) => i.kind === k).length] })),
  );

  const byCategory = table(
    'byCategory',
    [L.col.requests, L.col.instructions, L.col.answeredOnSpot],
    groupBy(requests, (r) => r.category_id, (r) => r.category_name).map(([id, g]) => {
      const mine = ins.filter((i) => i.category_id === id);
      return { key: id, label: g.label, values: [g.items.length, mine.length, mine.filter((i) => i.kind === 'answered').length] };
    }),
  );

  const referrals = (kind: 'unit' | 'agency'): ReportTable =>
    table(
      kind === 'unit' ? 'byUnit' : 'byAgency',
      [L.col.referred, L.col.open, L.col.closed, L.col.overdue],
      groupBy(
        ins.filter((i) => i.kind === kind),
        (i) => (kind === 'unit' ? i.unit_id : i.agency_id) ?? '',
        (i) => (kind === 'unit' ? i.unit_name : i.agency_name) ?? '',
      ).map(([id, g]) => ({
        key: id,
        label: g.label,
        values: [g.items.length, g.items.filter((i) => i.status === 'open').length, g.items.filter((i) => i.status === 'closed').length, g.items.filter(isOverdue).length],
      })),
    );

  const requestsByCounty = new Map<string, number>();
  for (const r of requests) requestsByCounty.set(r.county_id ?? '', (requestsByCounty.get(r.county_id ?? '') ?? 0) + 1);
  const byCounty = table(
    'byCounty',
    [L.col.visits, L.col.requests],
    groupBy(visits, (v) => v.county_id ?? '', (v) => v.county_name ?? L.unknownCounty).map(([id, g]) => ({
      key: id || 'unknown',
      label: g.label,
      values: [g.items.length, requestsByCounty.get(id) ?? 0],
    })),
  );

  const byFunder = table(
    'byFunder',
    [L.col.promisedToman, L.col.deliveredToman],
    FUNDERS.map((f) => ({
      key: f,
      label: L.funder[f],
      values: [
        ins.filter((i) => i.funder === f).reduce((s, i) => s + toman(i.amount_rials), 0),
        ins.filter((i) => i.delivered_funder === f).reduce((s, i) => s + toman(i.delivered_rials), 0),
      ],
    })),
  );

  const byIssuer = table(
    'byIssuer',
    [L.col.instructions, L.col.answeredOnSpot],
    groupBy(ins, (i) => i.issued_by, (i) => i.issuer_name).map(([id, g]) => ({
      key: id,
      label: g.label,
      values: [g.items.length, g.items.filter((i) => i.kind === 'answered').length],
    })),
  );

  const clients = new Map<string, Circumstance[]>();
  for (const v of visits) clients.set(v.client_id, JSON.parse(v.circumstances) as Circumstance[]);
  const byCircumstance = table('byCircumstance', [L.col.clients], [
    ...CIRCUMSTANCES.map((c) => ({ key: c, label: L.circumstance[c], values: [[...clients.values()].filter((cs) => cs.includes(c)).length] })),
    { key: 'none', label: L.noCircumstance, values: [[...clients.values()].filter((cs) => cs.length === 0).length] },
  ]);

  const byOutcome = table('byOutcome', [L.col.instructions], [
    { key: 'open', label: L.openRow, values: [ins.filter((i) => i.status === 'open').length] },
    { key: 'atDesk', label: L.closedAtDesk, values: [ins.filter((i) => i.status === 'closed' && i.outcome === null).length] },
    ...OUTCOMES.map((o) => ({ key: o, label: L.outcome[o], values: [ins.filter((i) => i.outcome === o).length] })),
  ]);

  const referralKinds = ['unit', 'agency', 'review'] as const;
  const closedReferrals = followedUp.filter((i) => (referralKinds as readonly string[]).includes(i.kind));
  const daysToResult = table(
    'daysToResult',
    [L.col.closed, L.col.medianDays, L.col.p90Days],
    referralKinds.map((k) => {
      const days = closedReferrals.filter((i) => i.kind === k).map(daysOf);
      return { key: k, label: L.kind[k], values: [days.length, round1(median(days)) ?? 0, round1(percentile(days, 90)) ?? 0] };
    }),
    { 1: round1(median(closedReferrals.map(daysOf))), 2: round1(percentile(closedReferrals.map(daysOf), 90)) },
  );

  const withOfficial = visits.filter((v) => v.status === 'done' && v.finished_at).map((v) => minutes(v.started_at ?? v.called_at ?? v.finished_at!, v.finished_at!));
  const timeWithOfficial = table(
    'timeWithOfficial',
    [L.col.visits],
    bands(withOfficial, 3, 30).map((b) => ({ key: `${b.from}`, label: b.to === null ? L.bandOver(b.from) : L.band(b.from, b.to), values: [b.count] })),
  );

  const called = visits.filter((v) => v.desk !== null && v.called_at !== null);
  const byDesk = table(
    'byDesk',
    [L.col.called, L.col.done, L.col.noShow],
    groupBy(called, (v) => v.desk!, (v) => v.desk!).map(([desk, g]) => ({
      key: desk,
      label: desk,
      values: [g.items.length, g.items.filter((v) => v.status === 'done').length, g.items.filter((v) => v.status === 'no_show').length],
    })),
  );

  const waits = visits.filter((v) => v.called_at).map((v) => minutes(v.registered_at, v.called_at!));
  const withDue = followedUp.filter((i) => i.due_date !== null);
  const meeting = scope.meetingId ? getMeeting(db, scope.meetingId) : null;
  const county = scope.countyId ? (db.prepare('SELECT name FROM counties WHERE id = ?').get(scope.countyId) as { name: string } | undefined) : undefined;
  if (scope.countyId && !county) throw fail.notFound('county.notFound', 'countyId');
  const answered = ins.filter((i) => i.kind === 'answered').length;

  const report: Omit<Report, 'summary'> = {
    scope: { ...scope, meetingTitle: meeting?.title ?? null, countyName: county?.name ?? null },
    periodLabel: periodWords(scope.from, scope.to, meeting?.date ?? null),
    generatedAt: now,
    headline: {
      meetings,
      visits: visits.length,
      clients: clients.size,
      requests: requests.length,
      instructions: ins.length,
      answeredOnSpot: answered,
      answeredOnSpotPercent: percent(answered, requests.length),
      open: ins.filter((i) => i.status === 'open').length,
      closed: ins.filter((i) => i.status === 'closed').length,
      overdue: ins.filter(isOverdue).length,
      promisedToman: byFunder.totals[0]!,
      deliveredToman: byFunder.totals[1]!,
      closedByDuePercent: percent(withDue.filter((i) => tehranDate(new Date(i.closed_at!)) <= i.due_date!).length, withDue.length),
      medianDaysToResult: round1(median(closedReferrals.map(daysOf))),
    },
    byKind,
    byCategory,
    byUnit: referrals('unit'),
    byAgency: referrals('agency'),
    byCounty,
    byFunder,
    byIssuer,
    byCircumstance,
    byOutcome,
    daysToResult,
    timeWithOfficial,
    byDesk,
    queue: {
      averageWaitMinutes: round1(waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null),
      medianWaitMinutes: round1(median(waits)),
      noShows: visits.filter((v) => v.status === 'no_show').length,
      cancelled: visits.filter((v) => v.status === 'cancelled').length,
    },
  };
  return { ...report, summary: pressSummary(report, readSettings(db).directorateName, report.periodLabel) };
}

export const reportsHandlers = {
  'reports.build': (input, ctx) => buildReport(ctx.db, input, ctx.now),
} satisfies HandlersOf<typeof reportsContract>;
