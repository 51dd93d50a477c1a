import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, openSync, readdirSync, writeSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../api/audit';
import { openDatabase } from '../db/open';
import { MIGRATIONS } from '../db/migrations';
import { startOutboxSender } from '../outbox/sender';
import {
  ADMIN_PASSWORD,
  countIn,
  createOpenMeeting,
  createTempCore,
  firstCategoryId,
  logIn,
  must,
  mustFail,
  registerVisitor,
  type Call,
  type TempCore,
} from '../testing/tempCore';
import { followSwaps, setWritesPaused } from './liveDb';
import { backupFileName } from './names';
import { swapDatabase } from './restore';

const LATEST = MIGRATIONS.at(-1)!.version;
let t: TempCore;
let adminToken: string;
let admin: Call;
let meetingId: string;
let categoryId: string;
let folder: string;
beforeEach(() => {
  t = createTempCore();
  adminToken = t.setupAdmin();
  admin = t.as(adminToken);
  meetingId = createOpenMeeting(admin);
  categoryId = firstCategoryId(admin);
  for (let seed = 1; seed <= 5; seed++) registerVisitor(admin, meetingId, categoryId, seed);
  folder = join(t.dir, 'backups');
  mkdirSync(folder, { recursive: true });
});
afterEach(async () => {
  await t.core.backups.idle();
  t.cleanup();
});

async function backupNow(call: Call = admin): Promise<string> {
  const { name } = must(call('backup.make', {}));
  await t.core.backups.idle();
  return name;
}

const clientNames = () => (t.core.db.prepare('SELECT last_name FROM clients ORDER BY last_name').all() as { last_name: string }[]).map((r) => r.last_name);
const sqliteFiles = () => readdirSync(folder).filter((n) => n.endsWith('.sqlite')).sort();

