import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDatabaseFiles } from '../testing/tempDatabaseFile';
import { typedCall } from '../api/dispatch';
import { insertListItem } from '../api/lists';
import { hashPassword, hashToken } from '../domain/password';
import { createCore } from '../index';
import { must, mustFail, nationalIdFor, steppingClock } from '../testing/tempCore';
import { schemaVersion } from './migrate';
import { openDatabase } from './open';
import { STARTING_LISTS } from './seedLists';
import { MIGRATIONS } from './migrations';
import { reportCountDifferences } from '../reports/counts';
import { verifyAudit } from '../api/audit';

const LATEST = MIGRATIONS.at(-1)!.version;

const AT = '2026-03-30T07:00:00.000Z';
const LATER = '2026-03-30T07:20:00.000Z';
const ADMIN_PASSWORD = 'admin-password-1';
const OFFICIAL_PASSWORD = 'official-password-1';
/** A session the operator held before the upgrade (the core's test clock starts 2026-04-01T05:30Z). */
const OPERATOR_TOKEN = 'operator-session-token-from-version-20';

let dir: string;
let file: string;
const track = tempDatabaseFiles('didar-migrate0030-', (d, f) => {
  dir = d;
  file = f;
});

const TABLES = ['users', 'sessions', 'meetings', 'clients', 'visits', 'requests', 'instructions', 'print_log', 'audit_log', 'units', 'agencies', 'categories', 'counties'];
const counts = (db: Database.Database) => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));

/**
 * A database as version 0.2 (schema 20) left it: seeded lists; users of the four old roles, one
 * with a live session; an open meeting with a finished visit, a visit at a desk and one waiting;
 * an instruction closed at issue and one open referral; a print and audit entries.
 */
