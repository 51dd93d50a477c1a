import { CIRCUMSTANCES } from '../contract/types';
import { jalaliMonths } from '../domain/jalaliMonths';

/**
 * The report's counters. A report of a year of a whole province cannot read a million rows in
 * half a second, so every visit, request and live instruction adds its "facts" to
 * `report_counts`, keyed by meeting and client county: a fact is a measure, up to two keys and
 * a count (and an amount for money and minutes). Triggers keep the counters in the same
 * transaction as the change, so they can never disagree with the rows; `rebuildReportCounts`
 * recomputes them from the rows with the very same definitions, and a test proves that after
 * any sequence of operations the two are equal.
 *
 * Each definition below is written against one flat row `x` of its source; the SQL for the
 * triggers and for the rebuild is generated from them, so there is one definition of a fact.
 */
interface Fact {
  measure: string;
  /** When the row has this fact. */
  when: string;
  k1: string;
  k2?: string;
  /** The count it adds (default 1). */
  n?: string;
  /** The amount it adds (default 0): toman, or milliseconds. */
  amount?: string;
}

/** Milliseconds between two ISO instants, exactly (julianday keeps well under a millisecond). */
const millis = (from: string, to: string) => `CAST(round((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;
/** The calendar date in Tehran of an instant (UTC+03:30; Iran has kept no daylight saving since 2022). */
export const tehranDay = (instant: string) => `date(${instant}, '+210 minutes')`;
/** Toman from rials, rounded half up per amount as the screens show it. */
const toman = (rials: string) => `((coalesce(${rials}, 0) + 5) / 10)`;

export const VISIT_COLUMNS = ['meeting_id', 'county_id', 'status', 'desk', 'registered_at', 'first_called_at', 'started_at', 'finished_at'] as const;
const VISIT_FACTS: Fact[] = [
  { measure: 'visits', when: '1', k1: "''" },
  { measure: 'vstatus', when: '1', k1: 'x.status' },
  { measure: 'desk', when: 'x.desk IS NOT NULL AND x.first_called_at IS NOT NULL', k1: 'x.desk', k2: 'x.status' },
  // The wait, to the first call: a histogram in whole minutes (for the median) and the exact sum (for the mean).
  {
    measure: 'wait',
    when: 'x.first_called_at IS NOT NULL',
    k1: `${millis('x.registered_at', 'x.first_called_at')} / 60000`,
    amount: millis('x.registered_at', 'x.first_called_at'),
  },
  // Time with the official in 3-minute bands, the last open-ended from 30 minutes.
  {
    measure: 'band',
    when: "x.status = 'done' AND x.finished_at IS NOT NULL",
    k1: `min(max(0, ${millis('coalesce(x.started_at, x.first_called_at, x.finished_at)', 'x.finished_at')}) / 180000, 10) * 3`,
  },
];

/**
 * Facts kept per Jalali month only (not per meeting): each visit by the month of the same
 * client's visit before it. For a period that starts on the first day of a month M, a client is
 * new in the period exactly when their visit's previous month is before M, so distinct clients
 * (and their circumstances) over whole months are a sum of these rows, not a scan of visits.
 */
export const MONTH_VISIT_COLUMNS = ['day', 'county_id', 'cmask', 'prev_day'] as const;
const PREVIOUS_MONTH = `coalesce((SELECT j.month FROM jalali_months j WHERE j.first_day <= x.prev_day ORDER BY j.first_day DESC LIMIT 1), '')`;
const MONTH_VISIT_FACTS: Fact[] = [
  { measure: 'first', when: 'x.day IS NOT NULL', k1: "''", k2: PREVIOUS_MONTH },
  ...CIRCUMSTANCES.map((c, i) => ({ measure: 'firstc', when: `x.day IS NOT NULL AND (x.cmask & ${1 << i}) <> 0`, k1: `'${c}'`, k2: PREVIOUS_MONTH })),
  { measure: 'firstc', when: 'x.day IS NOT NULL AND x.cmask = 0', k1: "'none'", k2: PREVIOUS_MONTH },
];
/** The measures kept only per month (a report's other tables do not read them). */
export const MONTH_ONLY_MEASURES = ['first', 'firstc'] as const;

const REQUEST_FACTS: Fact[] = [{ measure: 'requests', when: '1', k1: 'x.category_id' }];

export const INSTRUCTION_COLUMNS = [
  'kind', 'status', 'outcome', 'unit_id', 'agency_id', 'due_date', 'amount_rials', 'funder',
  'delivered_rials', 'delivered_funder', 'issued_by', 'issued_at', 'closed_at',
] as const;
const LIVE = "x.status <> 'cancelled'";
const FOLLOWED_UP = `${LIVE} AND x.outcome IS NOT NULL AND x.closed_at IS NOT NULL`;
const INSTRUCTION_FACTS: Fact[] = [
  { measure: 'kind', when: LIVE, k1: 'x.kind' },
  { measure: 'catIns', when: LIVE, k1: 'x.category_id', k2: "x.kind = 'answered'" },
  { measure: 'ref', when: `${LIVE} AND x.kind IN ('unit', 'agency')`, k1: "x.kind || ':' || coalesce(x.unit_id, x.agency_id, '')", k2: 'x.status' },
  { measure: 'overdue', when: "x.status = 'open' AND x.due_date IS NOT NULL", k1: "x.kind || ':' || coalesce(x.unit_id, x.agency_id, '')", k2: 'x.due_date' },
  { measure: 'promised', when: `${LIVE} AND x.funder IS NOT NULL`, k1: 'x.funder', amount: toman('x.amount_rials') },
  { measure: 'delivered', when: `${LIVE} AND x.delivered_funder IS NOT NULL`, k1: 'x.delivered_funder', amount: toman('x.delivered_rials') },
  { measure: 'issuer', when: LIVE, k1: 'x.issued_by', k2: "x.kind = 'answered'" },
  {
    measure: 'outcome',
    when: LIVE,
    k1: "CASE WHEN x.status = 'open' THEN 'open' WHEN x.outcome IS NULL THEN 'atDesk' ELSE x.outcome END",
  },
  // Calendar days in Tehran from issue to result, for referrals (a histogram, for medians).
  {
    measure: 'days',
    when: `${FOLLOWED_UP} AND x.kind IN ('unit', 'agency', 'review')`,
    k1: 'x.kind',
    k2: `CAST(julianday(${tehranDay('x.closed_at')}) - julianday(${tehranDay('x.issued_at')}) AS INTEGER)`,
  },
  { measure: 'byDue', when: `${FOLLOWED_UP} AND x.due_date IS NOT NULL`, k1: `${tehranDay('x.closed_at')} <= x.due_date` },
];

/** The SELECT of every fact of the rows of `source` (which yields columns meeting_id, county_id and the facts' own), each multiplied by `sign`. */
function factsOf(facts: readonly Fact[], source: string, sign: 1 | -1, key = 'x.meeting_id AS meeting_id'): string {
  const pick = (of: (f: Fact) => string) => `CASE t.column1 ${facts.map((f, i) => `WHEN ${i} THEN ${of(f)}`).join(' ')} END`;
  return `SELECT ${key}, coalesce(x.county_id, '') AS county_id,
    ${pick((f) => `'${f.measure}'`)} AS measure,
    coalesce(CAST(${pick((f) => f.k1)} AS TEXT), '') AS k1,
    coalesce(CAST(${pick((f) => f.k2 ?? "''")} AS TEXT), '') AS k2,
    ${sign} * ${pick((f) => f.n ?? '1')} AS n,
    ${sign} * ${pick((f) => f.amount ?? '0')} AS amount
  FROM (${source}) x, (VALUES ${facts.map((_, i) => `(${i})`).join(', ')}) t
  WHERE ${pick((f) => f.when)}`;
}

const UPSERT_TAIL = 'ON CONFLICT (meeting_id, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount';
const add = (select: string) => `INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount) ${select} ${UPSERT_TAIL};`;

const columnsOf = (row: string, columns: readonly string[]) => columns.map((c) => `${row}.${c} AS ${c}`).join(', ');

/** Sources: one visit row; the requests or instructions of a visit (with the visit's dimensions given); one request or instruction row. */
const visitRow = (row: string) => `SELECT ${columnsOf(row, VISIT_COLUMNS)}`;
const requestsOfVisit = (visit: string) =>
  `SELECT r.category_id AS category_id, ${visit}.meeting_id AS meeting_id, ${visit}.county_id AS county_id FROM requests r WHERE r.visit_id = ${visit}.id`;
const instructionsOfVisit = (visit: string) =>
  `SELECT ${columnsOf('i', INSTRUCTION_COLUMNS)}, r.category_id AS category_id, ${visit}.meeting_id AS meeting_id, ${visit}.county_id AS county_id
   FROM instructions i JOIN requests r ON r.id = i.request_id WHERE i.visit_id = ${visit}.id`;
const requestRow = (row: string) =>
  `SELECT ${row}.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id FROM visits v WHERE v.id = ${row}.visit_id`;
const instructionRow = (row: string) =>
  `SELECT ${columnsOf(row, INSTRUCTION_COLUMNS)}, r.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM visits v JOIN requests r ON r.id = ${row}.request_id WHERE v.id = ${row}.visit_id`;
const instructionsOfRequest = (request: string) =>
  `SELECT ${columnsOf('i', INSTRUCTION_COLUMNS)}, ${request}.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
   FROM instructions i JOIN visits v ON v.id = i.visit_id WHERE i.request_id = ${request}.id`;

/**
 * A client's circumstances as a bit mask, bit i for CIRCUMSTANCES[i] (the report's distinct-client
 * count reads it from the visits). The column holds a JSON array of these words, and no word
 * in quotes is part of another, so finding `"word"` in the text is exact.
 */
export const circumstanceMask = (json: string) =>
  `(${CIRCUMSTANCES.map((c, i) => `(CASE WHEN instr(${json}, '"${c}"') > 0 THEN ${1 << i} ELSE 0 END)`).join(' | ')})`;

/**
 * The report columns of a visit (`day`, `county_id`, `cmask`, `prev_day`) as SQL expressions over
 * its meeting, client and id — what the insert trigger sets them to. The trigger uses the first
 * three; an INSERT may carry all four (the intake does, with its parameters), which spares the
 * trigger's update its cascade: the counters would otherwise be added under no county and moved
 * to the client's county, and the month facts added by a second trigger. The trigger still sets
 * them, to the same values, so a writer that leaves them out gets them all the same.
 */
export function visitReportValues(meeting: string, client: string, id: string) {
  const day = `(SELECT date FROM meetings WHERE id = ${meeting})`;
  return {
    day,
    county_id: `(SELECT county_id FROM clients WHERE id = ${client})`,
    cmask: `(SELECT ${circumstanceMask('c.circumstances')} FROM clients c WHERE c.id = ${client})`,
    // The same rule as PREVIOUS_DAY below, for a row not written yet.
    prev_day: `(SELECT max(p.day) FROM visits p WHERE p.client_id = ${client} AND (p.day < ${day} OR (p.day = ${day} AND p.id < ${id})))`,
  };
}
const NEW_VISIT = visitReportValues('NEW.meeting_id', 'NEW.client_id', 'NEW.id');

/**
 * Sets each visit's `prev_day`: the day of the same client's visit before it (by day, then id),
 * or NULL for the first. Only the rows whose value changes are written: a returning client's
 * earlier visits would otherwise be rewritten, with their index entries, at every new visit
 * (about ten more pages in each commit for a client with five visits).
 */
const PREVIOUS_DAY = `(SELECT max(p.day) FROM visits p WHERE p.client_id = visits.client_id AND (p.day < visits.day OR (p.day = visits.day AND p.id < visits.id)))`;
const previousDaysOfClient = (client: string) =>
  `UPDATE visits SET prev_day = ${PREVIOUS_DAY} WHERE client_id = ${client} AND prev_day IS NOT ${PREVIOUS_DAY};`;

/** The Jalali month ('1404-08') of a date, from the `jalali_months` table. */
export const monthOf = (date: string) => `(SELECT j.month FROM jalali_months j WHERE j.first_day <= ${date} ORDER BY j.first_day DESC LIMIT 1)`;
const addMonths = (select: string) =>
  `INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount) ${select}
   ON CONFLICT (month, county_id, measure, k1, k2) DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount;`;

/** The Jalali months table's rows (1990 to 2100), for a migration. */
export function jalaliMonthsSql(): string {
  const rows = jalaliMonths(1990, 2100).map((m) => `('${m.month}', '${m.firstDay}', '${m.lastDay}')`);
  return `INSERT INTO jalali_months (month, first_day, last_day) VALUES ${rows.join(',\n')};`;
}

const monthVisitFacts = (source: string, sign: 1 | -1) => factsOf(MONTH_VISIT_FACTS, source, sign, `${monthOf('x.day')} AS month`);
const monthVisitRow = (row: string) => `SELECT ${columnsOf(row, MONTH_VISIT_COLUMNS)}`;

/** Recomputes the month counters: the meeting counters by month, and the month-only visit facts. */
export const REBUILD_MONTHS_SQL = `DELETE FROM report_month_counts;
INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount)
  SELECT ${monthOf('m.date')} AS month, rc.county_id, rc.measure, rc.k1, rc.k2, sum(rc.n), sum(rc.amount)
  FROM report_counts rc JOIN meetings m ON m.id = rc.meeting_id GROUP BY 1, 2, 3, 4, 5 HAVING sum(rc.n) <> 0 OR sum(rc.amount) <> 0;
