import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Runs a small plain-JavaScript program in a worker thread (no TypeScript loader is needed
 * there, so it works the same under tsx, vitest and the bundled desktop app). better-sqlite3
 * is loaded in the worker from the path resolved here. The program posts `{progress}` messages
 * (passed to `onProgress`), then one `{done}` or `{error}`; the promise settles with it.
 */
export const DRIVER_PATH = createRequire(import.meta.url).resolve('better-sqlite3');

export interface WorkerRun<T> {
  result: Promise<T>;
  /** Stops the worker; the promise rejects. */
  abort(): void;
}

/** Starts `source` in a worker thread; it finds better-sqlite3 at `workerData.driver` (the long-lived checkpoint worker uses this directly). */
export function startWorker(source: string, data: Record<string, unknown>): Worker {
  return new Worker(source, { eval: true, workerData: { driver: DRIVER_PATH, ...data } });
}

export function runWorker<T>(source: string, data: Record<string, unknown>, onProgress?: (value: number) => void): WorkerRun<T> {
  const worker = startWorker(source, data);
  let settled = false;
  const result = new Promise<T>((resolve, reject) => {
    worker.on('message', (m: { progress?: number; done?: T; error?: string }) => {
      if (m.progress !== undefined) onProgress?.(m.progress);
      else if (m.error !== undefined) {
        settled = true;
        reject(new Error(m.error));
      } else if ('done' in m) {
        settled = true;
        resolve(m.done as T);
      }
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker stopped (exit code ${code})`));
    });
  });
  return { result, abort: () => void worker.terminate() };
}
