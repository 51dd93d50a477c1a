import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../backup/worker';
import { BACKFILL_AT, BOOTING, CANCELLED, CHECKPOINT_SOURCE, HEADER_BYTES, MX_FRAME_AT, OPEN, STATE, STOP } from './checkpointWorker';
import type { Db } from './open';

/**
 * WAL checkpoints off the desks' path. In WAL mode a commit appends pages to the -wal file; a
 * checkpoint copies them into the database file and fsyncs it. SQLite's own autocheckpoint runs
 * it inside the commit that takes the WAL past 1,000 pages — on the 11 GB province ~1,000 random
 * page writes and an fsync of the big file, paid by every ~25th intake (docs/PERFORMANCE.md,
 * issue 9). Here a worker thread with its own connection to the same file does it instead
 * (checkpointWorker.ts): it watches the WAL's length in the wal-index header and runs a PASSIVE
 * checkpoint past `thresholdFrames`, so no desk's commit waits for it.
 *
 * While a worker runs, the host's connection keeps its autocheckpoint at HOST_SAFETY_NET (10,000
 * pages, ~40 MiB of WAL): if the worker lags (a slow disk, a burst of writes) or dies between two
 * looks, the WAL still cannot grow without bound — the host's own commit checkpoints once it gets
 * that far, as SQLite does by itself. It is high enough that the worker always gets there first
 * at any desk's pace. While no worker runs (not yet started, crashed, stopped), the host is at
 * SQLite's default of 1,000 again: exactly the behaviour without a worker.
 *
 * A worker that stops unexpectedly is logged and started again after a pause (doubling, up to a
 * minute; after MAX_CRASHES in a row, none of which checkpointed or ran a minute, it is left off). `stop()` is
 * synchronous and returns once the worker's connection is closed: `core.close()` calls it before
 * the host's connection closes (the last connection to close checkpoints and removes the WAL),
 * and a restore before it moves the file (backup/liveDb.ts, `releaseFile`).
 */

/** SQLite's default `wal_autocheckpoint`, and the worker's default threshold. */
export const SQLITE_AUTOCHECKPOINT = 1000;
/** The host connection's `wal_autocheckpoint` while a worker checkpoints (see above). */
export const HOST_SAFETY_NET = 10_000;
const MAX_CRASHES = 5;
const MAX_RESTART_DELAY_MS = 60_000;
/** How long `stop()` waits for a worker in the middle of a checkpoint to close its connection. */
const STOP_WAIT_MS = 10_000;

export interface CheckpointerOptions {
  /** Frames in the WAL not yet in the database file that start a checkpoint (default 1,000, SQLite's own). */
  thresholdFrames?: number;
  /** How often the worker reads the WAL's length (default 200 ms). */
  pollMs?: number;
  /** Checkpoints run back to back to catch up with the frames committed meanwhile (default 4). */
  maxRounds?: number;
  /** The pause before a crashed worker is started again; it doubles with each crash in a row (default 1 s). */
  restartDelayMs?: number;
}

export interface CheckpointerHost {
  file: string;
  /** The host's current connection (a restore replaces it). */
  db(): Db;
  log(message: string, error?: unknown): void;
}

export interface CheckpointerStatus {
  /** A worker has said it has its connection open and watches the WAL. */
  running: boolean;
  /** Worker threads not yet ended (a stopped one ends just after `stop()`). */
  threads: number;
  /** Workers started so far. */
  starts: number;
  /** Checkpoints the workers ran (back-to-back rounds count as one). */
  checkpoints: number;
  crashes: number;
}

export interface Checkpointer {
  /** Starts a worker on the file (nothing if one runs). */
  start(): void;
  /** Stops the worker and returns once its connection is closed; the host checkpoints by itself again. */
  stop(): void;
  status(): CheckpointerStatus;
  /** Tests: ends the worker's thread as a crash would (it is logged and started again). */
  kill(): Promise<void>;
}

interface Instance {
  worker: Worker;
  control: Int32Array;
  ready: boolean;
  error: string | null;
}

