import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyMigrations, pendingMigrations } from '../../electron/core/db/migrate';
import { generateProvince } from '../province/generate';
import type { DataSize } from './results';

/** The province generated when no --db is given: a tenth of the full province, over the same five years. */
export const DEFAULT_DB = 'bench/data/province.db';
export const DEFAULT_PROVINCE = { clients: 100_000, visits: 300_000, requests: 500_000, years: 5, end: '2026-11-20', seed: 1404 };

/**
 * The database to measure: the one given, or the default province (generated on first use, with
 * a message saying the figures are then for that size). Returns whether it was generated now.
 */
export function ensureDatabase(file: string | undefined, log: (line: string) => void): { file: string; generatedNow: boolean } {
  if (file) {
    if (!existsSync(file)) throw new Error(`--db ${file}: no such file (generate one with npx tsx scripts/province/generate.ts --out ${file})`);
    return { file, generatedNow: false };
  }
  if (existsSync(DEFAULT_DB)) return { file: DEFAULT_DB, generatedNow: false };
  const p = DEFAULT_PROVINCE;
  log(`No --db given and ${DEFAULT_DB} does not exist: generating a province of ${p.clients.toLocaleString('en')} clients, ` +
    `${p.visits.toLocaleString('en')} visits and ${p.requests.toLocaleString('en')} requests over ${p.years} years (a few minutes).`);
  log('The figures are then for that size; the full province is 1,000,000 clients: npx tsx scripts/province/generate.ts --out FILE, then --db FILE.');
  mkdirSync(dirname(DEFAULT_DB), { recursive: true });
  generateProvince({ out: DEFAULT_DB, ...p, log: (line) => log(`  ${line}`) });
  return { file: DEFAULT_DB, generatedNow: true };
}

/**
 * Brings a benchmark database's schema up to date in place. The program copies a database
 * before migrating it (`VACUUM INTO`); for generated data that copy (11 GB for the full
 * province) protects nothing, so the benchmark applies the same migrations without it.
 */
export function migrateInPlace(file: string, log: (line: string) => void): void {
  const db = new Database(file);
  try {
    const pending = pendingMigrations(db);
    if (pending.length === 0) return;
    log(`Migrating the benchmark database in place to version ${pending.at(-1)!.version} (${pending.map((m) => m.name).join(', ')}); generated data, so no copy first.`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, pending);
  } finally {
    db.close();
  }
}

/**
 * Takes away the planner's statistics (`sqlite_stat1`, `sqlite_stat4`) from a benchmark
 * database that has them: generators before issue 9 ran ANALYZE, which the program never does.
 * With STAT4 statistics SQLite prepares a statement again whenever a bound value might change
 * its plan, and the figures would be those of a database no desk ever has.
 */
export function dropStatistics(file: string, log: (line: string) => void): void {
  const db = new Database(file);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4')").pluck().all() as string[];
    const rows = tables.reduce((n, t) => n + (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0);
    if (rows === 0) return;
    log(`Removing the planner's statistics from the benchmark database (${tables.join(', ')}): the program never runs ANALYZE, so its databases have none.`);
    db.transaction(() => {
      for (const t of tables) db.exec(`DELETE FROM ${t}`);
    }).immediate();
  } finally {
    db.close();
  }
}

/** The data's size: the file (with its WAL) and its rows. */
export function dataSize(db: Database.Database, file: string, generatedNow: boolean): DataSize {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
  return {
    file,
    bytes: statSync(file).size + wal,
    clients: count('clients'),
    visits: count('visits'),
    requests: count('requests'),
    instructions: count('instructions'),
    followUps: count('follow_ups'),
    meetings: count('meetings'),
    generatedNow,
  };
}
