import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { BackupReason } from '../contract/backup';
import type { Db } from '../db/open';
import { parseBackupName } from './names';
import type { CheckResult } from './verify';

/** The folder beside the database that holds backups unless the admin chose another. */
export function defaultBackupFolder(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups');
}

/** The saved `backupFolder` setting ('' = default), read straight from the settings table. */
export function backupFolderSetting(db: Db): string {
  try {
    const row = db.prepare(`SELECT value FROM settings WHERE key = 'backupFolder'`).get() as { value: string } | undefined;
    const value: unknown = row ? JSON.parse(row.value) : '';
    return typeof value === 'string' && isAbsolute(value) ? value : '';
  } catch {
    return ''; // a database too old to have settings yet
  }
}

/** Where backups of `databaseFile` go now. */
export function backupFolder(db: Db, databaseFile: string): string {
  return backupFolderSetting(db) || defaultBackupFolder(databaseFile);
}

/**
 * Creates `folder` and its missing parents one level at a time; returns the topmost folder it
 * created (undefined if it existed). Not `mkdirSync(…, {recursive: true})`: on Node 20 that never
 * returns for a folder under /proc (mkdir answers ENOENT there although the parent exists).
 */
function makeFolder(folder: string): string | undefined {
  const missing: string[] = [];
  for (let p = folder; !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  let created: string | undefined;
  try {
    for (const p of missing) {
      mkdirSync(p);
      created ??= p;
    }
  } catch (e) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw e;
  }
  return created;
}

/**
 * Creates the folder if needed and proves the host can write in it; returns false if it cannot
 * (and removes again what it created).
 */
export function folderIsWritable(folder: string): boolean {
  let created: string | undefined;
  try {
    created = makeFolder(folder);
    const probe = join(folder, `.didar-write-test-${process.pid}-${Date.now()}`);
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
    return true;
  } catch {
    if (created) rmSync(created, { recursive: true, force: true });
    return false;
  }
}

/**
 * What is recorded beside each backup (`<name>.json`): its check and where it came from. The
 * folder alone is enough to list and restore: a backup without a sidecar is "not checked yet"
 * and is checked before any restore anyway.
 */
export interface Sidecar {
  format: 'didar-backup';
  version: 1;
  reason: BackupReason;
  createdAt: string;
  finishedAt: string;
  /** The schema version of the database the copy was made from. */
  sourceVersion: number | null;
  check: CheckResult;
}

export function sidecarPath(folder: string, name: string): string {
  return join(folder, `${name}.json`);
}

export function readSidecar(folder: string, name: string): Sidecar | null {
  try {
    const value = JSON.parse(readFileSync(sidecarPath(folder, name), 'utf8')) as Sidecar;
    return value.format === 'didar-backup' && value.check && typeof value.check.ok === 'boolean' ? value : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a sidecar is never half-written. */
export function writeSidecar(folder: string, name: string, sidecar: Sidecar): void {
  const path = sidecarPath(folder, name);
  writeFileSync(`${path}.tmp`, JSON.stringify(sidecar, null, 2));
  renameSync(`${path}.tmp`, path);
}

/** Records a check made later (a restore's, or the start-up check of a copy that had none). */
export function recordCheck(folder: string, name: string, check: CheckResult, reason: BackupReason, createdAt: string): void {
  const before = readSidecar(folder, name);
  writeSidecar(folder, name, before ? { ...before, check } : { format: 'didar-backup', version: 1, reason, createdAt, finishedAt: createdAt, sourceVersion: null, check });
}

/** A backup found in the folder, with the check its sidecar records (if any). */
export interface FoundBackup {
  name: string;
  reason: BackupReason;
  at: string;
  size: number;
  check: CheckResult | null;
}

/** Every backup in the folder Didar named, newest first; other files are ignored. A folder that is missing or unreadable lists nothing. */
export function scanFolder(folder: string): FoundBackup[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: FoundBackup[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    let size: number;
    try {
      const stat = statSync(join(folder, name));
      if (!stat.isFile()) continue;
      size = stat.size;
    } catch {
      continue; // removed while listing
    }
    out.push({ name, reason: parsed.reason, at: parsed.at, size, check: readSidecar(folder, name)?.check ?? null });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
}

/** Deletes a backup and its sidecar. */
export function deleteBackup(folder: string, name: string): void {
  rmSync(join(folder, name), { force: true });
  rmSync(sidecarPath(folder, name), { force: true });
}
