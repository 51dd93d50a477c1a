import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDatabaseFiles } from '../testing/tempDatabaseFile';
import { typedCall } from '../api/dispatch';
import { hashPassword } from '../domain/password';
import { createCore } from '../index';
import { must, nationalIdFor, steppingClock } from '../testing/tempCore';
import { schemaVersion } from './migrate';
import { openDatabase } from './open';
import { insertListItem } from '../api/lists';
import { STARTING_LISTS } from './seedLists';

const AT = '2026-03-25T07:00:00.000Z';
const PASSWORD = 'admin-password-1';

let dir: string;
let file: string;
const track = tempDatabaseFiles('didar-migrate0020-', (d, f) => {
  dir = d;
  file = f;
});

const columns = (db: Database.Database, table: string) =>
  db.prepare(`SELECT name, type, "notnull" AS required, dflt_value AS dflt FROM pragma_table_info(?)`).all(table) as {
    name: string;
    type: string;
    required: number;
    dflt: string | null;
  }[];

/** A version-0.1 database (schema 10) as the first release left it: seeded lists, a user, one finished visit with two requests. */
function writeVersion10Database() {
  const db = openDatabase(file, { upTo: 10 });
  expect(schemaVersion(db)).toBe(10);
  expect(columns(db, 'units').map((c) => c.name)).not.toContain('room');
  // What version 0.1 seeded: the four original lists and the marker (outcome reasons came with 0030).
  db.transaction(() => {
    for (const kind of ['counties', 'units', 'agencies', 'categories'] as const) {
      STARTING_LISTS[kind].forEach((name, i) => insertListItem(db, kind, name, (i + 1) * 10, AT));
    }
    db.prepare("INSERT INTO settings (key, value) VALUES ('seeded', ?)").run(JSON.stringify(AT));
  })();
  const categoryId = (db.prepare('SELECT id FROM categories ORDER BY sort LIMIT 1').get() as { id: string }).id;
  const nationalId = nationalIdFor(42);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'admin', 'مدیر سامانه', 'admin', ?, 1, ?, ?)`,
    ).run(hashPassword(PASSWORD), AT, AT);
    db.prepare(
      `INSERT INTO meetings (id, kind, title, date, place, presiding, status, next_ticket, created_by, created_at, opened_at, closed_at)
       VALUES ('m1', 'weekly_public', 'ملاقات عمومی اسفند', '2026-03-25', 'سالن اجتماعات', 'مدیرکل', 'closed', 2, 'u1', ?, ?, ?)`,
    ).run(AT, AT, AT);
    db.prepare(
      `INSERT INTO clients (id, national_id, first_name, last_name, sex, search_text, created_by, created_at, updated_at)
       VALUES ('c1', ?, 'فاطمه', 'رحیمی', 'female', 'فاطمه رحیمی', 'u1', ?, ?)`,
    ).run(nationalId, AT, AT);
    db.prepare(
      `INSERT INTO visits (id, meeting_id, client_id, ticket, status, desk, called_by, registered_by, registered_at, called_at, call_seq, finished_at)
       VALUES ('v1', 'm1', 'c1', 1, 'done', 'میز ۱', 'u1', 'u1', ?, ?, 1, ?)`,
    ).run(AT, AT, AT);
    const request = db.prepare(
      `INSERT INTO requests (id, visit_id, position, category_id, text, urgency, created_by, created_at) VALUES (?, 'v1', ?, ?, ?, ?, 'u1', ?)`,
    );
    request.run('r1', 1, categoryId, 'درخواست ویلچر', 'urgent', AT);
    request.run('r2', 2, categoryId, 'کمک هزینه مسکن', 'normal', AT);
    db.prepare(`INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after) VALUES ('a1', ?, 'u1', 'register', 'visit', 'v1', NULL, '{}')`).run(AT);
  }).immediate();
  db.close();
  return { nationalId, categoryId };
}

describe('migration 0020 on a database holding 0010 data', () => {
  it('keeps every row, adds the new columns and tables, and backs the old file up first', () => {
    writeVersion10Database();
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const db = track(openDatabase(file, { upTo: 20 }));
    expect(schemaVersion(db)).toBe(20);

    // rows kept
    expect(db.prepare('SELECT id, status, desk, finished_at FROM visits').all()).toEqual([{ id: 'v1', status: 'done', desk: 'میز ۱', finished_at: AT }]);
    expect(db.prepare('SELECT id, position, text, urgency FROM requests ORDER BY position').all()).toEqual([
      { id: 'r1', position: 1, text: 'درخواست ویلچر', urgency: 'urgent' },
      { id: 'r2', position: 2, text: 'کمک هزینه مسکن', urgency: 'normal' },
    ]);
    expect(db.prepare('SELECT title, status FROM meetings').all()).toEqual([{ title: 'ملاقات عمومی اسفند', status: 'closed' }]);
    expect(db.prepare('SELECT first_name, last_name FROM clients').all()).toEqual([{ first_name: 'فاطمه', last_name: 'رحیمی' }]);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(1);
    expect((db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(7);

    // new columns with their defaults on the old rows
    expect(columns(db, 'units').find((c) => c.name === 'room')).toEqual({ name: 'room', type: 'TEXT', required: 1, dflt: "''" });
    expect(columns(db, 'agencies').find((c) => c.name === 'room')).toMatchObject({ required: 1, dflt: "''" });
    expect(db.prepare("SELECT count(*) AS n FROM units WHERE room <> ''").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM agencies WHERE room <> ''").get()).toEqual({ n: 0 });
    expect(columns(db, 'visits').find((c) => c.name === 'started_at')).toMatchObject({ type: 'TEXT', required: 0, dflt: null });
    expect(db.prepare('SELECT started_at FROM visits').all()).toEqual([{ started_at: null }]);

    // new tables, empty, with their rules
    expect(db.prepare('SELECT count(*) AS n FROM instructions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM print_log').get()).toEqual({ n: 0 });
    expect(() =>
      db
        .prepare(
          `INSERT INTO instructions (id, request_id, visit_id, client_id, tracking_code, kind, text, status, issued_by, issued_at)
           VALUES ('i1', 'r1', 'v1', 'c1', '12345', 'answered', 'x', 'closed', 'u1', ?)`,
        )
        .run(AT),
    ).toThrow(/CHECK constraint/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // the copy taken before migrating is the 0010 database, rows and all
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^before-v20-.*\.sqlite$/);
    const backup = track(new Database(join(dir, 'backups', backups[0]!), { readonly: true }));
    expect(schemaVersion(backup)).toBe(10);
    expect(backup.prepare('SELECT id FROM visits').all()).toEqual([{ id: 'v1' }]);
    expect((backup.prepare('SELECT count(*) AS n FROM requests').get() as { n: number }).n).toBe(2);
    expect(columns(backup, 'units').map((c) => c.name)).not.toContain('room');
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name IN ('instructions', 'print_log')").all()).toEqual([]);
    db.close();

    // opening again migrates nothing and copies nothing
    track(openDatabase(file, { upTo: 20 }));
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('lets the migrated database serve the desk: the old visit reads as history, lists are not seeded twice', () => {
    const { nationalId } = writeVersion10Database();
    const core = createCore({ file, now: steppingClock(), log: () => undefined });
    try {
      const token = must(typedCall(core.dispatch, null)('auth.login', { username: 'admin', password: PASSWORD })).token;
      const call = typedCall(core.dispatch, token);
      const lists = must(call('lists.all', {}));
      expect(lists.units).toHaveLength(7);
      expect(lists.units.every((u) => u.room === '')).toBe(true);

      const detail = must(call('visits.detail', { visitId: 'v1' }));
      expect(detail.visit).toMatchObject({ status: 'done', startedAt: null, finishedAt: AT, meetingTitle: 'ملاقات عمومی اسفند', requestCount: 2 });
      expect(detail.client.nationalId).toBe(nationalId);
      expect(detail.requests.map((r) => [r.id, r.instruction])).toEqual([
        ['r1', null],
        ['r2', null],
      ]);
      const history = must(call('clients.history', { clientId: 'c1' }));
      expect(history.map((h) => [h.visitId, h.meetingId, h.requests.length])).toEqual([['v1', 'm1', 2]]);
      // a finished visit from before the upgrade cannot be given instructions now
      expect(must(call('print.visitSlips', { visitId: 'v1' }))).toEqual([]);
      expect(core.dispatch('instructions.issue', { requestId: 'r1', fields: { kind: 'answered', text: 'x', answer: 'y' } }, token)).toMatchObject({
        ok: false,
        error: { code: 'conflict', field: 'visitId' },
      });
    } finally {
      core.close();
    }
  });
});
