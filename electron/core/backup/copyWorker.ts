import { runWorker, type WorkerRun } from './worker';

/**
 * The copy itself, in a worker thread with its own read-only connection to the live file:
 * a read transaction is held for the whole copy, so the online backup API copies one
 * consistent snapshot (the moment the backup began) and never starts over, while the host's
 * connection keeps writing (WAL lets readers and the writer work at once). Nothing of it runs
 * on the host's event loop — in particular not the final commit, whose fsync of the whole copy
 * blocked the loop for ~0.6 s per 200 MiB when the copy ran on the host's own connection
 * (docs/PERFORMANCE.md). Between steps the copy is flushed to disk (fdatasync) and pauses a
 * little, so the desks' own commits (synchronous=FULL) never queue behind a large backlog of
 * backup writes. Then the copy is switched to a self-contained single file (journal_mode
 * DELETE) and flushed once more.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const pause = new Int32Array(new SharedArrayBuffer(4));
(async () => {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true });
  let fd = null;
  try {
    source.pragma('busy_timeout = 5000');
    source.prepare('BEGIN').run();
    source.prepare('SELECT count(*) FROM sqlite_schema').get();
    const sourceVersion = source.pragma('user_version', { simple: true });
    let sinceSync = 0;
    let lastReported = -1;
    await source.backup(workerData.dest, {
      progress: ({ totalPages, remainingPages }) => {
        const fraction = totalPages > 0 ? 1 - remainingPages / totalPages : 1;
        if (fraction - lastReported >= 0.01) {
          lastReported = fraction;
          parentPort.postMessage({ progress: fraction });
        }
        sinceSync += workerData.pagesPerStep;
        if (sinceSync >= workerData.syncEveryPages) {
          sinceSync = 0;
          if (fd === null) fd = fs.openSync(workerData.dest, 'r+');
          fs.fdatasyncSync(fd);
        }
        if (workerData.pauseMs > 0) Atomics.wait(pause, 0, 0, workerData.pauseMs);
        return workerData.pagesPerStep;
      },
    });
    source.prepare('COMMIT').run();
    source.close();
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    const copy = new Database(workerData.dest);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const last = fs.openSync(workerData.dest, 'r+');
    fs.fsyncSync(last);
    fs.closeSync(last);
    parentPort.postMessage({ done: { sourceVersion } });
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    if (source.open) source.close();
    parentPort.postMessage({ error: String((e && e.code) || '') + ' ' + String((e && e.message) || e) });
  }
})();
`;

export interface CopyOptions {
  /** Pages per step of the online backup. */
  pagesPerStep: number;
  /** fdatasync the copy after this many pages. */
  syncEveryPages: number;
  /** Pause after each step (ms), leaving the disk to the desks. */
  pauseMs: number;
}

export function copyInWorker(source: string, dest: string, options: CopyOptions, onProgress?: (fraction: number) => void): WorkerRun<{ sourceVersion: number }> {
  return runWorker(SOURCE, { source, dest, ...options }, onProgress);
}
