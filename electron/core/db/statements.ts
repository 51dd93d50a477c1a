import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/** How many statements one connection keeps; the oldest goes when a new one would pass this. */
const LIMIT = 500;
const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on `db`, compiled on first use and reused after. Preparing
 * is not free: a statement that writes a table with triggers compiles every trigger with it (an
 * INSERT into visits, with the report counters' triggers, took about 2 ms to prepare and 0.6 ms
 * to run). For the fixed SQL of hot paths (every call's session check, the audit entry, intake,
 * search, the desk's history). The statement is shared: never call `pluck`, `raw`, `expand` or
 * `bind` on it (the next caller would get it changed) and never leave an `iterate()` open.
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(sql, statement);
  }
  return statement;
}
