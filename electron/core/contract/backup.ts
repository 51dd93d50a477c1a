import { z } from 'zod';
import { method, returns } from './define';

/** Why a backup was made; a pre-migration copy names the version it was made before. */
export type BackupReason = 'scheduled' | 'manual' | 'before-restore' | `before-migration-v${number}`;

/** A backup's check: the copy opened read-only, `PRAGMA integrity_check`, its schema version and Didar's tables. */
export interface BackupCheckView {
  state: 'ok' | 'failed' | 'unchecked';
  /** When it was checked (UTC ISO), if it was. */
  at: string | null;
  /** The copy's schema version (`user_version`), when it could be read. */
  userVersion: number | null;
  /** Why the check failed, in Persian; null when it passed or was not made. */
  message: string | null;
}

/** One file in the backup folder, as the list shows it (read from the folder itself, so a lost database does not lose the list). */
export interface BackupEntry {
  /** The file's name in the backup folder (what `backup.restore` takes). */
  name: string;
  reason: BackupReason;
  /** When the copy was made (UTC ISO), from its name. */
  at: string;
  /** Bytes. */
  size: number;
  check: BackupCheckView;
}

/** The schedule and the retention rule (admin). */
export interface BackupPolicy {
  /** A backup every this many hours while the host runs; 0 = none on schedule (by hand and before migrations only). */
  everyHours: number;
  /** The newest this many copies (scheduled or by hand) are always kept. */
  keepLast: number;
  /** Plus the newest copy of each of the last this many days; copies made before a migration or a restore are kept this many days. */
  keepDays: number;
}

/** What the host is doing now: one job at a time. */
export interface BackupJob {
  kind: 'backup' | 'restore' | 'check';
  /** The backup being made, restored or checked. */
  name: string;
  phase: 'waiting' | 'copying' | 'checking' | 'preparing' | 'before-restore' | 'swapping';
  /** 0…1 for the copying phases. */
  progress: number;
  startedAt: string;
}

/** How the last job ended. */
export interface BackupOutcome {
  kind: BackupJob['kind'];
  name: string;
  ok: boolean;
  /** Why it failed, in Persian; null on success. */
  message: string | null;
  /** For a restore: the file the replaced database was kept as. */
  keptAs: string | null;
  at: string;
}

export interface BackupOverview {
  /** The folder backups go to (absolute). */
  folder: string;
  /** The saved folder setting: '' = the `backups` folder beside the database. */
  folderSetting: string;
  policy: BackupPolicy;
  /** Newest first. */
  backups: BackupEntry[];
  job: BackupJob | null;
  last: BackupOutcome | null;
  /** When the next scheduled backup is due (UTC ISO); null when the schedule is off. */
  nextAt: string | null;
}

/** Issue 8: backups on schedule and by hand, and restoring one (admin only). */
export const backupContract = {
  'backup.list': method({ input: z.strictObject({}), access: ['admin'], readonly: true, returns: returns<BackupOverview>() }),
  /** Starts a backup now; it runs after the call returns and reports through `backup.changed`. */
  'backup.make': method({ input: z.strictObject({}), access: ['admin'], returns: returns<{ name: string }>() }),
  'backup.savePolicy': method({
    input: z.strictObject({
      everyHours: z.number().int().min(0).max(168),
      keepLast: z.number().int().min(1).max(100),
      keepDays: z.number().int().min(1).max(365),
      /** An absolute folder on the host, or '' for the `backups` folder beside the database. */
      backupFolder: z.string().trim().max(500),
    }),
    access: ['admin'],
    returns: returns<BackupOverview>(),
  }),
  /**
   * Restores a backup: the file's header is checked at once (a garbage or newer file is refused
   * here); the full check, the copy of the current database and the swap run after the call
   * returns, reported through `backup.changed`, and `database.restored` when done.
   */
  'backup.restore': method({
    input: z.strictObject({ backupName: z.string().min(1).max(200) }),
    access: ['admin'],
    returns: returns<{ keptAs: string }>(),
  }),
};
