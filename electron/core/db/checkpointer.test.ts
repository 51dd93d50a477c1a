import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../index';
import { waitFor } from '../testing/waitFor';
import { ADMIN_PASSWORD, countIn, createOpenMeeting, createTempCore, firstCategoryId, logIn, must, registerVisitor, type Call, type TempCore } from '../testing/tempCore';
import { HOST_SAFETY_NET, SQLITE_AUTOCHECKPOINT, walIndex, type Checkpointer } from './checkpointer';

/**
 * The WAL checkpoint worker (checkpointer.ts) on real files. What proves that the worker, not the
 * host's connection, checkpointed: the host's own autocheckpoint only runs in a commit that
 * leaves at least HOST_SAFETY_NET frames in the WAL, and the WAL never gets near that here, yet
 * it is copied into the database file and starts over.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function tempCore(): TempCore {
  const t = createTempCore();
  cleanups.push(() => t.cleanup());
  return t;
}

/** A core made with createCore's own options, on a file in a fresh temporary folder. */
function bareCore(options: Omit<Parameters<typeof createCore>[0], 'file'> = {}): { core: Core; file: string; logs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'didar-checkpoints-'));
  const file = join(dir, 'didar.sqlite');
  const logs: string[] = [];
  const core = createCore({ file, log: (message) => logs.push(message), ...options });
  cleanups.push(() => {
    if (core.db.open) core.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { core, file, logs };
}

const hostThreshold = (core: Core) => core.db.pragma('wal_autocheckpoint', { simple: true });
const pending = (file: string) => {
  const w = walIndex(file);
  return w.frames - w.backfilled;
};
const whollyCheckpointed = (file: string) => () => {
  const w = walIndex(file);
  return w.backfilled >= w.frames;
};

/** Writes `pages` pages straight on the host's connection, in commits of 20. */
function writePages(core: Core, pages: number): void {
  core.db.exec('CREATE TABLE IF NOT EXISTS pad (id INTEGER PRIMARY KEY, fill BLOB NOT NULL)');
  const insert = core.db.prepare('INSERT INTO pad (fill) VALUES (zeroblob(3000))');
  const commit = core.db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run();
  });
  for (let left = pages; left > 0; left -= 20) commit(Math.min(20, left));
}

async function running(checkpointer: Checkpointer | null): Promise<Checkpointer> {
  expect(checkpointer).not.toBeNull();
  await waitFor(() => checkpointer!.status().running);
  return checkpointer!;
}

/**
 * Intakes through dispatch until the WAL holds the worker's threshold; then the worker copies
 * it into the database file, and the next intake starts the WAL over. Returns the most frames seen.
 */
async function oneCycle(file: string, intake: () => void): Promise<number> {
  let most = 0;
  while (pending(file) < SQLITE_AUTOCHECKPOINT) {
    intake();
    most = Math.max(most, walIndex(file).frames);
  }
  await waitFor(whollyCheckpointed(file));
  intake();
  expect(walIndex(file).frames).toBeLessThan(most);
  return most;
}

