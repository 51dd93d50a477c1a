import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, DidarEvent } from '../contract';
import type { BackupJob, BackupOutcome, BackupOverview, BackupReason } from '../contract/backup';
import type { Services } from '../api/context';
import { AppError } from '../api/errors';
import { message } from '../api/messages';
import type { Db } from '../db/open';
import type { CopyOptions } from './copyWorker';
import { backupFolderSetting, defaultBackupFolder, deleteBackup, recordCheck, scanFolder, type FoundBackup } from './folder';
import { backupJob, checkFailure, checkJob, checkView, JobFailure, LATEST, restoreJob, type JobKit, type QueuedJob } from './jobs';
import { backupFileName, isSafetyCopy, parseBackupName, PARTIAL } from './names';
import { readPolicy } from './policy';
import { removeWithSideFiles } from './restore';
import { chooseDeletions } from './retention';
import { headerProblem } from './verify';

/** What the backup service needs from the host that owns the database (createCore). */
export interface BackupHost {
  /** The database file. */
  file: string;
  /** The current connection (it changes when a restore swaps the file). */
  db(): Db;
  now(): Date;
  emit(event: DidarEvent): void;
  log(message: string, error?: unknown): void;
  /** Opens a database file with Didar's pragmas (and migrations). */
  open(file: string): Db;
  /** Makes `next` the host's connection: a new dispatch over it, and code holding the old one follows. */
  replace(next: Db): void;
}

export interface BackupServiceOptions {
  /** How the copy shares the disk (defaults: COPY_DEFAULTS in makeBackup.ts). */
  copy?: Partial<CopyOptions>;
  /** How often the scheduler looks whether a backup is due. */
  tickMs?: number;
  /** After a scheduled backup failed, how long before the next attempt. */
  retryMs?: number;
}

