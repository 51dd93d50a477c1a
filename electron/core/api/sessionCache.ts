import type { Statement } from 'better-sqlite3';
import type { Actor } from '../contract';
import type { Db } from '../db/open';

/** A live session as last read from the database. */
export interface CachedSession {
  actor: Actor;
  /** The absolute end and the last-seen time, in milliseconds (compared without making dates). */
  expiresMs: number;
  seenMs: number | null;
}

interface State {
  entries: Map<string, CachedSession>;
  /** `PRAGMA data_version` when the entries were last known good… */
  dataVersion: number;
  /** …and the statement that reads it (the cache's own, so it may be plucked). */
  readVersion: Statement;
}

/** More entries than this means something is wrong (there are a few dozen desks): start over. */
const LIMIT = 5_000;
const CHANGED = 'didar_sessions_changed';
const states = new WeakMap<Db, State>();

/**
 * The sessions already read on one connection, by token. Every call except the three public
 * ones checks its session, and reading it (hashing the token, joining sessions and users) costs
 * a fifth of what a search by national ID costs in all. An entry is only a copy of committed
 * rows. It is thrown away whenever those rows may have changed:
 * - **This connection writes `sessions` or `users`.** Temporary triggers call a function that
 *   clears every entry. This covers sign-out, sign-out everywhere, a password or role change, a
 *   user made inactive, and the sessions a restore ends. A write that is later rolled back also
 *   clears the entries, which costs only a re-read.
 * - **Another connection commits anything** (`PRAGMA data_version` moves). This covers a second
 *   process or a command-line tool on the same file.
 *
 * The time limits (absolute and idle) are checked on every call against the cached instants,
 * exactly as the SQL checks them (auth.ts).
 *
 * Read and fill it only where this connection has written nothing uncommitted: outside a
 * transaction, or first thing in one (dispatch checks the session before the handler runs), so a
 * change that might still be rolled back is never copied. The cache works on a connection once
 * `watchSessions` has run on it, outside any transaction (dispatch does it when it is made).
 */
export function watchSessions(db: Db): void {
  if (states.has(db)) return;
  if (db.inTransaction) throw new Error('watchSessions: the triggers must not be created inside a transaction');
  const state: State = { entries: new Map(), dataVersion: -1, readVersion: db.prepare('PRAGMA data_version').pluck() };
  db.function(CHANGED, { deterministic: false, varargs: false }, () => {
    state.entries.clear();
    return null;
  });
  // TEMP triggers belong to this connection only; they are gone when it closes.
  for (const table of ['sessions', 'users'])
    for (const change of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS didar_cache_${table}_${change.toLowerCase()} AFTER ${change} ON main.${table} BEGIN SELECT ${CHANGED}(); END`);
  states.set(db, state);
}

/** The connection's cache, emptied first if another connection has committed since it was last used. */
function current(db: Db): State | undefined {
  const state = states.get(db);
  if (!state) return undefined;
  const version = state.readVersion.get() as number;
  if (version !== state.dataVersion) {
    state.entries.clear();
    state.dataVersion = version;
  }
  return state;
}

/** The cached session for `token`, if there is one. */
export function cachedSession(db: Db, token: string): CachedSession | undefined {
  return current(db)?.entries.get(token);
}

/**
 * Keeps a session just read from the database, in the call that asked `cachedSession` first (which
 * brought the cache up to date with other connections; this connection's own writes since then
 * emptied it through the triggers).
 */
export function rememberSession(db: Db, token: string, session: CachedSession): void {
  const state = states.get(db);
  if (!state) return;
  if (state.entries.size >= LIMIT) state.entries.clear();
  state.entries.set(token, session);
}

/** How many sessions the connection holds (tests). */
export function cachedSessionCount(db: Db): number {
  return states.get(db)?.entries.size ?? 0;
}