describe('the checkpoint worker', () => {
  it('checkpoints the WAL as the desks write: it stays bounded and starts over, and the host connection never checkpointed', async () => {
    const t = tempCore();
    const admin = t.as(t.setupAdmin());
    const meetingId = createOpenMeeting(admin);
    const categoryId = firstCategoryId(admin);
    const checkpointer = await running(t.core.checkpointer);
    expect(hostThreshold(t.core)).toBe(HOST_SAFETY_NET);
    let seed = 0;
    let most = 0;
    for (let cycle = 0; cycle < 3; cycle++) most = Math.max(most, await oneCycle(t.file, () => registerVisitor(admin, meetingId, categoryId, ++seed)));
    // The WAL never came near the host's own threshold, yet it was checkpointed three times.
    expect(most).toBeLessThan(SQLITE_AUTOCHECKPOINT + 100);
    expect(hostThreshold(t.core)).toBe(HOST_SAFETY_NET);
    expect(checkpointer.status()).toMatchObject({ running: true, starts: 1, crashes: 0 });
    expect(checkpointer.status().checkpoints).toBeGreaterThanOrEqual(3);
    expect(countIn(t.core, 'clients')).toBe(seed);
    expect(t.internalErrors).toEqual([]);
  });

  it('core.close() stops the worker before the connection closes: the WAL file is gone and the thread ends', async () => {
    const { core, file } = bareCore();
    const checkpointer = await running(core.checkpointer);
    writePages(core, 300);
    expect(existsSync(`${file}-wal`)).toBe(true);
    const stop = checkpointer.stop.bind(checkpointer);
    const hostOpenAtStop: boolean[] = [];
    vi.spyOn(checkpointer, 'stop').mockImplementation(() => {
      hostOpenAtStop.push(core.db.open);
      stop();
    });
    core.close();
    expect(hostOpenAtStop).toEqual([true]);
    // The last connection to close checkpoints and removes the WAL: the host's, the worker's being closed.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(checkpointer.status().running).toBe(false);
    await waitFor(() => checkpointer.status().threads === 0);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM pad').get()).toEqual({ n: 300 });
    db.close();
  });

  it('a core closed at once, while its worker is still starting, closes without waiting and leaves nothing behind', async () => {
    const { core, file } = bareCore();
    core.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    await waitFor(() => core.checkpointer!.status().threads === 0);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });

  it('never keeps a process alive: one that leaves its core open ends when its work is done', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'didar-checkpoints-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const script = join(dir, 'leaves-open.ts');
    writeFileSync(
      script,
      `import { createCore } from ${JSON.stringify(resolve('electron/core/index.ts'))};
const core = createCore({ file: ${JSON.stringify(join(dir, 'didar.sqlite'))} });
const timer = setInterval(() => {
  if (!core.checkpointer?.status().running) return;
  clearInterval(timer);
  console.log('running');
}, 5);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    let code: number | null = null;
    child.once('exit', (c) => (code = c ?? -1));
    cleanups.push(() => child.kill('SIGKILL'));
    await waitFor(() => code !== null, 15_000);
    expect({ code, out: out.trim() }).toEqual({ code: 0, out: 'running' });
  });

  it('can be turned off: the host connection checkpoints by itself, as SQLite does', () => {
    const { core } = bareCore({ checkpointer: false });
    expect(core.checkpointer).toBeNull();
    expect(hostThreshold(core)).toBe(SQLITE_AUTOCHECKPOINT);
  });

  it('a killed worker loses nothing and stops nothing: the host checkpoints by itself until the worker is back', async () => {
    const { core, file, logs } = bareCore({ checkpointer: { restartDelayMs: 20 } });
    const checkpointer = await running(core.checkpointer);
    // Killed just as it starts copying, or right after.
    writePages(core, 2000);
    await waitFor(() => walIndex(file).backfilled > 0);
    await checkpointer.kill();
    expect(logs).toEqual([expect.stringContaining('checkpoint worker stopped')]);
    expect(hostThreshold(core)).toBe(SQLITE_AUTOCHECKPOINT);
    // The desks go on.
    writePages(core, 500);
    await waitFor(() => checkpointer.status().running);
    expect(checkpointer.status()).toMatchObject({ starts: 2, crashes: 1 });
    expect(hostThreshold(core)).toBe(HOST_SAFETY_NET);
    // The new worker checkpoints.
    await oneCycle(file, () => writePages(core, 20));
    const written = (core.db.prepare('SELECT count(*) AS n FROM pad').get() as { n: number }).n;
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    core.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM pad').get()).toEqual({ n: written });
    expect(written).toBeGreaterThan(2500);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(logs).toHaveLength(1);
  });
});

describe('the checkpoint worker across a restore', () => {
  let t: TempCore;
  let admin: Call;
  let meetingId: string;
  let categoryId: string;

  async function setup(): Promise<{ checkpointer: Checkpointer; backup: string }> {
    t = tempCore();
    admin = t.as(t.setupAdmin());
    meetingId = createOpenMeeting(admin);
    categoryId = firstCategoryId(admin);
    for (let seed = 1; seed <= 5; seed++) registerVisitor(admin, meetingId, categoryId, seed);
    mkdirSync(join(t.dir, 'backups'), { recursive: true });
    const checkpointer = await running(t.core.checkpointer);
    const { name } = must(admin('backup.make', {}));
    await t.core.backups.idle();
    registerVisitor(admin, meetingId, categoryId, 42);
    return { checkpointer, backup: name };
  }

  /** Records, each time the worker is stopped, whether the host's connection of before the restore and its file were still in place. */
  function watchStops(checkpointer: Checkpointer) {
    const old = t.core.db;
    const seen: { oldConnectionOpen: boolean; fileInPlace: boolean; runningAfter: boolean }[] = [];
    const stop = checkpointer.stop.bind(checkpointer);
    vi.spyOn(checkpointer, 'stop').mockImplementation(() => {
      const before = { oldConnectionOpen: t.core.db === old && old.open, fileInPlace: existsSync(t.file) && !existsSync(`${t.file}.replaced`) };
      stop();
      seen.push({ ...before, runningAfter: checkpointer.status().running });
    });
    return seen;
  }

  const hasClient = (seed: number) => (t.core.db.prepare('SELECT count(*) AS n FROM clients WHERE last_name = ?').get(`شماره ${seed}`) as { n: number }).n === 1;

  it('closes the worker’s connection before the swap and starts it on the restored file, which it then checkpoints', async () => {
    const { checkpointer, backup } = await setup();
    const stops = watchStops(checkpointer);
    must(admin('backup.restore', { backupName: backup }));
    await t.core.backups.idle();
    expect(must(t.as(logIn(t, 'admin', ADMIN_PASSWORD))('backup.list', {})).last).toMatchObject({ kind: 'restore', ok: true });
    expect(hasClient(42)).toBe(false);
    // Stopped while the old connection was open and the file in place, i.e. before the swap closed and moved it.
    expect(stops[0]).toEqual({ oldConnectionOpen: true, fileInPlace: true, runningAfter: false });
    await running(checkpointer);
    expect(checkpointer.status()).toMatchObject({ starts: 2, crashes: 0 });
    expect(hostThreshold(t.core)).toBe(HOST_SAFETY_NET);
    const again = t.as(logIn(t, 'admin', ADMIN_PASSWORD));
    let seed = 100;
    const before = checkpointer.status().checkpoints;
    await oneCycle(t.file, () => registerVisitor(again, meetingId, categoryId, ++seed));
    expect(checkpointer.status().checkpoints).toBeGreaterThan(before);
    expect(hasClient(seed)).toBe(true);
    expect(t.internalErrors).toEqual([]);
  });

  it('when the swap is put back, the worker starts again on the old file', async () => {
    const { checkpointer, backup } = await setup();
    const stops = watchStops(checkpointer);
    // The staged copy goes bad after its check, while the before-restore copy is made: the swap cannot open it.
    const staged = `${t.file}.restoring`;
    let spoiled = false;
    t.core.onEvent((e) => {
      if (e.name !== 'backup.changed' || spoiled || t.core.backups.overview(t.core.db).job?.phase !== 'before-restore') return;
      spoiled = true;
      const fd = openSync(staged, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
      closeSync(fd);
    });
    must(admin('backup.restore', { backupName: backup }));
    await t.core.backups.idle();
    expect(spoiled).toBe(true);
    expect(must(admin('backup.list', {})).last).toMatchObject({ kind: 'restore', ok: false });
    expect(hasClient(42)).toBe(true);
    expect(stops[0]).toEqual({ oldConnectionOpen: true, fileInPlace: true, runningAfter: false });
    await running(checkpointer);
    expect(checkpointer.status()).toMatchObject({ starts: 2, crashes: 0 });
    expect(hostThreshold(t.core)).toBe(HOST_SAFETY_NET);
    let seed = 200;
    await oneCycle(t.file, () => registerVisitor(admin, meetingId, categoryId, ++seed));
    expect(hasClient(seed)).toBe(true);
    expect(t.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
