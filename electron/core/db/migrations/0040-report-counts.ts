import { CREATE_REPORT_TRIGGERS, REBUILD_MONTHS_SQL, jalaliMonthsSql, rebuildSql } from '../../reports/facts';

/**
 * The report's counters (see reports/facts.ts): each visit carries the columns the report
 * filters on (the meeting's day, the client's county and circumstances, and the day of the
 * client's visit before, which makes "distinct clients in a period" one index range), and
 * `report_counts` holds the facts per meeting and county, kept by triggers; `report_month_counts`
 * adds them up per Jalali month (from `jalali_months`), so a year is twelve months' rows.
 *
 * The triggers are created from the definitions of this version of the program. A later
 * change to a fact's definition comes with its own migration that drops them, creates them
 * again and rebuilds the counters.
 */
export default () => /* sql */ `
ALTER TABLE visits ADD COLUMN day TEXT;
ALTER TABLE visits ADD COLUMN county_id TEXT;
ALTER TABLE visits ADD COLUMN cmask INTEGER NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN prev_day TEXT;

DROP INDEX visits_client;
CREATE INDEX visits_client ON visits(client_id, day);
CREATE INDEX visits_period ON visits(day, prev_day, county_id, cmask);
-- Visits by the day of the visit before (a period starting mid-month: see api/reports.ts).
CREATE INDEX visits_previous ON visits(prev_day, day, county_id, cmask);

CREATE TABLE report_counts (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  county_id TEXT NOT NULL,
  measure TEXT NOT NULL,
  k1 TEXT NOT NULL,
  k2 TEXT NOT NULL,
  n INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, county_id, measure, k1, k2)
) STRICT, WITHOUT ROWID;

CREATE TABLE jalali_months (
  month TEXT PRIMARY KEY,
  first_day TEXT NOT NULL UNIQUE,
  last_day TEXT NOT NULL
) STRICT, WITHOUT ROWID;
${jalaliMonthsSql()}

CREATE TABLE report_month_counts (
  month TEXT NOT NULL,
  county_id TEXT NOT NULL,
  measure TEXT NOT NULL,
  k1 TEXT NOT NULL,
  k2 TEXT NOT NULL,
  n INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (month, county_id, measure, k1, k2)
) STRICT, WITHOUT ROWID;

${rebuildSql()}
${REBUILD_MONTHS_SQL}

${CREATE_REPORT_TRIGGERS}
`;
