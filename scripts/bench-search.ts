/**
 * `npm run bench:search [-- --clients 200000]`: client search on a large table, through
 * dispatch, beside the floors it must be compared with — the same FTS5 statement run directly
 * on the connection, and a plain `LIKE '%…%'` scan over the normalized names (what search
 * would cost without the index). Prints p50/p95 in milliseconds. Not a test: run by hand.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { typedCall } from '../electron/core/api/dispatch';
import { newId } from '../electron/core/domain/ids';
import { withCheckDigit } from '../electron/core/domain/nationalId';
import { normalizeForSearch } from '../electron/core/domain/normalize';
import { createCore } from '../electron/core';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '200000' }, rounds: { type: 'string', default: '400' } } });
const N = Number(values.clients);
const ROUNDS = Number(values.rounds);

const FIRST = ['محمد', 'علي', 'حسین', 'رضا', 'مهدی', 'فاطمه', 'زهرا', 'مريم', 'معصومه', 'سکینه', 'طاهره', 'ابوالفضل', 'امیر\u200cحسین', 'کوثر'];
const LAST = ['احمدی', 'محمدي', 'کریمی', 'رضائی', 'حسینی', 'نوروزی', 'عبدالهی', 'صادقی', 'جعفری', 'كاظمی', 'قاسمی', 'میر\u200cحسینی', 'یزدانی', 'طاهری', 'شریفی', 'موسوی', 'رحیمی', 'اکبری', 'سلیمانی', 'مرادی'];
const FATHER = ['حسن', 'قربان', 'اکبر', 'غلامرضا', 'نصرالله', 'ابراهیم', 'یدالله', 'عزیز'];

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function measure(fn: (i: number) => unknown): { p50: number; p95: number } {
  for (let i = 0; i < 20; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const dir = mkdtempSync(join(tmpdir(), 'didar-bench-'));
try {
  const core = createCore({ file: join(dir, 'didar.db') });
  const admin = typedCall(core.dispatch, null)('auth.setup', { username: 'admin', displayName: 'مدیر', password: 'bench-password-1' });
  if (!admin.ok) throw new Error(admin.error.message);
  const call = typedCall(core.dispatch, admin.value.token);
  const t0 = Date.now();
  const insert = core.db.prepare(
    `INSERT INTO clients (id, national_id, first_name, last_name, father_name, sex, circumstances, search_text, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  core.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const father = pick(FATHER);
      insert.run(newId(), withCheckDigit(String(100_000_000 + i * 7).slice(-9)), first, last, father, i % 2 ? 'male' : 'female', normalizeForSearch(`${first} ${last} ${father}`), admin.value.user.userId, now, now);
    }
  })();
  const loadSeconds = (Date.now() - t0) / 1000;

  const nameQueries = ['کاظمی', 'علی کاظ', 'ميرحسيني', 'فاطمه رضا', 'محمد شریف', 'سلیما', 'کوثر موسوی یدالله', 'ناموجود'];
  const idQueries = ['۱۰۰۰۰', '1000123', '۱۰۰۲۳'];
  const fts = core.db.prepare(
    `SELECT cl.* FROM clients cl WHERE cl.rowid IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ? LIMIT 20) ORDER BY cl.last_name, cl.first_name`,
  );
  const like = core.db.prepare(`SELECT * FROM clients WHERE search_text LIKE ? LIMIT 20`);
  const ftsQuery = (q: string) => normalizeForSearch(q).split(' ').map((w) => `"${w}"*`).join(' ');

  const rows = [
    ['name, through dispatch', measure((i) => call('clients.search', { query: nameQueries[i % nameQueries.length]! }))],
    ['name, same FTS5 statement direct', measure((i) => fts.all(ftsQuery(nameQueries[i % nameQueries.length]!)))],
    ['name, LIKE %…% scan (no index)', measure((i) => like.all(`%${normalizeForSearch(nameQueries[i % nameQueries.length]!)}%`))],
    ['national-ID prefix, through dispatch', measure((i) => call('clients.search', { query: idQueries[i % idQueries.length]! }))],
  ] as const;

  console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}`);
  console.log(`clients: ${N.toLocaleString('en')} (loaded in ${loadSeconds.toFixed(1)} s), database ${(statSync(join(dir, 'didar.db')).size / 2 ** 20).toFixed(0)} MiB + WAL`);
  console.log(`rounds: ${ROUNDS} per figure\n`);
  console.log('| figure | p50 ms | p95 ms |');
  console.log('|---|---|---|');
  for (const [name, r] of rows) console.log(`| ${name} | ${r.p50.toFixed(3)} | ${r.p95.toFixed(3)} |`);
  const ratio = rows[0][1].p95 / rows[1][1].p95;
  console.log(`\ndispatch / direct (p95): ${ratio.toFixed(2)}×`);
  core.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
