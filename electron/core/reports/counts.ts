import type { Db } from '../db/open';
import { DROP_REPORT_TRIGGERS, REBUILD_MONTHS_SQL, rebuildSql, rebuildStatements } from './facts';

const COUNTERS = 'SELECT meeting_id, county_id, measure, k1, k2, n, amount FROM report_counts WHERE n <> 0 OR amount <> 0 ORDER BY 1, 2, 3, 4, 5';
const MONTHS = 'SELECT month, county_id, measure, k1, k2, n, amount FROM report_month_counts WHERE n <> 0 OR amount <> 0 ORDER BY 1, 2, 3, 4, 5';
const VISIT_COLUMNS = 'SELECT id, day, county_id, cmask, prev_day FROM visits ORDER BY id';

/**
 * Recomputes the report's counters from the rows, one meeting at a time (a province's years
 * would not fit one sort). A bulk load (the benchmark's generator) sets the triggers aside,
 * writes its rows, and calls this.
 */
export function rebuildReportCounts(db: Db, onProgress?: (done: number, total: number) => void): void {
  const meetings = db.prepare('SELECT id FROM meetings ORDER BY date').pluck().all() as string[];
  const statements = rebuildStatements('m.id = :meetingId').map((sql) => db.prepare(sql));
  db.transaction(() => {
    db.exec('DELETE FROM report_counts');
    meetings.forEach((meetingId, i) => {
      for (const statement of statements) statement.run({ meetingId });
      if (onProgress && (i + 1) % 100 === 0) onProgress(i + 1, meetings.length);
    });
    db.exec(REBUILD_MONTHS_SQL);
  }).immediate();
}

/**
 * The differences between the counters the triggers kept and a recomputation from the rows
 * (empty when they agree). Nothing is changed: the recomputation is rolled back.
 */
export function reportCountDifferences(db: Db): string[] {
  const read = () => ({ counters: db.prepare(COUNTERS).all(), months: db.prepare(MONTHS).all(), visits: db.prepare(VISIT_COLUMNS).all() });
  const kept = read();
  let rebuilt: typeof kept = { counters: [], months: [], visits: [] };
  db.exec('SAVEPOINT report_counts_check');
  try {
    db.exec(DROP_REPORT_TRIGGERS);
    db.exec(rebuildSql());
    db.exec(REBUILD_MONTHS_SQL);
    rebuilt = read();
  } finally {
    db.exec('ROLLBACK TO report_counts_check; RELEASE report_counts_check');
  }
  const differences: string[] = [];
  for (const part of ['counters', 'months', 'visits'] as const) {
    const a = new Set(kept[part].map((r) => JSON.stringify(r)));
    const b = new Set(rebuilt[part].map((r) => JSON.stringify(r)));
    for (const r of a) if (!b.has(r)) differences.push(`${part}: kept but not rebuilt ${r}`);
    for (const r of b) if (!a.has(r)) differences.push(`${part}: rebuilt but not kept ${r}`);
  }
  return differences;
}
