/**
 * How much a backup holds up the host's desks (docs/PERFORMANCE.md, "Backups").
 *
 *   npx tsx scripts/bench-backup.ts --db /tmp/big.db [--pages 64,256,1024] [--sync 2048] [--pause 1] [--writes] [--check]
 *   npx tsx scripts/bench-backup.ts --db /tmp/big.db --inline --pages 100,1000 --writes
 *   npx tsx scripts/bench-backup.ts --db /tmp/province5.db --readonly --pages 256
 *
 * For each pages-per-step value the database is copied as the host copies it (makeBackup: the
 * online backup API in a worker thread, flushed every `--sync` pages, pausing `--pause` ms a
 * step) while the event loop's delay is sampled every millisecond. `--inline` instead runs the
 * backup API on the host's own connection, on the event loop (the first design, for
 * comparison). `--writes` makes a desk's write (one small immediate transaction through the
 * host's connection, synchronous=FULL) every 20 ms during the copy and times each. `--check`
 * also times the copy's check (in its worker thread). `--baseline --writes` makes the same
 * writes for 5 s with no backup (the machine's own noise). `--readonly` opens the source read-only
 * (for a database that must not be changed; no --writes then). Each copy is deleted after its run.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { MIGRATIONS } from '../electron/core/db/migrations';
import { COPY_DEFAULTS, makeBackup } from '../electron/core/backup/makeBackup';
import { backupFileName } from '../electron/core/backup/names';
import { checkBackupFile } from '../electron/core/backup/verify';

/** Thrown from onChecking to stop makeBackup before its own check (timed separately with --check). */
class SkipCheck extends Error {}

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    pages: { type: 'string', default: String(COPY_DEFAULTS.pagesPerStep) },
    sync: { type: 'string', default: String(COPY_DEFAULTS.syncEveryPages) },
    pause: { type: 'string', default: String(COPY_DEFAULTS.pauseMs) },
    inline: { type: 'boolean', default: false },
    /** No copy at all: the same writes for 5 s, to see what the machine costs them without a backup. */
    baseline: { type: 'boolean', default: false },
    readonly: { type: 'boolean', default: false },
    writes: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
if (!values.db || (values.readonly && values.writes)) {
  console.error('--db FILE is required; --writes needs a database it may write to (not --readonly)');
  process.exit(1);
}

const ms = (ns: number) => (ns / 1e6).toFixed(0);
const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function sampleLoop() {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  return async () => {
    await sleep(20); // a block at the very end shows only once the loop turns again
    histogram.disable();
    return { p99: histogram.percentile(99), max: histogram.max };
  };
}

const folder = mkdtempSync(join(tmpdir(), 'didar-bench-backup-'));
const sourceBytes = statSync(values.db).size;
const latest = MIGRATIONS.at(-1)!.version;
const mode = values.baseline ? 'no backup (baseline)' : values.inline ? 'inline on the host connection' : `worker, flush every ${values.sync} pages, pause ${values.pause} ms`;
console.log(`source: ${values.db} (${(sourceBytes / 1048576).toFixed(0)} MiB); ${mode}`);
console.log('| pages per step | copy time | MiB/s | loop delay p99 | loop delay max | desk writes | write p50 | write p99 | write max |');
console.log('|---|---|---|---|---|---|---|---|---|');

for (const pagesPerStep of values.pages!.split(',').map(Number)) {
  const db = new Database(values.db, values.readonly ? { readonly: true, fileMustExist: true } : {});
  db.pragma('busy_timeout = 5000');
  if (!values.readonly) db.pragma('synchronous = FULL');
  const name = backupFileName(new Date(), 'manual');
  const writes: number[] = [];
  let writer: ReturnType<typeof setInterval> | null = null;
  if (values.writes) {
    db.exec('CREATE TABLE IF NOT EXISTS bench_desk_writes (at TEXT)');
    const insert = db.prepare('INSERT INTO bench_desk_writes (at) VALUES (?)');
    writer = setInterval(() => {
      const t0 = performance.now();
      db.transaction(() => insert.run(new Date().toISOString())).immediate();
      writes.push(performance.now() - t0);
    }, 20);
  }
  const stop = sampleLoop();
  const t0 = performance.now();
  if (values.baseline) {
    await sleep(5000);
  } else if (values.inline) {
    await db.backup(join(folder, name), { progress: () => pagesPerStep });
  } else {
    try {
      await makeBackup({
        db,
        folder,
        name,
        reason: 'manual',
        createdAt: new Date().toISOString(),
        latestVersion: latest,
        now: () => new Date(),
        copy: { pagesPerStep, syncEveryPages: Number(values.sync), pauseMs: Number(values.pause) },
        onChecking: () => {
          throw new SkipCheck();
        },
      });
    } catch (e) {
      if (!(e instanceof SkipCheck)) throw e;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const loop = await stop();
  if (writer) clearInterval(writer);
  const w = [...writes].sort((a, b) => a - b);
  const f = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `| ${pagesPerStep} | ${seconds.toFixed(1)} s | ${(sourceBytes / 1048576 / seconds).toFixed(0)} | ${ms(loop.p99)} ms | ${ms(loop.max)} ms | ${w.length || '—'} | ${w.length ? `${f(at(w, 50))} | ${f(at(w, 99))} | ${f(w.at(-1)!)}` : '— | — | —'} |`,
  );
  if (values.check) {
    const stopCheck = sampleLoop();
    const c0 = performance.now();
    const result = await checkBackupFile(join(folder, name), latest, () => new Date());
    const checkLoop = await stopCheck();
    console.log(`  check (worker thread): ${((performance.now() - c0) / 1000).toFixed(1)} s, ${result.ok ? 'ok' : result.problem}; loop delay meanwhile p99 ${ms(checkLoop.p99)} ms, max ${ms(checkLoop.max)} ms`);
  }
  if (values.writes) db.exec('DROP TABLE bench_desk_writes');
  db.close();
  for (const suffix of ['', '.json', '-wal', '-shm', '-journal']) rmSync(join(folder, name + suffix), { force: true });
}
rmSync(folder, { recursive: true, force: true });