INSERT INTO report_month_counts (month, county_id, measure, k1, k2, n, amount)
  SELECT month, county_id, measure, k1, k2, sum(n), sum(amount)
  FROM (${monthVisitFacts(`SELECT ${columnsOf('v', MONTH_VISIT_COLUMNS)} FROM visits v`, 1)}) GROUP BY 1, 2, 3, 4, 5;`;

const changed = (columns: readonly string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
const SAME_COUNTER = ['meeting_id', 'county_id', 'measure', 'k1', 'k2'].map((c) => `OLD.${c} IS NEW.${c}`).join(' AND ');

/** The triggers that keep `report_counts` and the visits' report columns with every change. */
export const REPORT_TRIGGERS: readonly { name: string; sql: string }[] = [
  {
    name: 'report_visit_insert',
    sql: `CREATE TRIGGER report_visit_insert AFTER INSERT ON visits BEGIN
  ${add(factsOf(VISIT_FACTS, visitRow('NEW'), 1))}
  ${addMonths(monthVisitFacts(monthVisitRow('NEW'), 1))}
  UPDATE visits SET day = ${NEW_VISIT.day},
    county_id = ${NEW_VISIT.county_id},
    cmask = ${NEW_VISIT.cmask}
  WHERE id = NEW.id AND (day IS NOT ${NEW_VISIT.day} OR county_id IS NOT ${NEW_VISIT.county_id} OR cmask IS NOT ${NEW_VISIT.cmask});
  ${previousDaysOfClient('NEW.client_id')}
