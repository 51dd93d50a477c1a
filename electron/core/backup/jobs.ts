import { join } from 'node:path';
import type { Actor } from '../contract';
import type { BackupCheckView, BackupJob, BackupOutcome, BackupReason } from '../contract/backup';
import { audit, type Services } from '../api/context';
import { message, type MessageKey } from '../api/messages';
import type { Db } from '../db/open';
import { MIGRATIONS } from '../db/migrations';
import { toPersianDigits } from '../domain/digits';
import type { CopyOptions } from './copyWorker';
import { folderIsWritable, recordCheck, type FoundBackup } from './folder';
import { hostCtx } from './hostCtx';
import { setWritesPaused } from './liveDb';
import { makeBackup } from './makeBackup';
import { parseBackupName } from './names';
import { prepareStaged, removeWithSideFiles, stageBackup, swapDatabase } from './restore';
import type { BackupHost } from './service';
import { checkBackupFile, type CheckProblem, type CheckResult } from './verify';

/** The jobs the backup service queues, one at a time (service.ts), and how their checks read in Persian. */

export const LATEST = MIGRATIONS.at(-1)?.version ?? 0;

/** What a job needs from the service that runs it. */
export interface JobKit {
  host: BackupHost;
  copy: Partial<CopyOptions>;
  /** Aborted when the host closes. */
  signal: AbortSignal;
  folderOf(db: Db): string;
  setPhase(phase: BackupJob['phase'], progress?: number): void;
  setProgress(progress: number): void;
  applyRetention(db: Db, folder: string): void;
}

export interface QueuedJob {
  kind: BackupJob['kind'];
  name: string;
  run(): Promise<Omit<BackupOutcome, 'kind' | 'name' | 'at'>>;
}

/** A job that ends with a Persian message (not a programming error). */
export class JobFailure extends Error {
  constructor(
    readonly key: MessageKey,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

const CHECK_MESSAGE: Record<CheckProblem, MessageKey> = {
  not_sqlite: 'backup.check.notSqlite',
  corrupt: 'backup.check.corrupt',
  newer: 'backup.check.newer',
  not_didar: 'backup.check.notDidar',
  unreadable: 'backup.check.unreadable',
};

function versions(userVersion: number | null) {
  return { found: toPersianDigits(userVersion ?? 0), known: toPersianDigits(LATEST) };
}

export function checkFailure(problem: CheckProblem, userVersion: number | null): JobFailure {
  return new JobFailure(CHECK_MESSAGE[problem], versions(userVersion));
}

export function checkView(check: CheckResult | null): BackupCheckView {
  if (!check) return { state: 'unchecked', at: null, userVersion: null, message: null };
  return {
    state: check.ok ? 'ok' : 'failed',
    at: check.at,
    userVersion: check.userVersion,
    message: check.ok || !check.problem ? null : message(CHECK_MESSAGE[check.problem], versions(check.userVersion)),
  };
}


/** Makes a backup (scheduled or by hand), checks it, then applies the retention rule. */
export function backupJob(kit: JobKit, name: string, reason: BackupReason): QueuedJob {
  const { host } = kit;
  return {
    kind: 'backup',
    name,
    run: async () => {
      const db = host.db();
      const folder = kit.folderOf(db);
      if (!folderIsWritable(folder)) throw new JobFailure('backup.make.folder', { folder });
      kit.setPhase('copying');
      const sidecar = await makeBackup({
        db,
        folder,
        name,
        reason,
        createdAt: parseBackupName(name)!.at,
        latestVersion: LATEST,
        now: host.now,
        copy: kit.copy,
        signal: kit.signal,
        onProgress: kit.setProgress,
        onChecking: () => kit.setPhase('checking'),
      });
      if (!sidecar.check.ok) throw checkFailure(sidecar.check.problem ?? 'corrupt', sidecar.check.userVersion);
      kit.applyRetention(db, folder);
      return { ok: true, message: null, keptAs: null };
    },
  };
}

/**
 * Restores a backup, in order: stage a copy beside the database, check it fully, prepare it
 * (migrate, keep this host's backup settings, end sessions, audit); pause writes and make the
 * checked before-restore copy of the current database; swap. Any failure before the swap
 * changes nothing; a failed swap puts the old file back (restore.ts).
 */
export function restoreJob(kit: JobKit, name: string, keptAs: string, actor: Actor, services: Services): QueuedJob {
  const { host } = kit;
  return {
    kind: 'restore',
    name,
    run: async () => {
      const current = host.db();
      const folder = kit.folderOf(current);
      const parsed = parseBackupName(name)!;
      let staged: string | null = null;
      try {
        kit.setPhase('copying');
        staged = await stageBackup(join(folder, name), host.file);
        kit.setPhase('checking');
        const check = await checkBackupFile(staged, LATEST, host.now);
        recordCheck(folder, name, check, parsed.reason, parsed.at);
        if (!check.ok) throw checkFailure(check.problem ?? 'corrupt', check.userVersion);
        kit.setPhase('preparing');
        prepareStaged(staged, { actor, at: host.now().toISOString(), restoredFrom: name, keptAs, services, current });
        // From here every write would be lost with the replaced file: desks are told to wait.
        setWritesPaused(current, true);
        kit.setPhase('before-restore');
        const kept = await makeBackup({
          db: current,
          folder,
          name: keptAs,
          reason: 'before-restore',
          createdAt: parseBackupName(keptAs)!.at,
          latestVersion: LATEST,
          now: host.now,
          copy: kit.copy,
          signal: kit.signal,
          onProgress: kit.setProgress,
        });
        if (!kept.check.ok) throw new JobFailure('backup.restore.keepFailed');
        kit.setPhase('swapping');
        const swap = swapDatabase({ file: host.file, current, staged, open: host.open });
        host.replace(swap.db);
        if (!swap.ok) {
          host.log('restore: the swap failed; the previous database is back in place', swap.error);
          throw new JobFailure('backup.restore.swapFailed');
        }
        staged = null;
        host.emit({ name: 'database.restored', payload: {} });
        kit.applyRetention(swap.db, kit.folderOf(swap.db));
        return { ok: true, message: null, keptAs };
      } catch (e) {
        const db = host.db();
        if (db.open) {
          const why = e instanceof JobFailure ? e.key : 'internal';
          db.transaction(() => audit(hostCtx(db, actor, host.now().toISOString(), services), 'restore.failed', 'database', name, null, { restoredFrom: name, why })).immediate();
        }
        throw e;
      } finally {
        setWritesPaused(current, false);
        if (staged) removeWithSideFiles(staged);
      }
    },
  };
}

/** Checks a copy that was never checked (one made before a migration, or put in the folder by hand). */
export function checkJob(kit: JobKit, folder: string, found: FoundBackup): QueuedJob {
  const { host } = kit;
  return {
    kind: 'check',
    name: found.name,
    run: async () => {
      kit.setPhase('checking');
      const check = await checkBackupFile(join(folder, found.name), LATEST, host.now);
      recordCheck(folder, found.name, check, found.reason, found.at);
      if (!check.ok) throw checkFailure(check.problem ?? 'corrupt', check.userVersion);
      return { ok: true, message: null, keptAs: null };
    },
  };
}
