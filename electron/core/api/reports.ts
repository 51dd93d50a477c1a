import { CIRCUMSTANCES, FUNDERS, INSTRUCTION_KINDS, OUTCOMES, type Report, type ReportTable } from '../contract';
import { reportsContract } from '../contract/reports';
import type { Db } from '../db/open';
import { periodWords, pressSummary } from '../domain/reportProse';
import { percentileOfCounts, round1 } from '../domain/statistics';
import { tehranDate } from '../domain/time';
import type { HandlersOf } from './context';
import { fail } from './errors';
import { getMeeting } from './meetings';
import { REPORT_LABELS } from './reportLabels';
import { readSettings } from './settingsStore';

/**
 * Reports that add up. Every figure is read from the report's counters (reports/facts.ts),
 * which triggers keep with every change in the same transaction: a year of a whole province is
 * a few hundred thousand counter rows, not millions of records. Every table's totals are the
 * sums of its rows, so a total is the same in every table that shows it. Columns that are
 * statistics (medians) are marked by their totals being the statistic over all rows.
 */

interface Scope {
  meetingId: string | null;
  from: string | null;
  to: string | null;
  countyId: string | null;
}

const MEETINGS_IN_SCOPE = `SELECT m.id FROM meetings m WHERE (:meetingId IS NULL OR m.id = :meetingId)
  AND (:from IS NULL OR m.date >= :from) AND (:to IS NULL OR m.date <= :to)`;

interface Count {
  measure: string;
  county_id: string;
  k1: string;
  k2: string;
  n: number;
  amount: number;
}

/**
 * The counters in scope, summed, one entry per measure, county and keys. A period reads the
 * Jalali months wholly inside it from the month counters, and the meetings on its remaining
 * days from the meeting counters; one meeting reads its own.
 */
function loadCounts(db: Db, scope: Scope): Count[] {
  const params = { ...scope, fromDay: scope.from ?? '0000-00-00', toDay: scope.to ?? '9999-12-31' };
  const months = scope.meetingId
    ? { first: null, last: null }
    : (db
        .prepare('SELECT min(first_day) AS first, max(last_day) AS last FROM jalali_months WHERE first_day >= :fromDay AND last_day <= :toDay')
        .get(params) as { first: string | null; last: string | null });
  return db
    .prepare(
      `SELECT measure, county_id, k1, k2, sum(n) AS n, sum(amount) AS amount FROM (
         SELECT measure, county_id, k1, k2, n, amount FROM report_month_counts
         WHERE :first IS NOT NULL AND month IN (SELECT month FROM jalali_months WHERE first_day >= :first AND last_day <= :last)
           AND (:countyId IS NULL OR county_id = :countyId) AND measure NOT IN ('first', 'firstc')
         UNION ALL
         SELECT measure, county_id, k1, k2, n, amount FROM report_counts
         WHERE meeting_id IN (${MEETINGS_IN_SCOPE} AND (:first IS NULL OR m.date < :first OR m.date > :last))
           AND (:countyId IS NULL OR county_id = :countyId))
       GROUP BY measure, county_id, k1, k2 HAVING sum(n) <> 0 OR sum(amount) <> 0`,
    )
    .all({ ...scope, ...months }) as Count[];
}

interface Served {
  clients: number;
  /** Clients with each circumstance (CIRCUMSTANCES order), and with none. */
  byCircumstance: number[];
  none: number;
}

/** Adds visits grouped by circumstance mask into the served counts. */
function addMasks(served: Served, masks: readonly { mask: number; n: number }[]): Served {
  for (const m of masks) {
    served.clients += m.n;
    if (m.mask === 0) served.none += m.n;
    CIRCUMSTANCES.forEach((_, bit) => {
      if ((m.mask & (1 << bit)) !== 0) served.byCircumstance[bit]! += m.n;
    });
  }
  return served;
}

/**
 * The distinct clients served in scope, and how many of them have each circumstance. In a
 * period, a client is counted at their first visit in it: the visit whose previous visit
 * (`prev_day`) is before the period. A period that starts on the first day of a Jalali month
 * reads its whole months from the month-only facts (visits by the month of the visit before)
 * and scans only its last, partial month; any other period is one range of `visits_period`.
 */
