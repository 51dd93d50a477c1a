import { closeSync, openSync, readSync } from 'node:fs';
import { runWorker } from './worker';

/**
 * Checking a backup: open it read-only, `PRAGMA integrity_check`, read its schema version
 * (`user_version`) and make sure Didar's tables are in it. The check reads the whole file, so
 * it runs in a worker thread: the host keeps answering desks while a large copy is checked.
 */

export type CheckProblem = 'not_sqlite' | 'corrupt' | 'newer' | 'not_didar' | 'unreadable';

export interface CheckResult {
  ok: boolean;
  /** When it was checked (UTC ISO). */
  at: string;
  userVersion: number | null;
  problem: CheckProblem | null;
  /** SQLite's own words (the first integrity_check lines, or the error), for the log; never shown to a desk. */
  detail: string;
}

/** Tables every Didar database has had since its first version. */
export const DIDAR_TABLES = ['users', 'sessions', 'settings', 'audit_log', 'clients', 'meetings', 'visits', 'requests'] as const;

const MAGIC = 'SQLite format 3\0';

/**
 * What the first 100 bytes say (no SQLite needed, instant): whether it is an SQLite file at all
 * and its `user_version` (bytes 60–63, big-endian). Refuses garbage and files from a newer
 * program before anything else runs.
 */
export function headerProblem(file: string, latestVersion: number): { problem: CheckProblem; userVersion: number | null } | null {
  const header = Buffer.alloc(100);
  let read = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return { problem: 'unreadable', userVersion: null };
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== MAGIC) return { problem: 'not_sqlite', userVersion: null };
  const userVersion = header.readUInt32BE(60);
  if (userVersion > latestVersion) return { problem: 'newer', userVersion };
  if (userVersion === 0) return { problem: 'not_didar', userVersion };
  return null;
}

/** Plain JavaScript run in the worker (no TypeScript loader there): the driver's path comes in workerData. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const userVersion = db.pragma('user_version', { simple: true });
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => r.name);
  const integrity = db.pragma('integrity_check(20)').map((r) => String(Object.values(r)[0]));
  parentPort.postMessage({ done: { userVersion, tables, integrity } });
} catch (e) {
  parentPort.postMessage({ done: { error: String((e && e.code) || '') + ' ' + String((e && e.message) || e) } });
} finally {
  if (db && db.open) db.close();
}
`;

interface WorkerAnswer {
  userVersion?: number;
  tables?: string[];
  integrity?: string[];
  error?: string;
}

function runCheckWorker(file: string): Promise<WorkerAnswer> {
  return runWorker<WorkerAnswer>(WORKER_SOURCE, { file }).result.catch((e: unknown) => ({ error: String(e) }));
}

/** The full check of a backup file (in a worker thread). */
export async function checkBackupFile(file: string, latestVersion: number, now: () => Date): Promise<CheckResult> {
  const at = () => now().toISOString();
  const early = headerProblem(file, latestVersion);
  if (early) return { ok: false, at: at(), userVersion: early.userVersion, problem: early.problem, detail: early.problem };
  const answer = await runCheckWorker(file);
  if (answer.error !== undefined) {
    const problem: CheckProblem = /NOTADB|not a database/i.test(answer.error) ? 'not_sqlite' : /CORRUPT|malformed/i.test(answer.error) ? 'corrupt' : 'unreadable';
    return { ok: false, at: at(), userVersion: null, problem, detail: answer.error.trim() };
  }
  const userVersion = answer.userVersion ?? 0;
  const integrity = answer.integrity ?? [];
  if (integrity.length !== 1 || integrity[0] !== 'ok') return { ok: false, at: at(), userVersion, problem: 'corrupt', detail: integrity.join('\n').slice(0, 2000) };
  if (userVersion > latestVersion) return { ok: false, at: at(), userVersion, problem: 'newer', detail: `user_version ${userVersion}` };
  const missing = DIDAR_TABLES.filter((t) => !(answer.tables ?? []).includes(t));
  if (userVersion === 0 || missing.length > 0) return { ok: false, at: at(), userVersion, problem: 'not_didar', detail: `missing: ${missing.join(', ')}` };
  return { ok: true, at: at(), userVersion, problem: null, detail: 'ok' };
}
