import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, USER_PASSWORD, countIn, createTempCore, logIn, must, mustFail, type TempCore } from '../testing/tempCore';
import { hashPassword } from '../domain/password';
import { LOCKOUT_MINUTES, SESSION_IDLE_MINUTES } from './auth';
import { MESSAGES } from './messages';

const MINUTE = 60_000;

let t: TempCore;
beforeEach(() => {
  t = createTempCore();
});
afterEach(() => t.cleanup());

const login = (username: string, password: string) => t.as(null)('auth.login', { username, password });
const auditActions = (action: string) =>
  (t.core.db.prepare('SELECT entity_id, user_id, after FROM audit_log WHERE action = ? ORDER BY rowid').all(action) as {
    entity_id: string;
    user_id: string | null;
    after: string | null;
  }[]);
const userIdOf = (username: string) => (t.core.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;

describe('password rules', () => {
  it('asks for 10 characters with letters and digits, naming the field, in Persian', () => {
    const admin = t.setupAdmin();
    const create = (password: string, username = 'newuser') =>
      t.as(admin)('users.create', { username, displayName: 'کاربر تازه', role: 'operator', password });
    expect(mustFail(create('abc-12345'))).toEqual({ code: 'invalid_input', message: MESSAGES['password.short'], field: 'password' });
    expect(mustFail(create('only-letters-here'))).toEqual({ code: 'invalid_input', message: MESSAGES['password.digits'], field: 'password' });
    expect(mustFail(create('1234567890-'))).toEqual({ code: 'invalid_input', message: MESSAGES['password.letters'], field: 'password' });
    expect(MESSAGES['password.short']).toContain('«گذرواژه»');
    expect(MESSAGES['password.short']).toContain('۱۰');
    // The username does not count towards the length.
    expect(mustFail(create('newuser12345'))).toEqual({ code: 'invalid_input', message: MESSAGES['password.containsUsername'], field: 'password' });
    expect(mustFail(create('NEWUSER-2026-x'))).toMatchObject({ field: 'password' });
    expect(countIn(t.core, 'users')).toBe(1);
    must(create('newuser-long-phrase-7'));
    must(create('گذرواژه‌ای-۱۴۰۵', 'persian'));
    expect(must(login('persian', 'گذرواژه‌ای-۱۴۰۵')).user.username).toBe('persian');
  });

  it('still lets a user in whose stored password predates the rules', () => {
    const admin = t.setupAdmin();
    must(t.as(admin)('users.create', { username: 'old', displayName: 'قدیمی', role: 'operator', password: USER_PASSWORD }));
    // A hash made before the rules (8 letters, no digit), as an older version stored it.
    t.core.db.prepare("UPDATE users SET password_hash = ? WHERE username = 'old'").run(hashPassword('oldpassw'));
    expect(must(login('old', 'oldpassw')).user.username).toBe('old');
  });
});

describe('lockout', () => {
  it('locks after 5 failures in a row for 15 minutes, even for the right password, and audits every failure', () => {
    const admin = t.setupAdmin();
    t.signIn('operator', 'oper');
    const opId = userIdOf('oper');
    const auditBefore = countIn(t.core, 'audit_log');
    for (let i = 1; i <= 4; i++) {
      expect(mustFail(login('oper', 'wrong-password-1'))).toEqual({ code: 'unauthenticated', message: MESSAGES['login.failed'], field: 'password' });
    }
    const fifth = mustFail(login('oper', 'wrong-password-1'));
    expect(fifth.code).toBe('unauthenticated');
    expect(fifth.message).toBe(MESSAGES['login.locked'].replace('{minutes}', '۱۵'));
    // Although every call failed, each failure and the lock were written down.
    expect(auditActions('login.failed').filter((a) => a.entity_id === opId)).toHaveLength(5);
    expect(auditActions('login.locked').map((a) => a.entity_id)).toEqual([opId]);
    expect(countIn(t.core, 'audit_log')).toBe(auditBefore + 6);

    t.clock.advance(5 * MINUTE);
    const right = mustFail(login('oper', USER_PASSWORD));
    expect(right.message).toMatch(/قفل/);
    expect(right.message).toContain('۱۰ دقیقه'); // 15 minutes less 5 (and a few seconds)
    expect(auditActions('login.refused')).toHaveLength(1);
    const row = must(t.as(admin)('users.list', {})).find((u) => u.username === 'oper')!;
    expect(row.lockedUntil).not.toBeNull();

    t.clock.advance(LOCKOUT_MINUTES * MINUTE);
    expect(must(login('oper', USER_PASSWORD)).user.username).toBe('oper');
    expect(must(t.as(admin)('users.list', {})).find((u) => u.username === 'oper')!.lockedUntil).toBeNull();
  });

  it('resets the count on a success', () => {
    t.setupAdmin();
    t.signIn('operator', 'oper');
    for (let i = 0; i < 4; i++) mustFail(login('oper', 'wrong-password-1'));
    must(login('oper', USER_PASSWORD));
    for (let i = 0; i < 4; i++) expect(mustFail(login('oper', 'wrong-password-1')).message).toBe(MESSAGES['login.failed']);
    expect(must(login('oper', USER_PASSWORD)).user.username).toBe('oper');
  });

  it('gives an unknown or inactive user the same message, takes about as long, and never locks a name that does not exist', () => {
    const admin = t.setupAdmin();
    t.signIn('operator', 'oper');
    must(t.as(admin)('users.setActive', { id: userIdOf('oper'), active: false }));
    const known = mustFail(login('admin', 'wrong-password-1'));
    const unknown = mustFail(login('nobody', 'wrong-password-1'));
    const inactive = mustFail(login('oper', USER_PASSWORD));
    expect(unknown).toEqual(known);
    expect(inactive).toEqual(known);
    for (let i = 0; i < 6; i++) expect(mustFail(login('nobody', 'wrong-password-1'))).toEqual(known);
    // Unknown names are audited without the name typed (it may be a password typed in the wrong box).
    const unknownRows = auditActions('login.failed').filter((a) => a.entity_id === 'unknown');
    expect(unknownRows).toHaveLength(7);
    expect(unknownRows.every((a) => !a.after?.includes('nobody'))).toBe(true);

    const time = (username: string) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 3; i++) mustFail(login(username, 'wrong-password-1'));
      return Number(process.hrtime.bigint() - start);
    };
    must(login('admin', ADMIN_PASSWORD)); // reset admin's count so timing runs do not lock it
    const knownTime = time('admin');
    const unknownTime = time('ghost');
    // The dummy hash costs a real scrypt: the unknown name is not answered markedly faster.
    expect(unknownTime).toBeGreaterThan(knownTime * 0.4);
  });

  it('lets the admin lift a lock, and a password reset lifts it too', () => {
    const admin = t.setupAdmin();
    t.signIn('operator', 'oper');
    for (let i = 0; i < 5; i++) mustFail(login('oper', 'wrong-password-1'));
    must(t.as(admin)('users.unlock', { id: userIdOf('oper') }));
    must(login('oper', USER_PASSWORD));
    for (let i = 0; i < 5; i++) mustFail(login('oper', 'wrong-password-1'));
    must(t.as(admin)('users.resetPassword', { id: userIdOf('oper'), password: 'fresh-start-42' }));
    must(login('oper', 'fresh-start-42'));
    expect(auditActions('unlock')).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('end after 2 hours without a call, and a call keeps them alive', () => {
    const admin = t.setupAdmin();
    const op = t.signIn('operator', 'oper');
    for (let i = 0; i < 4; i++) {
      t.clock.advance((SESSION_IDLE_MINUTES - 10) * MINUTE);
      must(t.as(admin)('auth.me', {}));
    }
    expect(mustFail(t.as(op)('auth.me', {})).code).toBe('unauthenticated');
    expect(must(t.as(admin)('auth.me', {})).username).toBe('admin');
  });

  it('write the last-seen time at most once a minute', () => {
    const admin = t.setupAdmin();
    const seen = () => (t.core.db.prepare('SELECT last_seen_at FROM sessions').get() as { last_seen_at: string }).last_seen_at;
    const first = seen();
    for (let i = 0; i < 10; i++) must(t.as(admin)('auth.me', {})); // the test clock steps one second a call
    expect(seen()).toBe(first);
    t.clock.advance(MINUTE);
    must(t.as(admin)('auth.me', {}));
    expect(seen() > first).toBe(true);
  });

  it('end after 12 hours although in use', () => {
    const admin = t.setupAdmin();
    for (let i = 0; i < 11; i++) {
      t.clock.advance(60 * MINUTE);
      must(t.as(admin)('auth.me', {}));
    }
    t.clock.advance(60 * MINUTE);
    expect(mustFail(t.as(admin)('auth.me', {})).code).toBe('unauthenticated');
  });

  it('logout everywhere ends all of the caller’s sessions and no one else’s', () => {
    const admin = t.setupAdmin();
    const op1 = t.signIn('operator', 'oper');
    const op2 = logIn(t, 'oper');
    expect(must(t.as(op1)('auth.logoutEverywhere', {}))).toEqual({ ended: 2 });
    expect(mustFail(t.as(op1)('auth.me', {})).code).toBe('unauthenticated');
    expect(mustFail(t.as(op2)('auth.me', {})).code).toBe('unauthenticated');
    must(t.as(admin)('auth.me', {}));
  });

  it('the admin signs a user out everywhere', () => {
    const admin = t.setupAdmin();
    const op = t.signIn('operator', 'oper');
    expect(must(t.as(admin)('users.list', {})).find((u) => u.username === 'oper')!.sessions).toBe(1);
    expect(must(t.as(admin)('users.revokeSessions', { id: userIdOf('oper') }))).toEqual({ ended: 1 });
    expect(mustFail(t.as(op)('auth.me', {})).code).toBe('unauthenticated');
    expect(auditActions('revokeSessions')).toHaveLength(1);
  });
});

describe('users admin', () => {
  it('deactivating ends the user’s sessions and stops sign-in; activating lets them in again', () => {
    const admin = t.setupAdmin();
    const op = t.signIn('operator', 'oper');
    const id = userIdOf('oper');
    expect(must(t.as(admin)('users.setActive', { id, active: false })).active).toBe(false);
    expect(mustFail(t.as(op)('auth.me', {})).code).toBe('unauthenticated');
    expect((t.core.db.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(id) as { n: number }).n).toBe(0);
    expect(mustFail(login('oper', USER_PASSWORD)).message).toBe(MESSAGES['login.failed']);
    must(t.as(admin)('users.setActive', { id, active: true }));
    must(login('oper', USER_PASSWORD));
    expect(auditActions('deactivate')).toHaveLength(1);
    expect(auditActions('activate')).toHaveLength(1);
    expect(t.events.filter((e) => e.name === 'users.changed').length).toBeGreaterThanOrEqual(3);
  });

  it('protects the last active admin and the admin themself', () => {
    const admin = t.setupAdmin();
    const adminId = userIdOf('admin');
    expect(mustFail(t.as(admin)('users.setActive', { id: adminId, active: false }))).toEqual({
      code: 'conflict',
      message: MESSAGES['user.selfDeactivate'],
      field: 'active',
    });
    expect(mustFail(t.as(admin)('users.update', { id: adminId, displayName: 'مدیر', role: 'operator' }))).toEqual({
      code: 'conflict',
      message: MESSAGES['user.lastAdmin'],
      field: 'role',
    });
    // With a second admin, the first may step down; then the second is the last.
    must(t.as(admin)('users.create', { username: 'boss', displayName: 'مدیر دوم', role: 'admin', password: USER_PASSWORD }));
    const boss = logIn(t, 'boss');
    const bossId = userIdOf('boss');
    must(t.as(admin)('users.update', { id: adminId, displayName: 'مدیر پیشین', role: 'operator' }));
    expect(mustFail(t.as(admin)('users.list', {})).code).toBe('forbidden'); // the role changes at once
    expect(mustFail(t.as(boss)('users.update', { id: bossId, displayName: 'مدیر دوم', role: 'official' })).message).toBe(MESSAGES['user.lastAdmin']);
    expect(mustFail(t.as(boss)('users.setActive', { id: bossId, active: false })).message).toBe(MESSAGES['user.selfDeactivate']);
  });

  it('updates name, role and unit or agency with the same rules as create, audited', () => {
    const admin = t.setupAdmin();
    t.signIn('operator', 'oper');
    const id = userIdOf('oper');
    const lists = must(t.as(admin)('lists.all', {}));
    const unitId = lists.units[0]!.id;
    expect(mustFail(t.as(admin)('users.update', { id, displayName: 'نماینده', role: 'unit' }))).toMatchObject({
      code: 'invalid_input',
      message: MESSAGES['user.unitRequired'],
      field: 'unitId',
    });
    expect(mustFail(t.as(admin)('users.update', { id, displayName: 'نماینده', role: 'unit', unitId: 'no-such-unit' }))).toMatchObject({
      field: 'unitId',
    });
    expect(mustFail(t.as(admin)('users.update', { id: 'no-such-user', displayName: 'کسی', role: 'operator' })).code).toBe('not_found');
    const updated = must(t.as(admin)('users.update', { id, displayName: 'نماینده واحد', role: 'unit', unitId, agencyId: 'ignored-for-unit' }));
    expect(updated).toMatchObject({ displayName: 'نماینده واحد', role: 'unit', unitId, agencyId: null });
    const row = auditActions('update').at(-1)!;
    expect(row.entity_id).toBe(id);
    expect(JSON.parse(row.after!)).toMatchObject({ role: 'unit', unitId });
  });

  it('resetting a password ends the user’s sessions, unhashed passwords are never audited', () => {
    const admin = t.setupAdmin();
    const op = t.signIn('operator', 'oper');
    const id = userIdOf('oper');
    expect(mustFail(t.as(admin)('users.resetPassword', { id, password: 'short1' })).field).toBe('password');
    must(t.as(admin)('users.resetPassword', { id, password: 'new-secret-99' }));
    expect(mustFail(t.as(op)('auth.me', {})).code).toBe('unauthenticated');
    expect(mustFail(login('oper', USER_PASSWORD)).message).toBe(MESSAGES['login.failed']);
    must(login('oper', 'new-secret-99'));
    must(t.as(admin)('auth.me', {})); // the admin's own session stays
    const all = t.core.db.prepare('SELECT before, after FROM audit_log').all() as { before: string | null; after: string | null }[];
    for (const a of all) {
      expect(`${a.before}${a.after}`).not.toContain('new-secret-99');
      expect(`${a.before}${a.after}`).not.toContain('scrypt$');
    }
  });

  it('changing one’s own password checks the current one and ends the other sessions', () => {
    t.setupAdmin();
    const op = t.signIn('operator', 'oper');
    const other = logIn(t, 'oper');
    expect(mustFail(t.as(op)('auth.changePassword', { current: 'not-it-at-all-1', next: 'brand-new-pass-2' }))).toEqual({
      code: 'invalid_input',
      message: MESSAGES['password.currentWrong'],
      field: 'current',
    });
    expect(auditActions('login.failed')).toHaveLength(1); // counted although the call failed
    expect(mustFail(t.as(op)('auth.changePassword', { current: USER_PASSWORD, next: 'short' })).field).toBe('next');
    expect(mustFail(t.as(op)('auth.changePassword', { current: USER_PASSWORD, next: USER_PASSWORD })).message).toBe(MESSAGES['password.same']);
    must(t.as(op)('auth.changePassword', { current: USER_PASSWORD, next: 'brand-new-pass-2' }));
    must(t.as(op)('auth.me', {}));
    expect(mustFail(t.as(other)('auth.me', {})).code).toBe('unauthenticated');
    must(login('oper', 'brand-new-pass-2'));
  });

  it('guessing the current password from a session locks the account and ends its sessions', () => {
    t.setupAdmin();
    const op = t.signIn('operator', 'oper');
    for (let i = 0; i < 4; i++) mustFail(t.as(op)('auth.changePassword', { current: `guess-number-${i}`, next: 'brand-new-pass-2' }));
    const fifth = mustFail(t.as(op)('auth.changePassword', { current: 'guess-number-5', next: 'brand-new-pass-2' }));
    expect(fifth.code).toBe('unauthenticated');
    expect(mustFail(t.as(op)('auth.me', {})).code).toBe('unauthenticated');
    expect(mustFail(login('oper', USER_PASSWORD)).message).toMatch(/قفل/);
  });

  it('refuses every users.* method and the admin’s session tools to every other role', () => {
    const admin = t.setupAdmin();
    const opId = (() => {
      t.signIn('operator', 'oper');
      return userIdOf('oper');
    })();
    const calls = [
      ['users.list', {}],
      ['users.create', { username: 'xuser1', displayName: 'x', role: 'admin', password: USER_PASSWORD }],
      ['users.update', { id: opId, displayName: 'x', role: 'admin' }],
      ['users.setActive', { id: opId, active: false }],
      ['users.resetPassword', { id: opId, password: 'taken-over-123' }],
      ['users.unlock', { id: opId }],
      ['users.revokeSessions', { id: opId }],
    ] as const;
    for (const role of ['operator', 'official', 'followup', 'display'] as const) {
      const token = t.signIn(role, `r-${role}`);
      for (const [name, input] of calls) {
        expect(t.core.dispatch(name, input, token)).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
      }
    }
    for (const [name, input] of calls) {
      expect(t.core.dispatch(name, input, null)).toEqual({ ok: false, error: expect.objectContaining({ code: 'unauthenticated' }) });
    }
    expect(must(t.as(admin)('users.list', {})).find((u) => u.username === 'oper')).toMatchObject({ role: 'operator', active: true });
  });
});