function loadClients(db: Db, scope: Scope): Served {
  const served: Served = { clients: 0, byCircumstance: CIRCUMSTANCES.map(() => 0), none: 0 };
  const params = { ...scope, fromDay: scope.from ?? '', toDay: scope.to ?? '9999-12-31' };
  if (scope.meetingId) {
    const masks = db
      .prepare(
        `SELECT cmask AS mask, count(*) AS n FROM (SELECT max(cmask) AS cmask FROM visits
           WHERE meeting_id = :meetingId AND day >= :fromDay AND day <= :toDay AND (:countyId IS NULL OR county_id = :countyId) GROUP BY client_id)
         GROUP BY cmask`,
      )
      .all(params) as { mask: number; n: number }[];
    return addMasks(served, masks);
  }
  // The whole Jalali months inside the period, and the month the period starts in.
  const months = db
    .prepare(
      `SELECT min(month) AS firstMonth, min(first_day) AS first, max(last_day) AS last,
         (SELECT s.month FROM jalali_months s WHERE s.first_day <= :fromDay ORDER BY s.first_day DESC LIMIT 1) AS startMonth,
         (SELECT s.first_day FROM jalali_months s WHERE s.first_day <= :fromDay ORDER BY s.first_day DESC LIMIT 1) AS startMonthFirst
       FROM jalali_months WHERE first_day >= :fromDay AND last_day <= :toDay`,
    )
    .get(params) as { firstMonth: string | null; first: string | null; last: string | null; startMonth: string | null; startMonthFirst: string | null };
  const scan = (fromScan: string, toScan: string) =>
    db
      .prepare(
        `SELECT cmask AS mask, count(*) AS n FROM visits INDEXED BY visits_period
         WHERE day >= :fromScan AND day <= :toScan AND (prev_day IS NULL OR prev_day < :fromDay) AND (:countyId IS NULL OR county_id = :countyId)
         GROUP BY cmask`,
      )
      .all({ ...params, fromScan, toScan }) as { mask: number; n: number }[];
  if (months.firstMonth === null) return addMasks(served, scan(params.fromDay, params.toDay));

  // Whole months: a visit is a first in the period when the visit before it is before the
  // period's first day — that is, in a month before the one the period starts in, or in that
  // month but before the first day (when the period starts mid-month).
  const aligned = scope.from === null || months.first === scope.from;
  const before = scope.from === null ? '' : aligned ? months.firstMonth : months.startMonth!;
  const rows = db
    .prepare(
      `SELECT measure, k1, sum(n) AS n FROM report_month_counts
       WHERE month IN (SELECT month FROM jalali_months WHERE first_day >= :first AND last_day <= :last)
         AND measure IN ('first', 'firstc') AND (k2 = '' OR k2 < :before) AND (:countyId IS NULL OR county_id = :countyId)
       GROUP BY measure, k1`,
    )
    .all({ first: months.first, last: months.last, before, countyId: scope.countyId }) as { measure: string; k1: string; n: number }[];
  for (const r of rows) {
    if (r.measure === 'first') served.clients += r.n;
    else if (r.k1 === 'none') served.none += r.n;
    else served.byCircumstance[CIRCUMSTANCES.indexOf(r.k1 as (typeof CIRCUMSTANCES)[number])]! += r.n;
  }
  if (!aligned) {
    addMasks(
      served,
      db
        .prepare(
          `SELECT cmask AS mask, count(*) AS n FROM visits INDEXED BY visits_previous
           WHERE prev_day >= :startMonthFirst AND prev_day < :fromDay AND day >= :first AND day <= :last AND (:countyId IS NULL OR county_id = :countyId)
           GROUP BY cmask`,
        )
        .all({ ...params, startMonthFirst: months.startMonthFirst, first: months.first, last: months.last }) as { mask: number; n: number }[],
    );
    // The days of the period before its first whole month.
    const dayBefore = new Date(Date.parse(`${months.first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    addMasks(served, scan(params.fromDay, dayBefore));
  }
  // The days after its last whole month.
  const dayAfter = new Date(Date.parse(`${months.last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const masks = scan(dayAfter, params.toDay);
  return addMasks(served, masks);
}

/** Builds a table from rows of figures; totals are the column sums (or, for statistics columns, given). */
function table(key: string, columns: string[], rows: ReportTable['rows'], statTotals: Record<number, number | null> = {}): ReportTable {
  const totals = columns.map((_, c) => (c in statTotals ? (statTotals[c] ?? 0) : rows.reduce((sum, r) => sum + (r.values[c] ?? 0), 0)));
  return { key, columns, rows, totals };
}

/** Rows in the order people read them: largest first, then by name. */
const byFirstColumn = (rows: ReportTable['rows']) =>
  rows.sort((a, b) => b.values[0]! - a.values[0]! || a.label.localeCompare(b.label, 'fa'));

/** Sums of the counters of one measure, grouped by a key made from each counter. */
function sums(counts: readonly Count[], measure: string, keyOf: (c: Count) => string = (c) => c.k1) {
  const out = new Map<string, { n: number; amount: number }>();
  for (const c of counts) {
    if (c.measure !== measure) continue;
    const k = keyOf(c);
    const s = out.get(k) ?? { n: 0, amount: 0 };
    s.n += c.n;
    s.amount += c.amount;
    out.set(k, s);
  }
  return out;
}
const nOf = (m: Map<string, { n: number }>, key: string) => m.get(key)?.n ?? 0;
const total = (m: Map<string, { n: number }>) => [...m.values()].reduce((s, x) => s + x.n, 0);
/** A histogram (value → count) from counters whose key is a number. */
const histogram = (counts: readonly Count[], measure: string, keep: (c: Count) => boolean, valueOf: (c: Count) => string) =>
  [...sums(counts.filter(keep), measure, valueOf)].map(([v, s]) => [Number(v), s.n] as const);

const percent = (part: number, whole: number) => (whole === 0 ? null : round1((part / whole) * 100));

/** Names of the rows' keys, read once per report (lists are small). */
function names(db: Db, table: 'categories' | 'units' | 'agencies' | 'counties') {
  return new Map((db.prepare(`SELECT id, name FROM ${table}`).all() as { id: string; name: string }[]).map((r) => [r.id, r.name]));
}

export function buildReport(db: Db, scope: Scope, now: string): Report {
  const meeting = scope.meetingId ? getMeeting(db, scope.meetingId) : null;
  const county = scope.countyId ? (db.prepare('SELECT name FROM counties WHERE id = ?').get(scope.countyId) as { name: string } | undefined) : undefined;
  if (scope.countyId && !county) throw fail.notFound('county.notFound', 'countyId');

  const counts = loadCounts(db, scope);
  const served = loadClients(db, scope);
  const clients = served.clients;
  const today = tehranDate(new Date(now));
  const L = REPORT_LABELS;
  const categoryNames = names(db, 'categories');
  const countyNames = names(db, 'counties');

  const kinds = sums(counts, 'kind');
  const instructions = total(kinds);
  const answered = nOf(kinds, 'answered');
  const requestsByCategory = sums(counts, 'requests');
  const requests = total(requestsByCategory);
  const outcomes = sums(counts, 'outcome');
  const open = nOf(outcomes, 'open');
  const overdueRows = counts.filter((c) => c.measure === 'overdue' && c.k2 < today);
  const visitsByStatus = sums(counts, 'vstatus');
  const visits = total(visitsByStatus);

  const byKind = table('byKind', [L.col.instructions], INSTRUCTION_KINDS.map((k) => ({ key: k, label: L.kind[k], values: [nOf(kinds, k)] })));

  const insByCategory = sums(counts, 'catIns');
  const answeredByCategory = sums(counts.filter((c) => c.k2 === '1'), 'catIns');
  const byCategory = table(
    'byCategory',
    [L.col.requests, L.col.instructions, L.col.answeredOnSpot],
    byFirstColumn(
      [...requestsByCategory.keys()].map((id) => ({
        key: id,
        label: categoryNames.get(id) ?? id,
        values: [nOf(requestsByCategory, id), nOf(insByCategory, id), nOf(answeredByCategory, id)],
      })),
    ),
  );

  const referrals = (kind: 'unit' | 'agency'): ReportTable => {
    const labels = names(db, kind === 'unit' ? 'units' : 'agencies');
    const mine = counts.filter((c) => c.k1.startsWith(`${kind}:`));
    const referred = sums(mine, 'ref');
    const openOnes = sums(mine.filter((c) => c.k2 === 'open'), 'ref');
    const closedOnes = sums(mine.filter((c) => c.k2 === 'closed'), 'ref');
    const overdue = sums(overdueRows.filter((c) => c.k1.startsWith(`${kind}:`)), 'overdue');
    return table(
      kind === 'unit' ? 'byUnit' : 'byAgency',
      [L.col.referred, L.col.open, L.col.closed, L.col.overdue],
      byFirstColumn(
        [...referred.keys()].map((k) => {
          const id = k.slice(kind.length + 1);
          return { key: id, label: labels.get(id) ?? '', values: [nOf(referred, k), nOf(openOnes, k), nOf(closedOnes, k), nOf(overdue, k)] };
        }),
      ),
    );
  };

  // Few rows (field desks only): read directly, through the partial index of handed instructions,
  // named, never from the period's visits: without the planner's statistics (the program never
  // runs ANALYZE) SQLite walked every visit of the year and its instructions, 0.9 s for a province
  // (issue 9's benchmark).
  const handed = db
    .prepare(
      `SELECT i.agency_id AS id, ag.name AS name, count(*) AS handed,
         sum(i.taken_at IS NULL AND i.status = 'closed') AS answered, sum(i.taken_at IS NOT NULL) AS taken,
         sum(i.taken_at IS NULL AND i.status = 'open') AS waiting
       FROM instructions i INDEXED BY instructions_at_table JOIN agencies ag ON ag.id = i.agency_id JOIN visits v ON v.id = i.visit_id
       WHERE i.at_table = 1 AND i.status <> 'cancelled' AND v.meeting_id IN (${MEETINGS_IN_SCOPE})
         AND (:countyId IS NULL OR v.county_id = :countyId)
       GROUP BY i.agency_id`,
    )
    .all(scope) as { id: string; name: string; handed: number; answered: number; taken: number; waiting: number }[];
  const byAgencyAtTable = table(
    'byAgencyAtTable',
    [L.col.handedAtTable, L.col.answeredAtTable, L.col.takenWithDue, L.col.waitingAtTable],
    byFirstColumn(handed.map((r) => ({ key: r.id, label: r.name, values: [r.handed, r.answered, r.taken, r.waiting] }))),
  );

  const visitsByCounty = sums(counts, 'visits', (c) => c.county_id);
  const requestsByCounty = sums(counts, 'requests', (c) => c.county_id);
  const byCounty = table(
    'byCounty',
    [L.col.visits, L.col.requests],
    byFirstColumn(
      [...visitsByCounty.keys()].map((id) => ({
        key: id || 'unknown',
        label: id ? (countyNames.get(id) ?? id) : L.unknownCounty,
        values: [nOf(visitsByCounty, id), nOf(requestsByCounty, id)],
      })),
    ),
  );

  const promised = sums(counts, 'promised');
  const delivered = sums(counts, 'delivered');
  const byFunder = table(
    'byFunder',
    [L.col.promisedToman, L.col.deliveredToman],
    FUNDERS.map((f) => ({ key: f, label: L.funder[f], values: [promised.get(f)?.amount ?? 0, delivered.get(f)?.amount ?? 0] })),
  );

  const issuers = sums(counts, 'issuer');
  const answeredByIssuer = sums(counts.filter((c) => c.k2 === '1'), 'issuer');
  const issuerNames = new Map(
    (db.prepare(`SELECT id, display_name AS name FROM users WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...issuers.keys()])) as { id: string; name: string }[]).map(
      (u) => [u.id, u.name],
    ),
  );
  const byIssuer = table(
    'byIssuer',
    [L.col.instructions, L.col.answeredOnSpot],
    byFirstColumn([...issuers.keys()].map((id) => ({ key: id, label: issuerNames.get(id) ?? id, values: [nOf(issuers, id), nOf(answeredByIssuer, id)] }))),
  );

  const byCircumstance = table('byCircumstance', [L.col.clients], [
    ...CIRCUMSTANCES.map((c, i) => ({ key: c, label: L.circumstance[c], values: [served.byCircumstance[i]!] })),
    { key: 'none', label: L.noCircumstance, values: [served.none] },
  ]);

  const byOutcome = table('byOutcome', [L.col.instructions], [
    { key: 'open', label: L.openRow, values: [open] },
    { key: 'atDesk', label: L.closedAtDesk, values: [nOf(outcomes, 'atDesk')] },
    ...OUTCOMES.map((o) => ({ key: o, label: L.outcome[o], values: [nOf(outcomes, o)] })),
  ]);

  const referralKinds = ['unit', 'agency', 'review'] as const;
  const days = (keep: (c: Count) => boolean) => histogram(counts, 'days', keep, (c) => c.k2);
  const allDays = days(() => true);
  const daysToResult = table(
    'daysToResult',
    [L.col.closed, L.col.medianDays, L.col.p90Days],
    referralKinds.map((k) => {
      const h = days((c) => c.k1 === k);
      return {
        key: k,
        label: L.kind[k],
        values: [h.reduce((s, [, n]) => s + n, 0), round1(percentileOfCounts(h, 50)) ?? 0, round1(percentileOfCounts(h, 90)) ?? 0],
      };
    }),
    { 1: round1(percentileOfCounts(allDays, 50)), 2: round1(percentileOfCounts(allDays, 90)) },
  );

  const bandCounts = sums(counts, 'band');
  const timeWithOfficial = table(
    'timeWithOfficial',
    [L.col.visits],
    Array.from({ length: 11 }, (_, i) => i * 3).map((from) => ({
      key: `${from}`,
      label: from === 30 ? L.bandOver(from) : L.band(from, from + 3),
      values: [nOf(bandCounts, `${from}`)],
    })),
  );

  const desks = sums(counts, 'desk');
  const deskStatus = (status: string) => sums(counts.filter((c) => c.k2 === status), 'desk');
  const doneAtDesk = deskStatus('done');
  const noShowAtDesk = deskStatus('no_show');
  const byDesk = table(
    'byDesk',
    [L.col.called, L.col.done, L.col.noShow],
    byFirstColumn([...desks.keys()].map((d) => ({ key: d, label: d, values: [nOf(desks, d), nOf(doneAtDesk, d), nOf(noShowAtDesk, d)] }))),
  );

  const waits = sums(counts, 'wait', () => '');
  const waitCount = nOf(waits, '');
  const byDue = sums(counts, 'byDue');
  const meetings = (
    scope.countyId
      ? db.prepare(
          `SELECT count(*) AS n FROM (SELECT meeting_id FROM report_counts WHERE meeting_id IN (${MEETINGS_IN_SCOPE})
             AND county_id = :countyId AND measure = 'visits' GROUP BY meeting_id HAVING sum(n) > 0)`,
        )
      : db.prepare(`SELECT count(*) AS n FROM (${MEETINGS_IN_SCOPE})`)
  ).get(scope) as { n: number };

  const report: Omit<Report, 'summary'> = {
    scope: { ...scope, meetingTitle: meeting?.title ?? null, countyName: county?.name ?? null },
    periodLabel: periodWords(scope.from, scope.to, meeting?.date ?? null),
    generatedAt: now,
    headline: {
      meetings: meetings.n,
      visits,
      clients,
      requests,
      instructions,
      answeredOnSpot: answered,
      answeredOnSpotPercent: percent(answered, requests),
      open,
      closed: instructions - open,
      overdue: overdueRows.reduce((s, c) => s + c.n, 0),
      promisedToman: byFunder.totals[0]!,
      deliveredToman: byFunder.totals[1]!,
      closedByDuePercent: percent(nOf(byDue, '1'), nOf(byDue, '1') + nOf(byDue, '0')),
      medianDaysToResult: round1(percentileOfCounts(allDays, 50)),
    },
    byKind,
    byCategory,
    byUnit: referrals('unit'),
    byAgency: referrals('agency'),
    byAgencyAtTable,
    byCounty,
    byFunder,
    byIssuer,
    byCircumstance,
    byOutcome,
    daysToResult,
    timeWithOfficial,
    byDesk,
    queue: {
      averageWaitMinutes: waitCount === 0 ? null : round1(waits.get('')!.amount / waitCount / 60_000),
      medianWaitMinutes: round1(percentileOfCounts(histogram(counts, 'wait', () => true, (c) => c.k1), 50)),
      noShows: nOf(visitsByStatus, 'no_show'),
      cancelled: nOf(visitsByStatus, 'cancelled'),
    },
  };
  return { ...report, summary: pressSummary(report, readSettings(db).directorateName, report.periodLabel) };
}

export const reportsHandlers = {
  'reports.build': (input, ctx) => buildReport(ctx.db, input, ctx.now),
} satisfies HandlersOf<typeof reportsContract>;
