import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export class NewerDatabaseError extends Error {
  constructor(found: number, known: number) {
    super(`database schema version ${found} is newer than this program knows (${known})`);
  }
}

/** Checks that migrations are numbered upwards; a mistake here is a programming error. */
export function checkOrder(migrations: readonly Migration[]): void {
  let last = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= last) throw new Error(`migration out of order: ${m.name}`);
    last = m.version;
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The migrations not yet applied to this database, refusing a database from a newer program. */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, upTo = Infinity): Migration[] {
  checkOrder(migrations);
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new NewerDatabaseError(current, latest);
  return migrations.filter((m) => m.version > current && m.version <= upTo);
}

/**
 * Applies each pending migration in its own transaction, setting `user_version` inside it.
 * A migration that rebuilds a table (SQLite cannot change a CHECK in place) runs with foreign
 * keys off, as SQLite's documented procedure says, and must leave `foreign_key_check` clean.
 */
export function applyMigrations(db: Database.Database, pending: readonly Migration[]): void {
  for (const m of pending) {
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(typeof m.sql === 'string' ? m.sql : m.sql());
        m.after?.(db);
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${m.name} leaves ${broken.length} broken references`);
        }
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (m.rebuildsTables && keysWereOn) db.pragma('foreign_keys = ON');
    }
  }
}
