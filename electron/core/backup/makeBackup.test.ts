import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../db/migrations';
import { createOpenMeeting, createTempCore, firstCategoryId, must, registerVisitor, type Call, type TempCore } from '../testing/tempCore';
import { readSidecar } from './folder';
import { makeBackup } from './makeBackup';
import { backupFileName } from './names';

const LATEST = MIGRATIONS.at(-1)!.version;
/** Small, slow steps: the copy takes long enough for many writes to land while it runs. */
const SLOW = { pagesPerStep: 4, syncEveryPages: 64, pauseMs: 2 };
let t: TempCore;
let admin: Call;
let meetingId: string;
let categoryId: string;
let folder: string;
beforeEach(() => {
  t = createTempCore();
  admin = t.as(t.setupAdmin());
  meetingId = createOpenMeeting(admin);
  categoryId = firstCategoryId(admin);
  // Enough pages that the copy takes many steps.
  for (let seed = 1; seed <= 60; seed++) registerVisitor(admin, meetingId, categoryId, seed, { texts: ['درخواست '.repeat(40), 'مستمری '.repeat(40)] });
  folder = join(t.dir, 'backups');
});
afterEach(() => t.cleanup());

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;
const CLIENTS = 'SELECT count(*) AS n FROM clients';
const OTHER = `SELECT count(*) AS n FROM settings WHERE key LIKE 'other-%'`;

describe('a backup with the online backup API', () => {
  it('is one consistent snapshot while the host and another connection keep writing: complete, whole, checked and recorded', async () => {
    const other = new Database(t.file);
    other.pragma('busy_timeout = 5000');
    const insert = other.prepare(`INSERT INTO settings (key, value) VALUES (?, '1')`);
    let otherWrites = 0;
    let deskWrites = 0;
    // Desks register visitors through the host's dispatch; another connection writes too.
    const writers = setInterval(() => {
      insert.run(`other-${String(otherWrites++).padStart(4, '0')}`);
      registerVisitor(admin, meetingId, categoryId, 1000 + deskWrites++);
    }, 4);
    const clientsAtRequest = count(t.core.db, CLIENTS);
    let duringCopy = -1;
    const name = backupFileName(new Date('2026-04-01T06:00:00Z'), 'manual');
    let progressSeen = 0;
    let sidecar;
    try {
      sidecar = await makeBackup({
        db: t.core.db,
        folder,
        name,
        reason: 'manual',
        createdAt: '2026-04-01T06:00:00.000Z',
        latestVersion: LATEST,
        now: t.clock,
        copy: SLOW,
        onProgress: () => void (progressSeen += 1),
        onChecking: () => {
          duringCopy = deskWrites;
        },
      });
    } finally {
      clearInterval(writers);
      other.close();
    }
    // The desks were never held up: their writes went on while the copy ran.
    expect(duringCopy).toBeGreaterThan(5);
    expect(progressSeen).toBeGreaterThan(3);

    const copy = new Database(join(folder, name), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST);
      // One self-contained file: no -wal needed to read it.
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      // Complete: everything committed before the backup began is in it.
      expect(count(copy, CLIENTS)).toBeGreaterThanOrEqual(clientsAtRequest);
      // One moment in time: the other connection's rows are a gap-free prefix of what it wrote …
      const keys = (copy.prepare(`SELECT key FROM settings WHERE key LIKE 'other-%' ORDER BY key`).all() as { key: string }[]).map((r) => r.key);
      expect(keys).toEqual(keys.map((_, i) => `other-${String(i).padStart(4, '0')}`));
      expect(keys.length).toBeLessThan(otherWrites);
      // … and every intake in it is whole: each visit with both its requests, each client with a visit.
      const perVisit = (db: Database.Database) =>
        Object.fromEntries((db.prepare('SELECT visit_id, count(*) AS n FROM requests GROUP BY visit_id').all() as { visit_id: string; n: number }[]).map((r) => [r.visit_id, r.n]));
      const live = perVisit(t.core.db);
      const copied = perVisit(copy);
      expect(count(copy, 'SELECT count(*) AS n FROM visits')).toBe(Object.keys(copied).length);
      for (const [visit, n] of Object.entries(copied)) expect(n).toBe(live[visit]);
      expect(count(copy, `SELECT count(*) AS n FROM clients c WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.client_id = c.id)`)).toBe(0);
    } finally {
      copy.close();
    }
    expect(sidecar.check).toMatchObject({ ok: true, userVersion: LATEST, problem: null });
    expect(readSidecar(folder, name)?.check.ok).toBe(true);
    expect(readdirSync(folder).sort()).toEqual([name, `${name}.json`]);
    expect(count(t.core.db, OTHER)).toBe(otherWrites);
  });

  it('stops when the host closes, leaves no partial file, and the host goes on', async () => {
    const name = backupFileName(new Date('2026-04-01T08:00:00Z'), 'manual');
    const closing = new AbortController();
    const copying = makeBackup({
      db: t.core.db,
      folder,
      name,
      reason: 'manual',
      createdAt: '2026-04-01T08:00:00.000Z',
      latestVersion: LATEST,
      now: t.clock,
      copy: SLOW,
      signal: closing.signal,
      onProgress: (f) => {
        if (f > 0.2) closing.abort();
      },
    });
    await expect(copying).rejects.toThrow();
    expect(existsSync(join(folder, name))).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
    must(admin('clients.search', { query: 'مددجو' }));
  });
});
