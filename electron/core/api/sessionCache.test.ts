import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, must, mustFail, type TempCore } from '../testing/tempCore';
import { SESSION_HOURS, SESSION_IDLE_MINUTES } from './auth';
import { cachedSessionCount } from './sessionCache';

/**
 * The session cache must never let a call through that the database would refuse: every way a
 * session ends or a user changes is tried right after the session was cached.
 */
const MINUTE = 60_000;
let t: TempCore;
let admin: string;
let oper: string;
beforeEach(() => {
  t = createTempCore();
  admin = t.setupAdmin();
  oper = t.signIn('operator', 'oper');
});
afterEach(() => t.cleanup());

/** A read the operator may make; it succeeds only with a live session. */
const search = (token: string) => t.as(token)('clients.search', { query: 'احمدی' });
const operId = () => (t.core.db.prepare("SELECT id FROM users WHERE username = 'oper'").get() as { id: string }).id;

/** Calls twice (the second from the cache) and checks the cache holds the session. */
function cached(token: string) {
  must(search(token));
  must(search(token));
  expect(cachedSessionCount(t.core.db)).toBeGreaterThan(0);
}

describe('the session cache', () => {
  it('keeps a session after its first call, and forgets it at sign-out', () => {
    cached(oper);
    must(t.as(oper)('auth.logout', {}));
    expect(mustFail(search(oper)).code).toBe('unauthenticated');
  });

  it('forgets a session ended by sign-out everywhere, by the admin, or by a password reset', () => {
    cached(oper);
    must(t.as(admin)('users.revokeSessions', { id: operId() }));
    expect(mustFail(search(oper)).code).toBe('unauthenticated');

    const again = must(t.as(null)('auth.login', { username: 'oper', password: 'user-password-1' })).token;
    cached(again);
    must(t.as(admin)('users.resetPassword', { id: operId(), password: 'another-password-2' }));
    expect(mustFail(search(again)).code).toBe('unauthenticated');
  });

  it('sees a user made inactive or given another role at once', () => {
    cached(oper);
    must(t.as(admin)('users.update', { id: operId(), displayName: 'کاربر', role: 'followup', unitId: null, agencyId: null }));
    // A follow-up officer may not register visits; the cached operator role must not linger.
    expect(must(t.as(oper)('auth.me', {})).role).toBe('followup');
    cached(oper);
    must(t.as(admin)('users.setActive', { id: operId(), active: false }));
    expect(mustFail(search(oper)).code).toBe('unauthenticated');
  });

  it('holds a cached session to its idle and absolute limits', () => {
    cached(oper);
    t.clock.advance((SESSION_IDLE_MINUTES + 1) * MINUTE);
    expect(mustFail(search(oper)).code).toBe('unauthenticated');

    const fresh = must(t.as(null)('auth.login', { username: 'oper', password: 'user-password-1' })).token;
    cached(fresh);
    // Busy all day: a call every 30 minutes keeps it from going idle, but 12 hours end it.
    for (let spent = 0; spent < SESSION_HOURS * 60 - 30; spent += 30) {
      t.clock.advance(30 * MINUTE);
      must(search(fresh));
    }
    t.clock.advance(31 * MINUTE);
    expect(mustFail(search(fresh)).code).toBe('unauthenticated');
  });

  it('forgets everything when another connection changes the file', () => {
    cached(oper);
    const other = new Database(t.file);
    try {
      other.prepare('DELETE FROM sessions').run();
    } finally {
      other.close();
    }
    expect(mustFail(search(oper)).code).toBe('unauthenticated');
    expect(mustFail(search(admin)).code).toBe('unauthenticated');
  });

  it('is not fooled by a change rolled back on its own connection', () => {
    cached(oper);
    const tryEnd = t.core.db.transaction(() => {
      t.core.db.prepare('DELETE FROM sessions').run();
      throw new Error('rolled back');
    });
    expect(() => tryEnd()).toThrow('rolled back');
    // The rows are back, and so is the session: refused would be wrong too.
    must(search(oper));
  });
});
