import { copyFile } from 'node:fs/promises';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { Actor } from '../contract';
import { audit, type Services } from '../api/context';
import { openDatabase, type Db } from '../db/open';
import { hostCtx } from './hostCtx';
import { releaseFile } from './liveDb';

/**
 * The steps of a restore that touch files (the service in service.ts runs them in order and
 * reports each): stage a copy of the chosen backup beside the database, prepare it (migrate
 * if older, end every session, audit the restore), and swap it in for the current file.
 */

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** The staged copy's name: beside the database, so the final move is a rename on one disk. */
export function stagedPath(databaseFile: string): string {
  return `${databaseFile}.restoring`;
}

export function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(file + suffix, { force: true });
}

/** Copies the (closed, never live) backup file to the staging name without blocking the host. */
export async function stageBackup(backupFile: string, databaseFile: string): Promise<string> {
  const staged = stagedPath(databaseFile);
  removeWithSideFiles(staged);
  await copyFile(backupFile, staged);
  return staged;
}

/** Settings that belong to this host rather than to the data: a restore keeps the current ones. */
const HOST_SETTINGS = ['backupFolder', 'backupPolicy'];

/**
 * Brings the staged copy up to this program's schema (no pre-migration copy: the backup itself
 * stays in the folder), keeps this host's backup folder and policy (so the copy of the replaced
 * database stays listed and the schedule goes on), ends every session in it (everyone signs in
 * again) and writes the restore into its audit chain — all before the current database is touched.
 */
export function prepareStaged(
  staged: string,
  record: { actor: Actor; at: string; restoredFrom: string; keptAs: string; services: Services; current: Db },
): void {
  const carried = HOST_SETTINGS.map((key) => record.current.prepare('SELECT key, value FROM settings WHERE key = ?').get(key) as { key: string; value: string } | undefined);
  const db = openDatabase(staged, { copyBeforeMigrating: false });
  try {
    db.transaction(() => {
      for (const key of HOST_SETTINGS) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
      for (const row of carried) if (row) db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(row.key, row.value);
      const sessions = db.prepare('DELETE FROM sessions').run().changes;
      // The restored file may not know the admin who restores it (made after the backup).
      const known = db.prepare('SELECT 1 FROM users WHERE id = ?').get(record.actor.userId) !== undefined;
      audit(hostCtx(db, known ? record.actor : null, record.at, record.services), 'restore', 'database', record.restoredFrom, null, {
        restoredFrom: record.restoredFrom,
        keptAs: record.keptAs,
        by: record.actor.username,
        sessionsEnded: sessions,
      });
    }).immediate();
  } finally {
    db.close();
  }
}

export type SwapResult = { ok: true; db: Db } | { ok: false; db: Db; error: unknown };

/**
 * Puts the staged file in place of the database: closes the host's other connections to it (the
 * checkpoint worker's, see liveDb.ts) and the current connection, moves the
 * current file and its -wal/-shm aside, renames the staged file into place and opens it. If
 * any step fails, everything is put back and the old file is opened again, so the host goes on
 * with the database it had (`ok: false`). The moved-aside files are deleted only after the new
 * one opened (their content is in the checked before-restore copy).
 */
export function swapDatabase(args: { file: string; current: Db; staged: string; open: (file: string) => Db }): SwapResult {
  const { file, staged } = args;
  const aside = `${file}.replaced`;
  removeWithSideFiles(aside);
  releaseFile(args.current);
  args.current.close();
  const moved: string[] = [];
  let placed = false;
  try {
    for (const suffix of ['', ...SIDE_FILES]) {
      if (existsSync(file + suffix)) {
        renameSync(file + suffix, aside + suffix);
        moved.push(suffix);
      }
    }
    renameSync(staged, file);
    placed = true;
    const db = args.open(file);
    for (const suffix of moved) rmSync(aside + suffix, { force: true });
    return { ok: true, db };
  } catch (error) {
    if (placed) {
      for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true });
      if (existsSync(file)) renameSync(file, staged);
    }
    for (const suffix of moved) renameSync(aside + suffix, file + suffix);
    return { ok: false, db: args.open(file), error };
  }
}