function writeVersion20Database() {
  const db = openDatabase(file, { upTo: 20 });
  expect(schemaVersion(db)).toBe(20);
  db.transaction(() => {
    for (const kind of ['counties', 'units', 'agencies', 'categories'] as const) {
      STARTING_LISTS[kind].forEach((name, i) => insertListItem(db, kind, name, (i + 1) * 10, AT));
    }
    db.prepare("INSERT INTO settings (key, value) VALUES ('seeded', ?)").run(JSON.stringify(AT));
  })();
  const categoryId = (db.prepare('SELECT id FROM categories ORDER BY sort LIMIT 1').get() as { id: string }).id;
  const unitId = (db.prepare('SELECT id FROM units ORDER BY sort LIMIT 1').get() as { id: string }).id;
  db.transaction(() => {
    const user = db.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    user.run('u-admin', 'admin', 'مدیر سامانه', 'admin', hashPassword(ADMIN_PASSWORD), AT, AT);
    user.run('u-operator', 'operator1', 'کاربر پذیرش', 'operator', 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', AT, AT);
    user.run('u-official', 'official1', 'معاون توانبخشی', 'official', hashPassword(OFFICIAL_PASSWORD), AT, AT);
    user.run('u-followup', 'followup1', 'کارشناس پیگیری', 'followup', 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', AT, AT);
    db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      hashToken(OPERATOR_TOKEN),
      'u-operator',
      AT,
      '2026-04-02T00:00:00.000Z',
    );
    db.prepare(
      `INSERT INTO meetings (id, kind, title, date, place, presiding, status, next_ticket, created_by, created_at, opened_at)
       VALUES ('m1', 'weekly_public', 'ملاقات عمومی فروردین', '2026-03-30', 'سالن اجتماعات', 'مدیرکل', 'open', 4, 'u-admin', ?, ?)`,
    ).run(AT, AT);
    const client = db.prepare(
      `INSERT INTO clients (id, national_id, first_name, last_name, sex, search_text, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'female', ?, 'u-operator', ?, ?)`,
    );
    client.run('c1', nationalIdFor(301), 'فاطمه', 'رحیمی', 'فاطمه رحیمی', AT, AT);
    client.run('c2', nationalIdFor(302), 'مریم', 'کاظمی', 'مریم کاظمی', AT, AT);
    client.run('c3', nationalIdFor(303), 'زهرا', 'نوری', 'زهرا نوری', AT, AT);
    const visit = db.prepare(
      `INSERT INTO visits (id, meeting_id, client_id, ticket, status, desk, called_by, registered_by, registered_at, called_at, call_seq, started_at, finished_at)
       VALUES (?, 'm1', ?, ?, ?, ?, ?, 'u-operator', ?, ?, ?, ?, ?)`,
    );
    visit.run('v1', 'c1', 1, 'done', 'میز ۱', 'u-official', AT, AT, 1, AT, LATER);
    visit.run('v2', 'c2', 2, 'called', 'میز ۲', 'u-official', AT, LATER, 2, null, null);
    visit.run('v3', 'c3', 3, 'waiting', null, null, AT, null, null, null, null);
    const request = db.prepare(
      `INSERT INTO requests (id, visit_id, position, category_id, text, urgency, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'normal', 'u-operator', ?)`,
    );
    request.run('r1', 'v1', 1, categoryId, 'درخواست ویلچر', AT);
    request.run('r2', 'v1', 2, categoryId, 'مناسب‌سازی منزل', AT);
    request.run('r3', 'v2', 1, categoryId, 'کمک هزینه درمان', AT);
    request.run('r4', 'v3', 1, categoryId, 'مستمری', AT);
    const instruction = db.prepare(
      `INSERT INTO instructions (id, request_id, visit_id, client_id, tracking_code, kind, text, answer, unit_id, due_date, status, issued_by, issued_at)
       VALUES (?, ?, 'v1', 'c1', ?, ?, ?, ?, ?, ?, ?, 'u-official', ?)`,
    );
    instruction.run('i-closed', 'r1', '123456782', 'answered', 'پاسخ در جلسه', 'معرفی به کارگاه', null, null, 'closed', AT);
    instruction.run('i-open', 'r2', '987654324', 'unit', 'بررسی مناسب‌سازی', '', unitId, '2026-04-15', 'open', LATER);
    db.prepare(`INSERT INTO print_log (id, kind, entity_id, printed_by, printed_at) VALUES ('p1', 'slip', 'i-open', 'u-official', ?)`).run(LATER);
    const audit = db.prepare(`INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, NULL, '{}')`);
    audit.run('a1', AT, 'u-operator', 'register', 'visit', 'v1');
    audit.run('a2', LATER, 'u-official', 'issue', 'instruction', 'i-open');
  }).immediate();
  const before = {
    counts: counts(db),
    users: db.prepare('SELECT * FROM users ORDER BY id').all(),
    sessions: db.prepare('SELECT * FROM sessions').all(),
    visits: db.prepare('SELECT * FROM visits ORDER BY id').all() as Record<string, unknown>[],
    instructions: db.prepare('SELECT * FROM instructions ORDER BY id').all() as Record<string, unknown>[],
  };
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
  return { before, unitId };
}

describe('migrations 0030 and 0040 on a database holding 0020 data', () => {
  it('keeps every row, rebuilds users in place, fills the new columns, counts the old data for reports, and backs the old file up first', () => {
    const { before } = writeVersion20Database();
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const db = track(openDatabase(file));
    expect(schemaVersion(db)).toBe(LATEST);
    // the rebuild ran with foreign keys off; they are on again
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // every row kept
    expect(counts(db)).toEqual(before.counts);
    expect(before.counts).toMatchObject({ users: 4, sessions: 1, visits: 3, instructions: 2 });

    // users: same ids, names, roles and hashes; no unit or agency
    const users = db.prepare('SELECT * FROM users ORDER BY id').all() as Record<string, unknown>[];
    // (version 90 adds the sign-in columns: no failures, no lock, password set when the user was made)
    const signIn = (u: Record<string, unknown>) => ({ failed_logins: 0, locked_until: null, password_changed_at: u.created_at, last_login_at: null });
    expect(users).toEqual((before.users as Record<string, unknown>[]).map((u) => ({ ...u, unit_id: null, agency_id: null, ...signIn(u) })));
    expect(users.map((u) => [u.id, u.role])).toEqual([
      ['u-admin', 'admin'],
      ['u-followup', 'followup'],
      ['u-official', 'official'],
      ['u-operator', 'operator'],
    ]);
    expect(db.prepare('SELECT * FROM sessions').all()).toEqual((before.sessions as Record<string, unknown>[]).map((x) => ({ ...x, last_seen_at: null })));

    // visits: the order key is the ticket, called visits have been called once
    const visits = db.prepare('SELECT id, ticket, sort_key, call_count, skipped_count, left_at, left_reason FROM visits ORDER BY id').all();
    expect(visits).toEqual([
      { id: 'v1', ticket: 1, sort_key: 1, call_count: 1, skipped_count: 0, left_at: null, left_reason: '' },
      { id: 'v2', ticket: 2, sort_key: 2, call_count: 1, skipped_count: 0, left_at: null, left_reason: '' },
      { id: 'v3', ticket: 3, sort_key: 3, call_count: 0, skipped_count: 0, left_at: null, left_reason: '' },
    ]);
    const oldVisitColumns = (db.prepare('SELECT * FROM visits ORDER BY id').all() as Record<string, unknown>[]).map((v) =>
      Object.fromEntries(Object.keys(before.visits[0]!).map((k) => [k, v[k]])),
    );
    expect(oldVisitColumns).toEqual(before.visits);

    // instructions: the last step is the issue; one closed at issue has its closing
    expect(
      db.prepare('SELECT id, status, issued_at, last_step_at, closed_at, closed_by, outcome, outcome_note, delivered_rials FROM instructions ORDER BY id').all(),
    ).toEqual([
      { id: 'i-closed', status: 'closed', issued_at: AT, last_step_at: AT, closed_at: AT, closed_by: 'u-official', outcome: null, outcome_note: '', delivered_rials: null },
      { id: 'i-open', status: 'open', issued_at: LATER, last_step_at: LATER, closed_at: null, closed_by: null, outcome: null, outcome_note: '', delivered_rials: null },
    ]);
    const oldInstructionColumns = (db.prepare('SELECT * FROM instructions ORDER BY id').all() as Record<string, unknown>[]).map((v) =>
      Object.fromEntries(Object.keys(before.instructions[0]!).map((k) => [k, v[k]])),
    );
    expect(oldInstructionColumns).toEqual(before.instructions);

    // 0040: every old visit carries its meeting's day and its client's county, and the report's
    // counters hold the old data exactly as a recomputation from the rows would
    expect(db.prepare('SELECT count(*) AS n FROM visits v JOIN meetings m ON m.id = v.meeting_id WHERE v.day IS NOT m.date').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT sum(n) AS n FROM report_counts WHERE measure = 'visits'").get()).toEqual({ n: before.counts.visits });
    expect(db.prepare("SELECT sum(n) AS n FROM report_counts WHERE measure = 'kind'").get()).toEqual({ n: before.counts.instructions });
    expect(reportCountDifferences(db)).toEqual([]);

    // 0100: the audit entries written before are chained in the order they were written
    expect(verifyAudit(db)).toMatchObject({ entries: 2, broken: null, head: { seq: 2 } });
    expect(db.prepare('SELECT id, seq FROM audit_log ORDER BY seq').all()).toEqual([
      { id: 'a1', seq: 1 },
      { id: 'a2', seq: 2 },
    ]);

    // new tables, empty
    for (const table of ['follow_ups', 'outbox', 'outcome_reasons']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }

    // the rebuilt users table keeps its references and takes the new rules
    expect(() => db.prepare(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('x', 'no-such-user', ?, ?)`).run(AT, AT)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare(`DELETE FROM users WHERE id = 'u-operator'`).run()).toThrow(/FOREIGN KEY/);
    const insertUser = db.prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, unit_id, created_at, updated_at) VALUES (?, ?, 'x', ?, 'h', ?, ?, ?)`,
    );
    expect(() => insertUser.run('u-x', 'unit.x', 'unit', null, AT, AT)).toThrow(/CHECK constraint/);
    expect(() => insertUser.run('u-y', 'unit.y', 'unit', 'no-such-unit', AT, AT)).toThrow(/FOREIGN KEY/);
    expect(() => insertUser.run('u-z', 'display.z', 'display', null, AT, AT)).not.toThrow();

    // the copy taken before migrating is the 0020 database
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^before-v30-.*\.sqlite$/);
    const backup = track(new Database(join(dir, 'backups', backups[0]!), { readonly: true }));
    expect(schemaVersion(backup)).toBe(20);
    expect(counts(backup)).toEqual(before.counts);
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name IN ('follow_ups', 'outbox', 'outcome_reasons')").all()).toEqual([]);
    expect((backup.prepare(`SELECT sql FROM sqlite_master WHERE name = 'users'`).get() as { sql: string }).sql).not.toContain("'display'");
    db.close();

    // opening again migrates nothing and copies nothing
    const again = track(openDatabase(file));
    expect(schemaVersion(again)).toBe(LATEST);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('serves the upgraded data: old users sign in, an old session still works, the queue and follow-up carry on', () => {
    const { unitId } = writeVersion20Database();
    const core = createCore({ file, now: steppingClock(), log: () => undefined });
    try {
      expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
      const anon = typedCall(core.dispatch, null);
      const official = typedCall(core.dispatch, must(anon('auth.login', { username: 'official1', password: OFFICIAL_PASSWORD })).token);
      const admin = typedCall(core.dispatch, must(anon('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token);
      expect(must(official('auth.me', {}))).toEqual({
        userId: 'u-official',
        username: 'official1',
        displayName: 'معاون توانبخشی',
        role: 'official',
        unitId: null,
        agencyId: null,
      });
      expect(mustFail(anon('auth.login', { username: 'official1', password: 'wrong-password' })).code).toBe('unauthenticated');

      // the operator's session from before the upgrade
      const operator = typedCall(core.dispatch, OPERATOR_TOKEN);
      expect(must(operator('auth.me', {}))).toMatchObject({ userId: 'u-operator', role: 'operator' });
      const queue = must(operator('queue.list', { meetingId: 'm1' }));
      expect(queue.waiting.map((e) => [e.visitId, e.position])).toEqual([['v3', 1]]);
      expect(queue.called.map((e) => e.visitId)).toEqual(['v2']);

      // the reasons list, new in 0030, is seeded once on the old database
      expect(must(admin('lists.all', {})).outcomeReasons.length).toBe(STARTING_LISTS.outcomeReasons.length);
      expect(must(admin('lists.all', {})).units).toHaveLength(STARTING_LISTS.units.length);

      // the queue continues the call order
      expect(must(official('queue.recall', { visitId: 'v2' })).status).toBe('called');
      expect(core.db.prepare(`SELECT call_count FROM visits WHERE id = 'v2'`).get()).toEqual({ call_count: 2 });
      const next = must(official('queue.callNext', { meetingId: 'm1', desk: 'میز ۱' }))!;
      expect(next.visitId).toBe('v3');
      expect(core.db.prepare(`SELECT call_seq, call_count FROM visits WHERE id = 'v3'`).get()).toEqual({ call_seq: 3, call_count: 1 });

      // the old open referral is followed up and closed; the board shows ticket numbers
      const list = must(admin('followups.list', { meetingId: 'm1' }));
      expect(list.items.map((i) => [i.instruction.id, i.instruction.lastStepAt, i.instruction.unitId])).toEqual([['i-open', LATER, unitId]]);
      must(admin('followups.addStep', { instructionId: 'i-open', kind: 'call', text: 'تماس پس از ارتقا' }));
      expect(must(admin('followups.close', { instructionId: 'i-open', outcome: 'done' })).status).toBe('closed');
      expect(must(admin('queue.board', { meetingId: 'm1' })).calling.map((c) => c.ticket).sort()).toEqual([2, 3]);

      // representatives can now be made, tied to a unit
      expect(must(admin('users.create', { username: 'unit.rep', displayName: 'نماینده', role: 'unit', password: 'unit-password-1', unitId })).unitId).toBe(unitId);
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      core.close();
    }
  });
});
