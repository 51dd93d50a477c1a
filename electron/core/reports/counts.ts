import type { Db } from '../db/open';
import { CREATE_REPORT_TRIGGERS, DROP_REPORT_TRIGGERS, rebuildSql } from './facts';

const COUNTERS = 'SELECT meeting_id, county_id, measure, k1, k2, n, amount FROM report_counts WHERE n <> 0 OR amount <> 0 ORDER BY 1, 2, 3, 4, 5';
const VISIT_COLUMNS = 'SELECT id, day, county_id, cmask, prev_day FROM visits ORDER BY id';

/**
 * Recomputes the report's counters from the rows. A bulk load (the benchmark's generator) drops
 * the triggers, writes its rows, and calls this with `recreateTriggers`.
 */
export function rebuildReportCounts(db: Db, options: { recreateTriggers?: boolean } = {}): void {
  db.transaction(() => {
    if (options.recreateTriggers) db.exec(DROP_REPORT_TRIGGERS);
    db.exec(rebuildSql());
    if (options.recreateTriggers) db.exec(CREATE_REPORT_TRIGGERS);
  }).immediate();
}

/** Drops the report's triggers for a bulk load; `rebuildReportCounts(db, { recreateTriggers: true })` must follow. */
export function suspendReportTriggers(db: Db): void {
  db.exec(DROP_REPORT_TRIGGERS);
}

/**
 * The differences between the counters the triggers kept and a recomputation from the rows
 * (empty when they agree). Nothing is changed: the recomputation is rolled back.
 */
export function reportCountDifferences(db: Db): string[] {
  const kept = { counters: db.prepare(COUNTERS).all(), visits: db.prepare(VISIT_COLUMNS).all() };
  let rebuilt: typeof kept = { counters: [], visits: [] };
  db.exec('SAVEPOINT report_counts_check');
  try {
    db.exec(DROP_REPORT_TRIGGERS);
    db.exec(rebuildSql());
    rebuilt = { counters: db.prepare(COUNTERS).all(), visits: db.prepare(VISIT_COLUMNS).all() };
  } finally {
    db.exec('ROLLBACK TO report_counts_check; RELEASE report_counts_check');
  }
  const differences: string[] = [];
  for (const part of ['counters', 'visits'] as const) {
    const a = new Set(kept[part].map((r) => JSON.stringify(r)));
    const b = new Set(rebuilt[part].map((r) => JSON.stringify(r)));
    for (const r of a) if (!b.has(r)) differences.push(`${part}: kept but not rebuilt ${r}`);
    for (const r of b) if (!a.has(r)) differences.push(`${part}: rebuilt but not kept ${r}`);
  }
  return differences;
}
