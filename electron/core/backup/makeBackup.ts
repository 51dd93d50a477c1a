import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupReason } from '../contract/backup';
import type { Db } from '../db/open';
import { copyInWorker, type CopyOptions } from './copyWorker';
import { writeSidecar, type Sidecar } from './folder';
import { partialName } from './names';
import { checkBackupFile } from './verify';

/**
 * How the copy shares the disk with the desks, chosen by measurement (docs/PERFORMANCE.md,
 * `npx tsx scripts/bench-backup.ts`): 128 pages (512 KiB) a step, flushed every 512 pages
 * (2 MiB), with a 2 ms pause after each step.
 */
export const COPY_DEFAULTS: CopyOptions = { pagesPerStep: 128, syncEveryPages: 512, pauseMs: 2 };

export interface MakeBackupArgs {
  /** The host's connection: the copy opens its own connection to the same file. */
  db: Db;
  folder: string;
  name: string;
  reason: BackupReason;
  /** When the backup was asked for (the time in its name). */
  createdAt: string;
  latestVersion: number;
  now: () => Date;
  copy?: Partial<CopyOptions>;
  /** 0…1 as pages are copied. */
  onProgress?: (fraction: number) => void;
  /** The copy is in place and its check begins. */
  onChecking?: () => void;
  /** Aborting stops the copy (the host is closing); nothing is left behind. */
  signal?: AbortSignal;
}

function removePartial(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Makes the rename durable where the platform allows it (Linux; Windows cannot open a folder), off the event loop. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not supported here: the rename is still atomic
  }
}

/**
 * One backup: SQLite's online backup API copies one consistent snapshot of the live database
 * in a worker thread (copyWorker.ts) to a temporary name while the host keeps serving; the
 * copy is renamed into place atomically, then checked in another worker (verify.ts), and the
 * check is recorded beside it (a sidecar). A failure leaves no partial file behind.
 */
export async function makeBackup(args: MakeBackupArgs): Promise<Sidecar> {
  mkdirSync(args.folder, { recursive: true });
  const final = join(args.folder, args.name);
  const temp = join(args.folder, partialName(args.name));
  removePartial(temp);
  let sourceVersion: number;
  try {
    if (args.signal?.aborted) throw new Error('aborted');
    const run = copyInWorker(args.db.name, temp, { ...COPY_DEFAULTS, ...args.copy }, args.onProgress);
    const abort = () => run.abort();
    args.signal?.addEventListener('abort', abort);
    try {
      ({ sourceVersion } = await run.result);
    } finally {
      args.signal?.removeEventListener('abort', abort);
    }
    renameSync(temp, final);
    await syncFolder(args.folder);
  } catch (error) {
    removePartial(temp);
    throw error;
  }
  args.onProgress?.(1);
  args.onChecking?.();
  const check = await checkBackupFile(final, args.latestVersion, args.now);
  const sidecar: Sidecar = {
    format: 'didar-backup',
    version: 1,
    reason: args.reason,
    createdAt: args.createdAt,
    finishedAt: args.now().toISOString(),
    sourceVersion,
    check,
  };
  writeSidecar(args.folder, args.name, sidecar);
  return sidecar;
}