/** A copy of a backup with `bytes` written over it at `offset`. */
function damagedCopy(source: string, reason: 'manual' | 'scheduled', at: string, offset: number, bytes: Buffer): string {
  const name = backupFileName(new Date(at), reason);
  copyFileSync(join(folder, source), join(folder, name));
  const fd = openSync(join(folder, name), 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
  return name;
}

/** What must stay the same when a restore is refused. */
function snapshot() {
  return { clients: clientNames(), visits: countIn(t.core, 'visits'), users: countIn(t.core, 'users'), files: sqliteFiles(), db: t.core.db };
}

describe('restore refuses a backup that fails its check, and changes nothing', () => {
  it('garbage over the file’s start: refused at once, naming the field, in Persian', async () => {
    const good = await backupNow();
    const bad = damagedCopy(good, 'manual', '2026-03-01T10:00:00Z', 0, Buffer.alloc(4096, 0x5a));
    const before = snapshot();
    const error = mustFail(admin('backup.restore', { backupName: bad }));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'backupName' });
    expect(error.message).toContain('پرونده پشتیبان سالم نیست');
    await t.core.backups.idle();
    expect(snapshot()).toEqual(before);
    const listed = must(admin('backup.list', {})).backups.find((b) => b.name === bad)!;
    expect(listed.check.state).toBe('failed');
  });

  it('garbage inside the file: the full check (integrity_check) fails, the job reports it, nothing is replaced', async () => {
    const good = await backupNow();
    const size = statSync(join(folder, good)).size;
    const bad = damagedCopy(good, 'scheduled', '2026-03-02T10:00:00Z', Math.floor(size / 2 / 4096) * 4096, Buffer.alloc(8192, 0x7f));
    registerVisitor(admin, meetingId, categoryId, 77);
    const before = snapshot();
    must(admin('backup.restore', { backupName: bad }));
    await t.core.backups.idle();
    const overview = must(admin('backup.list', {}));
    expect(overview.last).toMatchObject({ kind: 'restore', name: bad, ok: false, keptAs: null });
    expect(overview.last?.message).toMatch(/آسیب دیده است. چیزی جایگزین نشد/);
    expect(overview.backups.find((b) => b.name === bad)?.check.state).toBe('failed');
    // Same connection, same data, same files; the admin is still signed in; nothing staged is left.
    expect(snapshot()).toEqual(before);
    expect(readdirSync(t.dir).filter((n) => n.includes('restoring') || n.includes('replaced'))).toEqual([]);
    expect(t.events.some((e) => e.name === 'database.restored')).toBe(false);
    // The refusal is in the audit trail, and the chain is whole.
    expect(t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'restore.failed'`).get()).toEqual({ n: 1 });
    expect(verifyAudit(t.core.db).broken).toBeNull();
  });

  it('a backup from a newer program is refused at once', async () => {
    const good = await backupNow();
    const newer = backupFileName(new Date('2026-03-03T10:00:00Z'), 'manual');
    copyFileSync(join(folder, good), join(folder, newer));
    const db = new Database(join(folder, newer));
    db.pragma(`user_version = ${LATEST + 10}`);
    db.close();
    const before = snapshot();
    const error = mustFail(admin('backup.restore', { backupName: newer }));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'backupName' });
    expect(error.message).toContain('نسخه تازه‌تری از دیدار');
    expect(error.message).toContain(String(LATEST + 10).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!));
    await t.core.backups.idle();
    expect(snapshot()).toEqual(before);
  });

  it('an SQLite file that is not Didar’s is refused by the full check', async () => {
    const other = backupFileName(new Date('2026-03-04T10:00:00Z'), 'manual');
    const db = new Database(join(folder, other));
    db.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    db.pragma('user_version = 50');
    db.close();
    const before = snapshot();
    must(admin('backup.restore', { backupName: other }));
    await t.core.backups.idle();
    expect(must(admin('backup.list', {})).last?.message).toContain('پشتیبان دیدار نیست');
    expect(snapshot()).toEqual(before);
  });

  it('an unknown name or a file Didar did not name is not found', () => {
    writeFileSync(join(folder, 'copy.sqlite'), 'x');
    for (const backupName of ['copy.sqlite', '../didar.sqlite', backupFileName(new Date(), 'manual')]) {
      expect(mustFail(admin('backup.restore', { backupName }))).toMatchObject({ code: 'not_found', field: 'backupName' });
    }
  });
});

describe('restore', () => {
  it('swaps the file, keeps the replaced one, ends every session, audits, and the core keeps working for everyone holding it', async () => {
    const operator = t.signIn('operator', 'desk1');
    const name = await backupNow();
    registerVisitor(admin, meetingId, categoryId, 42);
    expect(clientNames()).toContain('شماره 42');
    const oldDb = t.core.db;
    const dispatch = t.core.dispatch;
    const stopSender = startOutboxSender(oldDb, 3_600_000);

    const { keptAs } = must(admin('backup.restore', { backupName: name }));
    expect(keptAs).toMatch(/^didar-.*-before-restore\.sqlite$/);
    await t.core.backups.idle();

    // The later client is gone; the restored data is there.
    expect(clientNames()).not.toContain('شماره 42');
    expect(clientNames()).toHaveLength(5);
    // Everyone signs in again: the old tokens are refused, a new sign-in works through the same dispatch.
    expect(mustFail(t.as(adminToken)('backup.list', {})).code).toBe('unauthenticated');
    expect(mustFail(t.as(operator)('meetings.list', {})).code).toBe('unauthenticated');
    expect(countIn(t.core, 'sessions')).toBe(0);
    expect(t.core.dispatch).toBe(dispatch);
    const again = t.as(logIn(t, 'admin', ADMIN_PASSWORD));
    registerVisitor(again, meetingId, categoryId, 43);
    expect(clientNames()).toContain('شماره 43');
    // Code that was handed the old connection follows the swap.
    expect(oldDb.open).toBe(false);
    expect(followSwaps(oldDb)).toBe(t.core.db);
    stopSender();

    // The replaced database is kept, checked, listed, and holds the later client.
    const overview = must(again('backup.list', {}));
    expect(overview.last).toMatchObject({ kind: 'restore', name, ok: true, keptAs });
    const kept = overview.backups.find((b) => b.name === keptAs)!;
    expect(kept).toMatchObject({ reason: 'before-restore', check: { state: 'ok' } });
    const keptDb = new Database(join(folder, keptAs), { readonly: true });
    expect(keptDb.prepare(`SELECT count(*) AS n FROM clients WHERE last_name = 'شماره 42'`).get()).toEqual({ n: 1 });
    keptDb.close();

    // The restore is in the restored database's audit trail, and the chain still verifies.
    const entry = t.core.db.prepare(`SELECT user_id, after FROM audit_log WHERE action = 'restore'`).get() as { user_id: string; after: string };
    expect(JSON.parse(entry.after)).toMatchObject({ restoredFrom: name, keptAs, by: 'admin', sessionsEnded: 2 });
    expect(entry.user_id).not.toBeNull();
    expect(verifyAudit(t.core.db).broken).toBeNull();
    expect(t.events.filter((e) => e.name === 'database.restored')).toHaveLength(1);
    // Nothing left beside the database.
    expect(readdirSync(t.dir).filter((n) => n.includes('restoring') || n.includes('replaced'))).toEqual([]);
  });

  it('keeps this host’s backup folder and policy across a restore, so the kept copy stays listed', async () => {
    const name = await backupNow();
    const elsewhere = join(t.dir, 'elsewhere');
    must(admin('backup.savePolicy', { everyHours: 2, keepLast: 5, keepDays: 9, backupFolder: elsewhere }));
    // The admin moved the old copies along to the new folder.
    for (const file of [name, `${name}.json`]) renameSync(join(folder, file), join(elsewhere, file));
    const { keptAs } = must(admin('backup.restore', { backupName: name }));
    await t.core.backups.idle();
    const again = t.as(logIn(t, 'admin', ADMIN_PASSWORD));
    const overview = must(again('backup.list', {}));
    expect(overview).toMatchObject({ folder: elsewhere, folderSetting: elsewhere, policy: { everyHours: 2, keepLast: 5, keepDays: 9 } });
    expect(overview.backups.map((b) => b.name).sort()).toEqual([keptAs, name].sort());
  });

  it('restores a backup from an older version and migrates it', async () => {
    const old = backupFileName(new Date('2026-03-05T10:00:00Z'), 'manual');
    const olderVersion = MIGRATIONS.at(-2)!.version;
    openDatabase(join(folder, old), { upTo: olderVersion }).close();
    // The same accounts as now, so the admin can sign in after the restore.
    const src = new Database(join(folder, old));
    const columns = (src.prepare('PRAGMA table_info(users)').all() as { name: string }[]).map((c) => c.name).join(', ');
    src.exec(`ATTACH '${t.file}' AS live; INSERT INTO users (${columns}) SELECT ${columns} FROM live.users; DETACH live;`);
    src.pragma('journal_mode = DELETE');
    src.close();
    must(admin('backup.restore', { backupName: old }));
    await t.core.backups.idle();
    expect(t.core.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(countIn(t.core, 'clients')).toBe(0);
    const again = t.as(logIn(t, 'admin', ADMIN_PASSWORD));
    expect(must(again('backup.list', {})).last).toMatchObject({ ok: true, name: old });
    expect(verifyAudit(t.core.db).broken).toBeNull();
  });

  it('while a restore copies the database, desks’ writes are refused with a Persian message; reads go on', () => {
    setWritesPaused(t.core.db, true);
    try {
      const error = mustFail(admin('meetings.create', { kind: 'weekly_public', title: 'دیدار', date: '2026-04-02', place: 'اداره کل', presiding: '' }));
      expect(error).toMatchObject({ code: 'conflict' });
      expect(error.message).toContain('بازگردانی');
      must(admin('meetings.list', {}));
    } finally {
      setWritesPaused(t.core.db, false);
    }
  });

  it('a swap that fails half-way puts the old file back and the host goes on with it', async () => {
    const name = await backupNow();
    registerVisitor(admin, meetingId, categoryId, 42);
    const staged = `${t.file}.restoring`;
    copyFileSync(join(folder, name), staged);
    let opens = 0;
    const result = swapDatabase({
      file: t.file,
      current: t.core.db,
      staged,
      open: (file) => {
        opens += 1;
        if (opens === 1) throw new Error('disk full');
        return openDatabase(file);
      },
    });
    expect(result.ok).toBe(false);
    const db = result.db;
    try {
      expect(db.prepare(`SELECT count(*) AS n FROM clients WHERE last_name = 'شماره 42'`).get()).toEqual({ n: 1 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(existsSync(staged)).toBe(true);
      expect(readdirSync(t.dir).filter((n) => n.includes('replaced'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