export interface BackupService {
  /** Everything the screen shows; `db` is the call's connection. */
  overview(db: Db): BackupOverview;
  /** Queues a backup (or returns the one already waiting or running); it runs after the current call. */
  requestBackup(reason: 'manual' | 'scheduled'): string;
  /** Header check at once (throws a Persian AppError naming `backupName`), then queues the restore; returns the name the current database will be kept as. */
  requestRestore(name: string, actor: Actor, services: Services): { keptAs: string };
  /** One decision of the scheduler: queues a scheduled backup if one is due. */
  tick(): void;
  /** Starts the scheduler (and checks copies that were never checked); `core.close()` stops it. */
  start(): void;
  stop(): void;
  /** Resolves when no job is waiting or running (tests, shutdown). */
  idle(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** The screen hears about progress at most this often. */
const PROGRESS_EVERY_MS = 500;

export function createBackupService(host: BackupHost, options: BackupServiceOptions = {}): BackupService {
  const tickMs = options.tickMs ?? 60_000;
  const retryMs = options.retryMs ?? 15 * 60_000;
  const copy = options.copy ?? {};
  // Aborted when the host closes: a copy in progress stops and leaves nothing behind.
  const closing = new AbortController();
  const waiting: QueuedJob[] = [];
  let job: BackupJob | null = null;
  let last: BackupOutcome | null = null;
  let chain: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;
  let scheduledFailedAt: number | null = null;
  let lastProgressEvent = 0;

  const folderOf = (db: Db) => backupFolderSetting(db) || defaultBackupFolder(host.file);
  // Sent after the current call has returned (and committed), like every other event.
  const changed = () =>
    queueMicrotask(() => {
      try {
        host.emit({ name: 'backup.changed', payload: {} });
      } catch (e) {
        host.log('backup event listener failed', e);
      }
    });
  const setPhase = (phase: BackupJob['phase'], progress = 0) => {
    if (!job) return;
    job = { ...job, phase, progress };
    lastProgressEvent = Date.now();
    changed();
  };
  const setProgress = (progress: number) => {
    if (!job) return;
    job = { ...job, progress };
    if (Date.now() - lastProgressEvent >= PROGRESS_EVERY_MS) {
      lastProgressEvent = Date.now();
      changed();
    }
  };

  function enqueue(queued: QueuedJob): void {
    waiting.push(queued);
    changed();
    chain = chain.then(async () => {
      waiting.splice(waiting.indexOf(queued), 1);
      if (stopped) return;
      job = { kind: queued.kind, name: queued.name, phase: 'waiting', progress: 0, startedAt: host.now().toISOString() };
      let outcome: Omit<BackupOutcome, 'kind' | 'name' | 'at'>;
      try {
        outcome = await queued.run();
      } catch (e) {
        if (!(e instanceof JobFailure)) host.log(`backup ${queued.kind} ${queued.name} failed`, e);
        const failure = e instanceof JobFailure ? e : new JobFailure(queued.kind === 'restore' ? 'backup.restore.failed' : 'backup.make.failed');
        outcome = { ok: false, message: message(failure.key, failure.vars), keptAs: null };
      }
      last = { kind: queued.kind, name: queued.name, at: host.now().toISOString(), ...outcome };
      job = null;
      changed();
    });
  }

  /** A name no file and no queued job has yet (two requests in one millisecond differ by one). */
  function freshName(folder: string, reason: BackupReason): string {
    let t = host.now().getTime();
    const taken = (n: string) => existsSync(join(folder, n)) || waiting.some((w) => w.name === n) || job?.name === n;
    while (taken(backupFileName(new Date(t), reason))) t += 1;
    return backupFileName(new Date(t), reason);
  }

  /** Deletes what the retention rule lets go; a failure here is logged and never fails the job that made a backup. */
  function applyRetention(db: Db, folder: string): void {
    try {
      const busy = new Set([job?.name, ...waiting.map((w) => w.name)]);
      const items = scanFolder(folder).map((f) => ({ name: f.name, reason: f.reason, at: f.at, failed: f.check ? !f.check.ok : false }));
      for (const name of chooseDeletions(items, readPolicy(db), host.now())) {
        if (busy.has(name)) continue;
        deleteBackup(folder, name);
        host.log(`backup removed by the retention rule: ${name}`);
      }
    } catch (e) {
      host.log('backup retention failed', e);
    }
  }

  function newestRoutine(found: FoundBackup[]): FoundBackup | undefined {
    return found.find((f) => !isSafetyCopy(f.reason) && f.check?.ok !== false);
  }

  const kit: JobKit = {
    host,
    copy,
    signal: closing.signal,
    folderOf,
    setPhase,
    setProgress,
    applyRetention,
  };

  const service: BackupService = {
    overview(db) {
      const folderSetting = backupFolderSetting(db);
      const folder = folderSetting || defaultBackupFolder(host.file);
      const policy = readPolicy(db);
      const found = scanFolder(folder);
      let nextAt: string | null = null;
      if (policy.everyHours > 0) {
        const newest = newestRoutine(found);
        const due = newest ? Date.parse(newest.at) + policy.everyHours * HOUR_MS : host.now().getTime();
        nextAt = new Date(Math.max(due, host.now().getTime())).toISOString();
      }
      return {
        folder,
        folderSetting,
        policy,
        backups: found.map((f) => ({ name: f.name, reason: f.reason, at: f.at, size: f.size, check: checkView(f.check) })),
        job: job ?? (waiting[0] ? { kind: waiting[0].kind, name: waiting[0].name, phase: 'waiting', progress: 0, startedAt: host.now().toISOString() } : null),
        last,
        nextAt,
      };
    },

    requestBackup(reason) {
      const already = [job, ...waiting].find((j) => j?.kind === 'backup');
      if (already) return already.name;
      if ([job, ...waiting].some((j) => j?.kind === 'restore')) throw new AppError('conflict', 'backup.restoreRunning');
      const name = freshName(folderOf(host.db()), reason);
      enqueue(backupJob(kit, name, reason));
      return name;
    },

    requestRestore(name, actor, services) {
      const db = host.db();
      const folder = folderOf(db);
      const parsed = parseBackupName(name);
      if (!parsed || !existsSync(join(folder, name))) throw new AppError('not_found', 'backup.notFound', 'backupName');
      if ([job, ...waiting].some((j) => j?.kind === 'restore')) throw new AppError('conflict', 'backup.restoreRunning');
      const early = headerProblem(join(folder, name), LATEST);
      if (early) {
        const failure = checkFailure(early.problem, early.userVersion);
        recordCheck(folder, name, { ok: false, at: host.now().toISOString(), userVersion: early.userVersion, problem: early.problem, detail: early.problem }, parsed.reason, parsed.at);
        changed(); // the list shows the copy as failed
        throw new AppError('invalid_input', failure.key, 'backupName', failure.vars);
      }
      const keptAs = freshName(folder, 'before-restore');
      enqueue(restoreJob(kit, name, keptAs, actor, services));
      return { keptAs };
    },

    tick() {
      const db = host.db();
      if (stopped || !db.open || job || waiting.length > 0) return;
      const policy = readPolicy(db);
      if (policy.everyHours <= 0) return;
      const now = host.now().getTime();
      if (scheduledFailedAt !== null && now - scheduledFailedAt < retryMs) return;
      const newest = newestRoutine(scanFolder(folderOf(db)));
      if (newest && now < Date.parse(newest.at) + policy.everyHours * HOUR_MS) return;
      const name = service.requestBackup('scheduled');
      void service.idle().then(() => {
        scheduledFailedAt = last?.name === name && !last.ok ? now : null;
      });
    },

    start() {
      if (timer || stopped) return;
      const db = host.db();
      const folder = folderOf(db);
      // Leftovers of a backup cut off by a crash or a power cut; copies never checked get checked.
      try {
        if (existsSync(folder)) for (const name of readdirSync(folder)) if (PARTIAL.test(name)) removeWithSideFiles(join(folder, name));
        for (const found of scanFolder(folder)) if (!found.check) enqueue(checkJob(kit, folder, found));
      } catch (e) {
        host.log('backup folder could not be read at start', e);
      }
      timer = setInterval(() => {
        try {
          service.tick();
        } catch (e) {
          host.log('backup scheduler failed', e);
        }
      }, tickMs);
      timer.unref();
    },

    stop() {
      stopped = true;
      closing.abort();
      if (timer) clearInterval(timer);
      timer = null;
    },

    async idle() {
      for (let seen: Promise<void> | null = null; seen !== chain; ) {
        seen = chain;
        await chain;
      }
    },
  };
  return service;
}
