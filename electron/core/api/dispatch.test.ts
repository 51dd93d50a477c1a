import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DidarEvent } from '../contract';
import {
  ADMIN_PASSWORD,
  USER_PASSWORD,
  countRows,
  createMeeting,
  createOpenMeeting,
  createTempCore,
  firstCategoryId,
  must,
  mustFail,
  nationalIdFor,
  type TempCore,
} from '../testing/tempCore';
import { MESSAGES } from './messages';

const PERSIAN = /[\u0600-\u06FF]/;

function newClient(seed: number, extra: Record<string, unknown> = {}) {
  return { nationalId: nationalIdFor(seed), firstName: 'زهرا', lastName: `محمدی${seed}`, sex: 'female' as const, ...extra };
}

describe('method lookup, sessions and roles', () => {
  let t: TempCore;
  let admin: string;
  let operator: string;
  let official: string;
  let followup: string;

  beforeAll(() => {
    t = createTempCore();
    admin = t.setupAdmin();
    operator = t.signIn('operator', 'operator1');
    official = t.signIn('official', 'official1');
    followup = t.signIn('followup', 'followup1');
  });
  afterAll(() => t.cleanup());

  it('answers unknown_method for unknown names and for names inherited from Object', () => {
    for (const name of ['no.such', 'clients', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      for (const token of [admin, null]) {
        const error = mustFail(t.core.dispatch(name, {}, token));
        expect(error.code, name).toBe('unknown_method');
        expect(error.message).toBe(MESSAGES['method.unknown']);
      }
    }
    expect(mustFail(t.core.dispatch(42 as unknown as string, {}, admin)).code).toBe('unknown_method');
  });

  it('refuses a non-public method without a live session', () => {
    for (const token of [null, '', 'not-a-real-token']) {
      const error = mustFail(t.core.dispatch('clients.search', { query: 'رضا' }, token));
      expect(error.code).toBe('unauthenticated');
      expect(error.message).toBe(MESSAGES['session.missing']);
    }
    expect(must(t.as(null)('auth.status', {})).needsSetup).toBe(false);
    expect(must(t.as(operator)('auth.me', {})).role).toBe('operator');
  });

  it('refuses a role the method does not allow, before looking at the input', () => {
    const cases: [string, string, unknown][] = [
      [operator, 'users.create', { username: 'someone', displayName: 'کسی', role: 'admin', password: 'long-enough-1' }],
      [operator, 'users.create', { nonsense: true }],
      [official, 'visits.register', { meetingId: 'x', requests: [] }],
      [followup, 'queue.callNext', { meetingId: 'x', desk: 'میز ۱' }],
      [followup, 'clients.create', newClient(1)],
      [operator, 'settings.save', { maxPriorityInRow: 1 }],
      [official, 'lists.save', { kind: 'counties', name: 'جدید' }],
    ];
    const usersBefore = countRows(t.core, 'users');
    const clientsBefore = countRows(t.core, 'clients');
    for (const [token, method, input] of cases) {
      const error = mustFail(t.core.dispatch(method, input, token));
      expect(error.code, method).toBe('forbidden');
      expect(error.message).toBe(MESSAGES['role.forbidden']);
      expect(error.field).toBeUndefined();
    }
    expect(countRows(t.core, 'users')).toBe(usersBefore);
    expect(countRows(t.core, 'clients')).toBe(clientsBefore);
    // the same roles may use what they are given
    expect(must(t.as(followup)('clients.search', { query: 'رضا' }))).toEqual([]);
    expect(must(t.as(official)('settings.get', {})).maxPriorityInRow).toBe(3);
  });

  describe('invalid input', () => {
    let meetingId: string;
    let categoryId: string;
    beforeAll(() => {
      meetingId = createOpenMeeting(t.as(admin));
      categoryId = firstCategoryId(t.as(admin));
    });

    const expectInvalid = (method: string, input: unknown, field: string | undefined, text: string | RegExp) => {
      const error = mustFail(t.core.dispatch(method, input, admin));
      expect(error.code, `${method} ${field}`).toBe('invalid_input');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(PERSIAN);
      if (typeof text === 'string') expect(error.message).toContain(text);
      else expect(error.message).toMatch(text);
      return error;
    };

    it('names the field and gives a Persian message for client fields', () => {
      const wrongCheck = nationalIdFor(3).slice(0, 9) + String((Number(nationalIdFor(3)[9]) + 1) % 10);
      expect(expectInvalid('clients.create', newClient(3, { nationalId: wrongCheck }), 'nationalId', 'کد ملی').message).toBe(
        MESSAGES['nationalId.checksum'],
      );
      expect(expectInvalid('clients.create', newClient(3, { nationalId: '۱۲۳۴۵' }), 'nationalId', 'کد ملی').message).toBe(MESSAGES['nationalId.length']);
      expect(expectInvalid('clients.create', { ...newClient(3), firstName: undefined }, 'firstName', '«نام»').message).toBe('«نام» را وارد کنید.');
      expectInvalid('clients.create', newClient(3, { firstName: '   ' }), 'firstName', '«نام» را وارد کنید');
      expectInvalid('clients.create', newClient(3, { lastName: 'ب'.repeat(81) }), 'lastName', /«نام خانوادگی».*۸۰/);
      expectInvalid('clients.create', newClient(3, { sex: 'other' }), 'sex', 'جنسیت');
      expectInvalid('clients.create', newClient(3, { mobile: '12345' }), 'mobile', MESSAGES['mobile.format']);
      expectInvalid('clients.create', newClient(3, { birthDate: '1990-02-30' }), 'birthDate', MESSAGES['date.invalid']);
      expectInvalid('clients.create', newClient(3, { circumstances: ['rich'] }), 'circumstances.0', 'وضعیت');
    });

    it('gives the dotted path of nested fields of a registration', () => {
      const base = { meetingId, newClient: newClient(4), requests: [{ categoryId, text: 'درخواست ویلچر' }] };
      expectInvalid('visits.register', { ...base, newClient: newClient(4, { nationalId: '0000000000' }) }, 'newClient.nationalId', 'کد ملی');
      expectInvalid('visits.register', { ...base, requests: [{ categoryId: '', text: 'متن' }] }, 'requests.0.categoryId', MESSAGES['category.required']);
      expectInvalid('visits.register', { ...base, requests: [{ categoryId, text: 'یک' }, { categoryId, text: '' }] }, 'requests.1.text', 'شرح درخواست');
      expectInvalid('visits.register', { ...base, requests: [] }, 'requests', MESSAGES['requests.empty']);
      expectInvalid('visits.register', { ...base, priority: 'urgent' }, 'priorityReason', MESSAGES['priority.reason']);
      expectInvalid('visits.register', { meetingId, requests: base.requests }, 'clientId', MESSAGES['client.required']);
      expectInvalid('visits.register', { ...base, clientId: 'someone' }, 'clientId', MESSAGES['client.required']);
      expectInvalid('queue.callNext', { meetingId, desk: '' }, 'desk', '«میز»');
      expectInvalid('settings.save', { maxPriorityInRow: 21 }, 'maxPriorityInRow', /حداکثر نوبت ویژه پشت سر هم.*۲۰/);
    });

    it('rejects unknown keys at any depth (strict schemas)', () => {
      const top = expectInvalid('clients.create', newClient(5, { nickname: 'x' }), undefined, 'nickname');
      expect(top.message).toContain('ناشناخته');
      const base = { meetingId, newClient: newClient(5), requests: [{ categoryId, text: 'درخواست' }] };
      expectInvalid('visits.register', { ...base, newClient: newClient(5, { isAdmin: true }) }, 'newClient', 'isAdmin');
      expectInvalid('visits.register', { ...base, requests: [{ categoryId, text: 'درخواست', amount: 5 }] }, 'requests.0', 'amount');
      expectInvalid('auth.me', { extra: 1 }, undefined, 'extra');
    });

    it('refuses input of the wrong shape but treats a missing input as empty', () => {
      expect(mustFail(t.core.dispatch('clients.search', 'رضا', admin)).code).toBe('invalid_input');
      expect(mustFail(t.core.dispatch('clients.search', [{ query: 'رضا' }], admin)).code).toBe('invalid_input');
      expect(mustFail(t.core.dispatch('clients.search', { query: 5 }, admin)).field).toBe('query');
      expect(must(t.core.dispatch('auth.me', undefined, admin))).toMatchObject({ username: 'admin', role: 'admin' });
      expect(countRows(t.core, 'clients')).toBe(0);
    });
  });
});

describe('failed calls write nothing and emit nothing', () => {
  let t: TempCore;
  let operator: string;
  let meetingId: string;
  let categoryId: string;

  beforeEach(() => {
    t = createTempCore();
    const admin = t.setupAdmin();
    operator = t.signIn('operator', 'operator1');
    meetingId = createOpenMeeting(t.as(admin));
    categoryId = firstCategoryId(t.as(admin));
  });
  afterEach(() => t.cleanup());

  const snapshot = () => ({
    clients: countRows(t.core, 'clients'),
    visits: countRows(t.core, 'visits'),
    requests: countRows(t.core, 'requests'),
    audit: countRows(t.core, 'audit_log'),
    meetings: countRows(t.core, 'meetings'),
    nextTicket: (t.core.db.prepare('SELECT next_ticket AS n FROM meetings WHERE id = ?').get(meetingId) as { n: number }).n,
  });

  it('leaves every table as it was after refused registrations', () => {
    const op = t.as(operator);
    const adminToken = must(t.as(null)('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    const closedMeeting = createMeeting(t.as(adminToken), 'جلسه بسته');
    must(t.as(adminToken)('meetings.close', { id: closedMeeting }));
    const plannedMeeting = createMeeting(t.as(adminToken), 'جلسه آینده');
    const inactive = must(t.as(adminToken)('lists.save', { kind: 'categories', name: 'دسته غیرفعال', active: false })).id;
    const existing = must(op('clients.create', newClient(20)));

    const before = snapshot();
    const eventsBefore = t.events.length;
    const request = [{ categoryId, text: 'درخواست کمک هزینه مسکن' }];
    const attempts: [unknown, string, string][] = [
      [{ meetingId, newClient: newClient(21, { nationalId: '۱۲۳۴۵۶۷۸۹۰' }), requests: request }, 'invalid_input', 'newClient.nationalId'],
      [{ meetingId, newClient: newClient(21), requests: [{ categoryId: 'no-such-category', text: 'متن' }] }, 'invalid_input', 'requests.0.categoryId'],
      [{ meetingId, newClient: newClient(21), requests: [...request, { categoryId: inactive, text: 'متن' }] }, 'invalid_input', 'requests.1.categoryId'],
      [{ meetingId: closedMeeting, newClient: newClient(21), requests: request }, 'conflict', 'meetingId'],
      [{ meetingId: plannedMeeting, newClient: newClient(21), requests: request }, 'conflict', 'meetingId'],
      [{ meetingId: 'no-such-meeting', newClient: newClient(21), requests: request }, 'not_found', 'meetingId'],
      [{ meetingId, newClient: newClient(20, { firstName: 'دیگری' }), requests: request }, 'conflict', 'newClient.nationalId'],
      [{ meetingId, clientId: 'no-such-client', requests: request }, 'not_found', 'clientId'],
      [{ meetingId, newClient: newClient(21, { countyId: 'no-such-county' }), requests: request }, 'invalid_input', 'newClient.countyId'],
    ];
    for (const [input, code, field] of attempts) {
      const error = mustFail(t.core.dispatch('visits.register', input, operator));
      expect(error.code, field).toBe(code);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(PERSIAN);
      expect(snapshot()).toEqual(before);
    }
    expect(t.events.length).toBe(eventsBefore);

    // the same registration, corrected, goes through and takes ticket 1
    const ticket = must(op('visits.register', { meetingId, clientId: existing.id, requests: request }));
    expect(ticket.ticket).toBe(1);
    expect(snapshot()).toEqual({ ...before, visits: before.visits + 1, requests: before.requests + 1, audit: before.audit + 1, nextTicket: 2 });
  });

  it('rolls back a registration that fails after writing the client and the visit', () => {
    // A fault in the last statement of the handler (simulated by a trigger on this connection only):
    // the client, the audit entry, the ticket counter and the visit were already written inside the transaction.
    t.core.db.exec("CREATE TEMP TRIGGER fail_requests BEFORE INSERT ON main.requests BEGIN SELECT RAISE(ABORT, 'simulated disk fault'); END");
    const before = snapshot();
    const input = { meetingId, newClient: newClient(30), requests: [{ categoryId, text: 'درخواست' }] };

    const error = mustFail(t.core.dispatch('visits.register', input, operator));
    expect(error).toEqual({ code: 'internal', message: MESSAGES.internal });
    expect(t.internalErrors).toHaveLength(1);
    expect(String(t.internalErrors[0])).toContain('simulated disk fault');
    expect(snapshot()).toEqual(before);
    expect(t.core.db.inTransaction).toBe(false);
    expect(t.events.filter((e) => e.name === 'queue.changed' || e.name === 'clients.changed')).toEqual([]);

    t.core.db.exec('DROP TRIGGER temp.fail_requests');
    const ticket = must(t.as(operator)('visits.register', input));
    expect(ticket.ticket).toBe(1);
    expect(countRows(t.core, 'clients')).toBe(before.clients + 1);
  });
});

describe('events', () => {
  let t: TempCore;
  afterEach(() => t.cleanup());

  it('go out after the transaction commits, visible to another connection, in the order they were raised', () => {
    t = createTempCore();
    const admin = t.setupAdmin();
    const meetingId = createOpenMeeting(t.as(admin));
    const categoryId = firstCategoryId(t.as(admin));
    const reader = new Database(t.file, { readonly: true });
    const seen: { event: DidarEvent; inTransaction: boolean; visitsSeenByOther: number; clientsSeenByOther: number }[] = [];
    const off = t.core.onEvent((event) =>
      seen.push({
        event,
        inTransaction: t.core.db.inTransaction,
        visitsSeenByOther: (reader.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n,
        clientsSeenByOther: (reader.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n,
      }),
    );
    try {
      const ticket = must(t.as(admin)('visits.register', { meetingId, newClient: newClient(40), requests: [{ categoryId, text: 'درخواست' }] }));
      expect(seen.map((s) => s.event)).toEqual([
        { name: 'clients.changed', payload: { clientId: ticket.clientId } },
        { name: 'queue.changed', payload: { meetingId } },
        { name: 'meetings.changed', payload: { meetingId } },
      ]);
      for (const s of seen) {
        expect(s.inTransaction).toBe(false);
        expect(s.visitsSeenByOther).toBe(1);
        expect(s.clientsSeenByOther).toBe(1);
      }

      off();
      must(t.as(admin)('queue.callNext', { meetingId, desk: 'میز ۱' }));
      expect(seen).toHaveLength(3);
      expect(t.events.at(-1)).toEqual({ name: 'queue.changed', payload: { meetingId } });
    } finally {
      reader.close();
    }
  });

  it('a listener that throws neither fails the committed call nor stops the other events', () => {
    t = createTempCore();
    const admin = t.setupAdmin();
    const off = t.core.onEvent(() => {
      throw new Error('broken desk connection');
    });
    const before = t.events.length;
    const result = t.as(admin)('settings.save', { maxPriorityInRow: 4 });
    off();
    expect(result.ok).toBe(true);
    expect(t.events.length).toBe(before + 1);
    expect(must(t.as(admin)('settings.get', {})).maxPriorityInRow).toBe(4);
    expect(t.internalErrors.length).toBe(1);
  });

  it('are not emitted by reads or by failed calls', () => {
    t = createTempCore();
    const admin = t.setupAdmin();
    const meetingId = createMeeting(t.as(admin));
    const count = t.events.length;
    must(t.as(admin)('queue.list', { meetingId }));
    must(t.as(admin)('clients.search', { query: 'زهرا' }));
    mustFail(t.as(admin)('queue.callNext', { meetingId, desk: 'میز ۱' })); // planned meeting
    mustFail(t.core.dispatch('clients.create', { nationalId: '1' }, admin));
    mustFail(t.as(admin)('auth.setup', { username: 'second', displayName: 'دوم', password: 'long-enough-1' }));
    expect(t.events.length).toBe(count);
    must(t.as(admin)('meetings.open', { id: meetingId }));
    expect(t.events.length).toBe(count + 1);
  });
});

describe('auth', () => {
  let t: TempCore;
  beforeEach(() => {
    t = createTempCore();
  });
  afterEach(() => t.cleanup());

  it('sets up the first admin once, then refuses with conflict', () => {
    const pub = t.as(null);
    expect(must(pub('auth.status', {}))).toMatchObject({ needsSetup: true, directorateName: 'اداره کل بهزیستی استان سمنان' });
    const short = mustFail(pub('auth.setup', { username: 'admin', displayName: 'مدیر', password: 'short' }));
    expect(short).toEqual({ code: 'invalid_input', message: MESSAGES['password.short'], field: 'password' });
    expect(countRows(t.core, 'users')).toBe(0);

    const session = must(pub('auth.setup', { username: ' Admin ', displayName: 'مدیر سامانه', password: ADMIN_PASSWORD }));
    expect(session.user).toMatchObject({ username: 'admin', role: 'admin', displayName: 'مدیر سامانه' });
    expect(must(t.as(session.token)('auth.me', {})).userId).toBe(session.user.userId);
    expect(must(pub('auth.status', {})).needsSetup).toBe(false);

    const again = mustFail(pub('auth.setup', { username: 'intruder', displayName: 'نفوذی', password: 'another-password-1' }));
    expect(again.code).toBe('conflict');
    expect(again.message).toBe(MESSAGES['setup.done']);
    expect(countRows(t.core, 'users')).toBe(1);
    expect(must(t.as(session.token)('users.list', {})).map((u) => u.username)).toEqual(['admin']);
  });

  it('refuses a wrong password or an unknown user with the same message', () => {
    t.setupAdmin();
    const pub = t.as(null);
    const sessionsBefore = countRows(t.core, 'sessions');
    const wrong = mustFail(pub('auth.login', { username: 'admin', password: 'wrong-password' }));
    expect(wrong).toEqual({ code: 'unauthenticated', message: MESSAGES['login.failed'], field: 'password' });
    const unknown = mustFail(pub('auth.login', { username: 'nobody', password: ADMIN_PASSWORD }));
    expect(unknown).toEqual(wrong);
    expect(countRows(t.core, 'sessions')).toBe(sessionsBefore);
    expect(must(pub('auth.login', { username: 'ADMIN', password: ADMIN_PASSWORD })).user.username).toBe('admin');
  });

  it('accepts a username typed with Persian digits, as it was stored', () => {
    const admin = t.setupAdmin();
    must(t.as(admin)('users.create', { username: 'desk۱۲', displayName: 'میز دوازده', role: 'operator', password: USER_PASSWORD }));
    expect(must(t.as(null)('auth.login', { username: 'DESK۱۲', password: USER_PASSWORD })).user.username).toBe('desk12');
  });

  it('logout ends only the session it is called with', () => {
    const setupToken = t.setupAdmin();
    const pub = t.as(null);
    const a = must(pub('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    const b = must(pub('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    expect(new Set([setupToken, a, b]).size).toBe(3);

    expect(must(t.as(a)('auth.logout', {}))).toBeNull();
    expect(mustFail(t.as(a)('auth.me', {})).code).toBe('unauthenticated');
    expect(mustFail(t.as(a)('auth.logout', {})).code).toBe('unauthenticated');
    expect(must(t.as(b)('auth.me', {})).username).toBe('admin');
    expect(must(t.as(setupToken)('auth.me', {})).username).toBe('admin');
  });

  it('ends a session after its lifetime', () => {
    const token = t.setupAdmin();
    // Busy all along (a call every hour, so never idle), the session still ends after 12 hours.
    for (let hour = 1; hour <= 11; hour++) {
      t.clock.advance(3600_000);
      expect(must(t.as(token)('auth.me', {})).username).toBe('admin');
    }
    t.clock.advance(3600_000);
    expect(mustFail(t.as(token)('auth.me', {})).code).toBe('unauthenticated');
  });

  it('stores only a hash of the session token', () => {
    const token = t.setupAdmin();
    const stored = t.core.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('ctx.failAfterCommit', () => {
  let t: TempCore;
  beforeEach(() => {
    t = createTempCore();
  });
  afterEach(() => t.cleanup());

  it('commits the writes, then sends the events, then answers the error (a wrong password is counted and audited)', () => {
    t.setupAdmin();
    const reader = new Database(t.file, { readonly: true });
    const seen: { event: DidarEvent; inTransaction: boolean; locksSeenByOther: number }[] = [];
    const off = t.core.onEvent((event) =>
      seen.push({
        event,
        inTransaction: t.core.db.inTransaction,
        locksSeenByOther: (reader.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'login.locked'").get() as { n: number }).n,
      }),
    );
    try {
      const auditBefore = countRows(t.core, 'audit_log');
      const first = mustFail(t.as(null)('auth.login', { username: 'admin', password: 'wrong-password-1' }));
      expect(first).toEqual({ code: 'unauthenticated', message: MESSAGES['login.failed'], field: 'password' });
      // The call failed, yet its count and its audit row are there, for any connection to see.
      expect(reader.prepare("SELECT failed_logins FROM users WHERE username = 'admin'").get()).toEqual({ failed_logins: 1 });
      expect(countRows(t.core, 'audit_log')).toBe(auditBefore + 1);
      expect(t.core.db.inTransaction).toBe(false);
      expect(seen).toEqual([]);

      for (let i = 2; i <= 4; i++) mustFail(t.as(null)('auth.login', { username: 'admin', password: 'wrong-password-1' }));
      const locked = mustFail(t.as(null)('auth.login', { username: 'admin', password: 'wrong-password-1' }));
      expect(locked.code).toBe('unauthenticated');
      expect(locked.message).toContain('قفل');
      // The lock's event went out after the commit: the other connection already saw the lock.
      expect(seen).toEqual([{ event: { name: 'users.changed', payload: {} }, inTransaction: false, locksSeenByOther: 1 }]);
    } finally {
      off();
      reader.close();
    }
  });

  it('leaves a plain thrown AppError rolling everything back', () => {
    const admin = t.setupAdmin();
    const users = countRows(t.core, 'users');
    const audits = countRows(t.core, 'audit_log');
    const events = t.events.length;
    // users.create writes nothing when it fails after its checks (duplicate username).
    mustFail(t.as(admin)('users.create', { username: 'admin', displayName: 'دیگری', role: 'operator', password: USER_PASSWORD }));
    expect(countRows(t.core, 'users')).toBe(users);
    expect(countRows(t.core, 'audit_log')).toBe(audits);
    expect(t.events.length).toBe(events);
  });
});