END`,
  },
  {
    name: 'report_visit_update',
    sql: `CREATE TRIGGER report_visit_update AFTER UPDATE OF ${VISIT_COLUMNS.join(', ')} ON visits WHEN ${changed(VISIT_COLUMNS)} BEGIN
  ${add(factsOf(VISIT_FACTS, visitRow('OLD'), -1))}
  ${add(factsOf(VISIT_FACTS, visitRow('NEW'), 1))}
END`,
  },
  {
    name: 'report_visit_months',
    sql: `CREATE TRIGGER report_visit_months AFTER UPDATE OF ${MONTH_VISIT_COLUMNS.join(', ')} ON visits WHEN ${changed(MONTH_VISIT_COLUMNS)} BEGIN
  ${addMonths(monthVisitFacts(monthVisitRow('OLD'), -1))}
  ${addMonths(monthVisitFacts(monthVisitRow('NEW'), 1))}
END`,
  },
  {
    name: 'report_visit_moves',
    sql: `CREATE TRIGGER report_visit_moves AFTER UPDATE OF meeting_id, county_id ON visits WHEN ${changed(['meeting_id', 'county_id'])} BEGIN
  ${add(factsOf(REQUEST_FACTS, requestsOfVisit('OLD'), -1))}
  ${add(factsOf(REQUEST_FACTS, requestsOfVisit('NEW'), 1))}
  ${add(factsOf(INSTRUCTION_FACTS, instructionsOfVisit('OLD'), -1))}
  ${add(factsOf(INSTRUCTION_FACTS, instructionsOfVisit('NEW'), 1))}
