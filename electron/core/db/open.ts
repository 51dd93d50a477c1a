import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupFolderSetting, defaultBackupFolder } from '../backup/folder';
import { preMigrationFileName } from '../backup/names';
import { applyMigrations, pendingMigrations, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where pre-migration copies go; defaults to the backup folder in settings, else `backups` beside the database. */
  backupDir?: string;
  /** False when the file being opened is itself a copy of a kept backup (a restore): no second copy. Default true. */
  copyBeforeMigrating?: boolean;
  /** The clock for the copy's name. */
  now?: () => Date;
  /** For migration tests: stop after this version. */
  upTo?: number;
  migrations?: readonly Migration[];
}

/**
 * Writes the pre-migration copy with `VACUUM INTO`. Here, unlike the backups the host makes
 * while serving (electron/core/backup), the copy is made in one blocking statement on purpose:
 * `openDatabase` is synchronous, no other connection of the host exists yet and no desk is
 * served, and the migration must not start until the copy is whole. `VACUUM INTO` writes a
 * consistent, compact, single-file copy through SQLite (never a file copy of a live database).
 * The configured backup folder is used so the restore screen lists the copy; if it cannot be
 * written (a removed USB disk), the copy goes to the folder beside the database instead of
 * keeping the program from starting.
 */
function copyBeforeMigrating(db: Db, file: string, version: number, options: OpenOptions): void {
  const name = preMigrationFileName((options.now ?? (() => new Date()))(), version);
  const configured = options.backupDir ?? backupFolderSetting(db);
  const fallback = defaultBackupFolder(file);
  for (const dir of configured && configured !== fallback ? [configured, fallback] : [fallback]) {
    try {
      mkdirSync(dir, { recursive: true });
      db.prepare('VACUUM INTO ?').run(join(dir, name));
      return;
    } catch (error) {
      if (dir === fallback || options.backupDir) throw error;
    }
  }
}

/**
 * Opens (or creates) the database file with Didar's pragmas and brings its schema up to date.
 * `synchronous = FULL` in WAL mode: every commit waits for the disk, so a committed transaction
 * survives a crash of the program and a power cut alike (chosen by measurement: see
 * docs/PERFORMANCE.md, `npm run bench:synchronous`). Before migrating a database that already
 * holds a schema, a consistent copy is written with `VACUUM INTO` (see copyBeforeMigrating).
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
    if (pending.length > 0 && schemaVersion(db) > 0 && options.copyBeforeMigrating !== false) copyBeforeMigrating(db, file, pending[0]!.version, options);
    applyMigrations(db, pending);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