export function createCheckpointer(host: CheckpointerHost, options: CheckpointerOptions = {}): Checkpointer {
  const settings = {
    file: host.file,
    thresholdFrames: options.thresholdFrames ?? SQLITE_AUTOCHECKPOINT,
    pollMs: options.pollMs ?? 200,
    maxRounds: options.maxRounds ?? 4,
  };
  const restartDelayMs = options.restartDelayMs ?? 1000;
  let current: Instance | null = null;
  const alive = new Set<Instance>();
  let wanted = false;
  let restart: ReturnType<typeof setTimeout> | null = null;
  let crashesInARow = 0;
  const counts = { starts: 0, checkpoints: 0, crashes: 0 };

  const hostThreshold = (pages: number) => {
    try {
      const db = host.db();
      if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`);
    } catch (e) {
      host.log('checkpoints: could not set the host connection’s wal_autocheckpoint', e);
    }
  };

  /** A worker ended (or could not start) without being asked to: back to the host's own checkpoints, and a restart later. */
  function crashed(why: string, ranMs: number): void {
    current = null;
    counts.crashes += 1;
    crashesInARow = ranMs >= MAX_RESTART_DELAY_MS ? 1 : crashesInARow + 1;
    hostThreshold(SQLITE_AUTOCHECKPOINT);
    if (!wanted) return;
    if (crashesInARow >= MAX_CRASHES) {
      host.log(`checkpoint worker stopped (${why}), ${crashesInARow} times in a row: it is left off and the database connection checkpoints by itself`);
      return;
    }
    const delay = Math.min(restartDelayMs * 2 ** (crashesInARow - 1), MAX_RESTART_DELAY_MS);
    host.log(`checkpoint worker stopped (${why}); the database connection checkpoints by itself until it starts again in ${delay} ms`);
    restart = setTimeout(() => {
      restart = null;
      if (wanted && !current) spawn();
    }, delay);
    restart.unref();
  }

  function spawn(): void {
    const control = new Int32Array(new SharedArrayBuffer(8));
    let worker: Worker;
    try {
      worker = startWorker(CHECKPOINT_SOURCE, { control: control.buffer, ...settings });
    } catch (e) {
      crashed(e instanceof Error ? e.message : String(e), 0);
      return;
    }
    const startedAt = Date.now();
    const instance: Instance = { worker, control, ready: false, error: null };
    current = instance;
    alive.add(instance);
    counts.starts += 1;
    // At once, not when the worker says it is ready: that message waits for the host's event loop,
    // which a burst of synchronous writes (or a benchmark) may not give back for a while.
    hostThreshold(HOST_SAFETY_NET);
    worker.on('message', (m: { ready?: true; checkpoint?: unknown; error?: string }) => {
      if (m.error !== undefined) instance.error = m.error;
      else if (m.ready) instance.ready = true;
      else if (m.checkpoint) {
        counts.checkpoints += 1;
        crashesInARow = 0;
      }
    });
    worker.on('error', (e) => {
      instance.error = e instanceof Error ? e.message : String(e);
    });
    worker.once('exit', (code) => {
      alive.delete(instance);
      if (instance === current) crashed(instance.error ?? `exit code ${code}`, Date.now() - startedAt);
    });
    // Never what keeps a process (or a test run) alive; after the listeners, since adding a
    // 'message' listener refs the worker again.
    worker.unref();
  }

  /** Stops `instance`, waiting (blocking, bounded) until its connection is closed. */
  function halt(instance: Instance): void {
    const { control } = instance;
    Atomics.store(control, STOP, 1);
    Atomics.notify(control, STOP);
    // A worker that has not opened its connection yet never will.
    if (Atomics.compareExchange(control, STATE, BOOTING, CANCELLED) === OPEN && !waitWhileOpen(control)) {
      host.log(`checkpoint worker did not close its connection within ${STOP_WAIT_MS} ms; it is ended`);
    }
    void instance.worker.terminate();
  }

  return {
    start() {
      wanted = true;
      if (!current && !restart) spawn();
    },
    stop() {
      wanted = false;
      if (restart) clearTimeout(restart);
      restart = null;
      const instance = current;
      current = null;
      if (instance) halt(instance);
      hostThreshold(SQLITE_AUTOCHECKPOINT);
    },
    status: () => ({ running: current?.ready === true, threads: alive.size, ...counts }),
    async kill() {
      if (current) await current.worker.terminate();
    },
  };
}

function waitWhileOpen(control: Int32Array): boolean {
  const end = Date.now() + STOP_WAIT_MS;
  while (Atomics.load(control, STATE) === OPEN) {
    const left = end - Date.now();
    if (left <= 0) return false;
    try {
      Atomics.wait(control, STATE, OPEN, left);
    } catch {
      // A thread that may not block (Chromium's rule for a browser's main thread): wait by spinning.
    }
  }
  return true;
}

/** The WAL's length and how much of it is already in the database file, from the wal-index (-shm) header. */
export function walIndex(file: string): { frames: number; backfilled: number } {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(`${file}-shm`, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const word = (at: number) => (endianness() === 'LE' ? header.readUInt32LE(at) : header.readUInt32BE(at));
  return { frames: word(MX_FRAME_AT), backfilled: word(BACKFILL_AT) };
}