END`,
  },
  {
    name: 'report_visit_day',
    sql: `CREATE TRIGGER report_visit_day AFTER UPDATE OF day, client_id ON visits WHEN ${changed(['day', 'client_id'])} BEGIN
  ${previousDaysOfClient('OLD.client_id')}
  ${previousDaysOfClient('NEW.client_id')}
END`,
  },
  {
    name: 'report_visit_delete',
    sql: `CREATE TRIGGER report_visit_delete AFTER DELETE ON visits BEGIN
  ${add(factsOf(VISIT_FACTS, visitRow('OLD'), -1))}
  ${addMonths(monthVisitFacts(monthVisitRow('OLD'), -1))}
  ${previousDaysOfClient('OLD.client_id')}
END`,
  },
  {
    name: 'report_request_insert',
    sql: `CREATE TRIGGER report_request_insert AFTER INSERT ON requests BEGIN
  ${add(factsOf(REQUEST_FACTS, requestRow('NEW'), 1))}
END`,
  },
  {
    name: 'report_request_update',
    sql: `CREATE TRIGGER report_request_update AFTER UPDATE OF category_id, visit_id ON requests WHEN ${changed(['category_id', 'visit_id'])} BEGIN
  ${add(factsOf(REQUEST_FACTS, requestRow('OLD'), -1))}
  ${add(factsOf(REQUEST_FACTS, requestRow('NEW'), 1))}
  ${add(factsOf(INSTRUCTION_FACTS, instructionsOfRequest('OLD'), -1))}
  ${add(factsOf(INSTRUCTION_FACTS, instructionsOfRequest('NEW'), 1))}
