import type { BackupReason } from '../contract/backup';

/**
 * Backup file names carry the time and the reason, so the folder alone tells what each copy
 * is (a restore must still work after the database itself is lost):
 * `didar-2026-04-01T05-30-00-000Z-scheduled.sqlite` (also `manual`, `before-restore`,
 * `before-migration-v110`). Copies made by `openDatabase` before a migration keep their older
 * form, `before-v110-2026-04-01T05-30-00-000Z.sqlite`, and are read as `before-migration-v110`.
 */

const STAMP = String.raw`(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)`;
const NAME = new RegExp(String.raw`^didar-${STAMP}-(scheduled|manual|before-restore|before-migration-v\d+)\.sqlite$`);
const PRE_MIGRATION = new RegExp(String.raw`^before-v(\d+)-${STAMP}\.sqlite$`);

/** An instant as it appears in a file name: `2026-04-01T05-30-00-000Z`. */
export function fileStamp(instant: Date): string {
  return instant.toISOString().replace(/[:.]/g, '-');
}

function stampToIso(stamp: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.slice(0, -1).split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

export function backupFileName(instant: Date, reason: BackupReason): string {
  return `didar-${fileStamp(instant)}-${reason}.sqlite`;
}

/** The name `openDatabase` gives the copy it makes before migrating to `version`. */
export function preMigrationFileName(instant: Date, version: number): string {
  return `before-v${version}-${fileStamp(instant)}.sqlite`;
}

/** A backup's time and reason from its file name; null for any file Didar did not name (never listed, never deleted). */
export function parseBackupName(name: string): { at: string; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (m) return { at: stampToIso(m[1]!), reason: m[2] as BackupReason };
  const p = PRE_MIGRATION.exec(name);
  if (p) return { at: stampToIso(p[2]!), reason: `before-migration-v${Number(p[1])}` };
  return null;
}

/** Copies kept for safety (before a migration or a restore) rather than by the routine rule. */
export function isSafetyCopy(reason: BackupReason): boolean {
  return reason === 'before-restore' || reason.startsWith('before-migration-v');
}

/** The temporary name a backup is written under before it is renamed into place. */
export function partialName(name: string): string {
  return `.${name}.partial`;
}

export const PARTIAL = /^\.didar-.*\.partial(-wal|-shm|-journal)?$/;
