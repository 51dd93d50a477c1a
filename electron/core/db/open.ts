import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyMigrations, pendingMigrations, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where pre-migration copies go; defaults to a `backups` folder beside the database. */
  backupDir?: string;
  /** For migration tests: stop after this version. */
  upTo?: number;
  migrations?: readonly Migration[];
}

/**
 * Opens (or creates) the database file with Didar's pragmas and brings its schema up to date.
 * `synchronous = FULL` in WAL mode: every commit waits for the disk, so a committed transaction
 * survives a crash of the program and a power cut alike (chosen by measurement: see
 * docs/PERFORMANCE.md, `npm run bench:synchronous`). Before migrating a database that already holds a schema, a
 * consistent copy is written with `VACUUM INTO`.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Refuse a database from a newer program before changing anything in it.
    const pending = pendingMigrations(db, options.migrations ?? MIGRATIONS, options.upTo);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    if (pending.length > 0 && schemaVersion(db) > 0) {
      const dir = options.backupDir ?? join(dirname(file), 'backups');
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      db.prepare('VACUUM INTO ?').run(join(dir, `before-v${pending[0]!.version}-${stamp}.sqlite`));
    }
    applyMigrations(db, pending);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