END`,
  },
  {
    name: 'report_request_delete',
    sql: `CREATE TRIGGER report_request_delete AFTER DELETE ON requests BEGIN
  ${add(factsOf(REQUEST_FACTS, requestRow('OLD'), -1))}
END`,
  },
  {
    name: 'report_instruction_insert',
    sql: `CREATE TRIGGER report_instruction_insert AFTER INSERT ON instructions BEGIN
  ${add(factsOf(INSTRUCTION_FACTS, instructionRow('NEW'), 1))}
END`,
  },
  {
    name: 'report_instruction_update',
    sql: `CREATE TRIGGER report_instruction_update AFTER UPDATE OF ${INSTRUCTION_COLUMNS.join(', ')}, request_id, visit_id ON instructions
  WHEN ${changed([...INSTRUCTION_COLUMNS, 'request_id', 'visit_id'])} BEGIN
  ${add(factsOf(INSTRUCTION_FACTS, instructionRow('OLD'), -1))}
  ${add(factsOf(INSTRUCTION_FACTS, instructionRow('NEW'), 1))}
END`,
  },
  {
    name: 'report_instruction_delete',
    sql: `CREATE TRIGGER report_instruction_delete AFTER DELETE ON instructions BEGIN
  ${add(factsOf(INSTRUCTION_FACTS, instructionRow('OLD'), -1))}
END`,
  },
  {
    name: 'report_client_update',
    sql: `CREATE TRIGGER report_client_update AFTER UPDATE OF county_id, circumstances ON clients
  WHEN ${changed(['county_id', 'circumstances'])} BEGIN
  UPDATE visits SET county_id = NEW.county_id, cmask = ${circumstanceMask('NEW.circumstances')} WHERE client_id = NEW.id;
END`,
  },
  {
    name: 'report_meeting_date',
    sql: `CREATE TRIGGER report_meeting_date AFTER UPDATE OF date ON meetings WHEN OLD.date IS NOT NEW.date BEGIN
  UPDATE visits SET day = NEW.date WHERE meeting_id = NEW.id;
  ${addMonths(`SELECT ${monthOf('OLD.date')} AS month, county_id, measure, k1, k2, -n AS n, -amount AS amount FROM report_counts WHERE meeting_id = NEW.id`)}
  ${addMonths(`SELECT ${monthOf('NEW.date')} AS month, county_id, measure, k1, k2, n, amount FROM report_counts WHERE meeting_id = NEW.id`)}
END`,
  },
  // The month counters follow the meeting counters, whatever changes them.
  {
    name: 'report_month_insert',
    sql: `CREATE TRIGGER report_month_insert AFTER INSERT ON report_counts BEGIN
  ${addMonths(`SELECT ${monthOf('m.date')}, NEW.county_id, NEW.measure, NEW.k1, NEW.k2, NEW.n, NEW.amount FROM meetings m WHERE m.id = NEW.meeting_id`)}
END`,
  },
  // A counter's count changed (every upsert): its month row moves by the difference, in one write.
  {
    name: 'report_month_update',
    sql: `CREATE TRIGGER report_month_update AFTER UPDATE ON report_counts WHEN ${SAME_COUNTER} BEGIN
  ${addMonths(`SELECT ${monthOf('m.date')}, NEW.county_id, NEW.measure, NEW.k1, NEW.k2, NEW.n - OLD.n, NEW.amount - OLD.amount FROM meetings m WHERE m.id = NEW.meeting_id`)}
END`,
  },
  // A counter's keys changed (no writer does so today): taken from its old month row, added to the new.
  {
    name: 'report_month_move',
    sql: `CREATE TRIGGER report_month_move AFTER UPDATE ON report_counts WHEN NOT (${SAME_COUNTER}) BEGIN
  ${addMonths(`SELECT ${monthOf('m.date')}, OLD.county_id, OLD.measure, OLD.k1, OLD.k2, -OLD.n, -OLD.amount FROM meetings m WHERE m.id = OLD.meeting_id`)}
  ${addMonths(`SELECT ${monthOf('m.date')}, NEW.county_id, NEW.measure, NEW.k1, NEW.k2, NEW.n, NEW.amount FROM meetings m WHERE m.id = NEW.meeting_id`)}
END`,
  },
  {
    name: 'report_month_delete',
    sql: `CREATE TRIGGER report_month_delete AFTER DELETE ON report_counts BEGIN
  ${addMonths(`SELECT ${monthOf('m.date')}, OLD.county_id, OLD.measure, OLD.k1, OLD.k2, -OLD.n, -OLD.amount FROM meetings m WHERE m.id = OLD.meeting_id`)}
END`,
  },
];

/** Drops the report triggers (a bulk load does, then rebuilds the counters and creates them again). */
export const DROP_REPORT_TRIGGERS = REPORT_TRIGGERS.map((t) => `DROP TRIGGER IF EXISTS ${t.name};`).join('\n');
export const CREATE_REPORT_TRIGGERS = REPORT_TRIGGERS.map((t) => `${t.sql};`).join('\n');

/**
 * The statements that recompute the visits' report columns and every counter from the rows,
 * for the meetings the `meetingFilter` SQL condition on `m` selects (all by default; it may
 * use named parameters, e.g. `m.id = :meetingId`).
 */
export function rebuildStatements(meetingFilter = '1'): string[] {
  const visitsOf = `SELECT v.id FROM visits v JOIN meetings m ON m.id = v.meeting_id WHERE ${meetingFilter}`;
  const meetingsOf = `SELECT m.id FROM meetings m WHERE ${meetingFilter}`;
  const grouped = (select: string) =>
    `INSERT INTO report_counts (meeting_id, county_id, measure, k1, k2, n, amount)
     SELECT meeting_id, county_id, measure, k1, k2, sum(n), sum(amount) FROM (${select}) WHERE true GROUP BY 1, 2, 3, 4, 5 ${UPSERT_TAIL}`;
  return [
    `UPDATE visits SET day = (SELECT date FROM meetings WHERE id = visits.meeting_id),
       county_id = (SELECT county_id FROM clients WHERE id = visits.client_id),
       cmask = (SELECT ${circumstanceMask('c.circumstances')} FROM clients c WHERE c.id = visits.client_id)
     WHERE id IN (${visitsOf})`,
    `UPDATE visits SET prev_day = ${PREVIOUS_DAY} WHERE client_id IN (SELECT client_id FROM visits WHERE id IN (${visitsOf}))`,
    `DELETE FROM report_counts WHERE meeting_id IN (${meetingsOf})`,
    grouped(factsOf(VISIT_FACTS, `SELECT ${columnsOf('v', VISIT_COLUMNS)} FROM visits v JOIN meetings m ON m.id = v.meeting_id WHERE ${meetingFilter}`, 1)),
    grouped(
      factsOf(
        REQUEST_FACTS,
        `SELECT r.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
         FROM requests r JOIN visits v ON v.id = r.visit_id JOIN meetings m ON m.id = v.meeting_id WHERE ${meetingFilter}`,
        1,
      ),
    ),
    grouped(
      factsOf(
        INSTRUCTION_FACTS,
        `SELECT ${columnsOf('i', INSTRUCTION_COLUMNS)}, r.category_id AS category_id, v.meeting_id AS meeting_id, v.county_id AS county_id
         FROM instructions i JOIN requests r ON r.id = i.request_id JOIN visits v ON v.id = i.visit_id JOIN meetings m ON m.id = v.meeting_id
         WHERE ${meetingFilter}`,
        1,
      ),
    ),
    `DELETE FROM report_counts WHERE meeting_id IN (${meetingsOf}) AND n = 0 AND amount = 0`,
  ];
}

/** The same, as one script (for a migration). */
export const rebuildSql = (meetingFilter = '1') => rebuildStatements(meetingFilter).map((s) => `${s};`).join('\n');
