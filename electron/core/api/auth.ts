import { SqliteError } from 'better-sqlite3';
import type { Actor, SessionInfo, UserRow } from '../contract';
import { authContract, type UserAdminRow } from '../contract/auth';
import { toLatinDigits, toPersianDigits } from '../domain/digits';
import { newId } from '../domain/ids';
import { hashPassword, hashToken, newSessionToken, verifyDummyPassword, verifyPassword } from '../domain/password';
import { leansOnUsername } from '../domain/passwordRules';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { AppError, fail } from './errors';
import { prepared } from '../db/statements';
import { readSettings } from './settingsStore';
import { cachedSession, rememberSession, type CachedSession } from './sessionCache';
import { activeItemExists } from './lists';
import { applySetup, checkSetup, setupDefaults } from './setup';

/** A session ends this long after sign-in, whatever happens. */
export const SESSION_HOURS = 12;
/** …or after this long without a call (the waiting-room display is exempt: it only listens). */
export const SESSION_IDLE_MINUTES = 120;
/** A session's last-seen time is written at most this often, not on every call. */
const TOUCH_EVERY_MS = 60_000;
/** This many wrong passwords in a row lock the account… */
export const LOCKOUT_FAILURES = 5;
/** …for this long (an admin can lift it sooner, or reset the password). */
export const LOCKOUT_MINUTES = 15;

interface UserDbRow {
  id: string;
  username: string;
  display_name: string;
  role: Actor['role'];
  password_hash: string;
  active: number;
  unit_id: string | null;
  agency_id: string | null;
  created_at: string;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string | null;
  last_login_at: string | null;
}

const toActor = (u: UserDbRow): Actor => ({
  userId: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  unitId: u.unit_id,
  agencyId: u.agency_id,
});
const toUserRow = (u: UserDbRow): UserRow => ({ ...toActor(u), active: u.active === 1, createdAt: u.created_at });

const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const idleCutoff = (now: string) => plusMs(now, -SESSION_IDLE_MINUTES * 60_000);

/**
 * SQL: the session `s` is alive at `?` (absolute expiry) and not idle since `?`. The display is
 * exempt from the idle rule (it only listens); a session from before version 90 has no
 * last-seen time yet and is held to its absolute expiry until its first call sets one.
 */
const ALIVE = `s.expires_at > ? AND (s.last_seen_at IS NULL OR s.last_seen_at > ? OR u.role = 'display')`;

function startSession(ctx: Ctx, user: UserDbRow): SessionInfo {
  const { token, hash } = newSessionToken();
  const expiresAt = plusMs(ctx.now, SESSION_HOURS * 3600_000);
  ctx.db
    .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
    .run(hash, user.id, ctx.now, expiresAt, ctx.now);
  return { token, user: toActor(user), expiresAt };
}

/** The cached session is still within both time limits at `nowMs` (the SQL's ALIVE, in JS). */
const stillAlive = (s: CachedSession, nowMs: number) =>
  s.expiresMs > nowMs && (s.seenMs === null || s.seenMs > nowMs - SESSION_IDLE_MINUTES * 60_000 || s.actor.role === 'display');
/** The last-seen time is due to move forward (at most once a minute). */
const touchDue = (seenMs: number | null, nowMs: number) => seenMs === null || seenMs <= nowMs - TOUCH_EVERY_MS;

/**
 * The signed-in user a session token belongs to, or null if the token is unknown, past its 12
 * hours, idle too long, or the user inactive. A live session's last-seen time moves forward
 * (at most once a minute, so most calls write nothing). Sessions already read come from the
 * connection's cache (sessionCache.ts), which forgets them whenever sessions or users change.
 * Call it outside a transaction or first thing in one, before anything is written. With
 * `touch: false` it only looks (the station re-checking an open events socket is not a call).
 */
export function actorForToken(db: Ctx['db'], token: string, now: string, { touch = true } = {}): Actor | null {
  const nowMs = Date.parse(now);
  const cached = cachedSession(db, token);
  if (cached && stillAlive(cached, nowMs) && !touchDue(cached.seenMs, nowMs)) return cached.actor;
  const hash = hashToken(token);
  // Prepared once per connection (db/statements.ts): every call but the public three comes through here.
  const row = prepared(
    db,
    `SELECT u.*, s.last_seen_at AS session_seen, s.expires_at AS session_expires FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND ${ALIVE} AND u.active = 1`,
  ).get(hash, now, idleCutoff(now)) as (UserDbRow & { session_seen: string | null; session_expires: string }) | undefined;
  if (!row) return null;
  let seenMs = row.session_seen === null ? null : Date.parse(row.session_seen);
  if (touch && touchDue(seenMs, nowMs)) {
    try {
      prepared(db, 'UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, hash);
      seenMs = nowMs;
    } catch (e) {
      // Inside a read's transaction the write needs the write lock, which another connection may
      // hold: the session is alive all the same, and a later call moves its last-seen time.
      if (!(e instanceof SqliteError && e.code.startsWith('SQLITE_BUSY'))) throw e;
    }
  }
  const actor = Object.freeze(toActor(row));
  rememberSession(db, token, { actor, expiresMs: Date.parse(row.session_expires), seenMs });
  return actor;
}

function userById(ctx: Ctx, id: string): UserDbRow {
  const row = ctx.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserDbRow | undefined;
  if (!row) throw fail.notFound('user.notFound', 'id');
  return row;
}

function checkRepresentation(ctx: Ctx, role: Actor['role'], unitIdIn: string | null | undefined, agencyIdIn: string | null | undefined) {
  const unitId = role === 'unit' ? (unitIdIn ?? null) : null;
  const agencyId = role === 'agency' ? (agencyIdIn ?? null) : null;
  if (unitId !== null && !activeItemExists(ctx.db, 'units', unitId)) throw fail.invalid('unit.notFound', 'unitId');
  if (agencyId !== null && !activeItemExists(ctx.db, 'agencies', agencyId)) throw fail.invalid('agency.notFound', 'agencyId');
  return { unitId, agencyId };
}

function checkNotUsername(password: string, username: string, field: string) {
  if (leansOnUsername(password, username)) throw fail.invalid('password.containsUsername', field);
}

function createUser(
  ctx: Ctx,
  input: { username: string; displayName: string; role: Actor['role']; password: string; unitId?: string | null; agencyId?: string | null },
): UserDbRow {
  const taken = ctx.db.prepare('SELECT 1 FROM users WHERE username = ?').get(input.username);
  if (taken) throw fail.conflict('user.duplicate', {}, 'username');
  checkNotUsername(input.password, input.username, 'password');
  const { unitId, agencyId } = checkRepresentation(ctx, input.role, input.unitId, input.agencyId);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO users (id, username, display_name, role, password_hash, active, unit_id, agency_id, created_at, updated_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    )
    .run(id, input.username, input.displayName, input.role, hashPassword(input.password), unitId, agencyId, ctx.now, ctx.now, ctx.now);
  const row = userById(ctx, id);
  audit(ctx, 'create', 'user', id, null, { username: row.username, role: row.role, displayName: row.display_name });
  ctx.emit('users.changed', {});
  return row;
}

/** Ends a user's sessions, except (optionally) one; returns how many ended. */
function endSessions(ctx: Ctx, userId: string, keepToken: string | null = null): number {
  const keep = keepToken ? hashToken(keepToken) : '';
  return ctx.db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(userId, keep).changes;
}

const lockedError = (lockedUntil: string, now: string) =>
  new AppError('unauthenticated', 'login.locked', 'password', {
    minutes: toPersianDigits(String(Math.max(1, Math.ceil((Date.parse(lockedUntil) - Date.parse(now)) / 60_000)))),
  });

const isLocked = (u: UserDbRow, now: string) => u.locked_until !== null && u.locked_until > now;

/**
 * Counts one wrong password against a user (at sign-in or when changing one's password) and
 * audits it; the fifth in a row locks the account for 15 minutes, audited too. The caller then
 * ends the call with `ctx.failAfterCommit`, so the count and the audit rows are kept.
 */
function countFailure(ctx: Ctx, user: UserDbRow, where: 'login' | 'changePassword'): { locked: string | null } {
  const failures = user.failed_logins + 1;
  audit(ctx, 'login.failed', 'user', user.id, null, { where, failures });
  if (failures < LOCKOUT_FAILURES) {
    ctx.db.prepare('UPDATE users SET failed_logins = ? WHERE id = ?').run(failures, user.id);
    return { locked: null };
  }
  const lockedUntil = plusMs(ctx.now, LOCKOUT_MINUTES * 60_000);
  ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?').run(lockedUntil, user.id);
  audit(ctx, 'login.locked', 'user', user.id, null, { failures, lockedUntil });
  ctx.emit('users.changed', {}); // the admin's list shows the lock
  return { locked: lockedUntil };
}

function activeAdminsOtherThan(ctx: Ctx, id: string): number {
  return (ctx.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND id <> ?").get(id) as { n: number }).n;
}

const auditedUser = (u: UserDbRow) => ({
  displayName: u.display_name,
  role: u.role,
  unitId: u.unit_id,
  agencyId: u.agency_id,
  active: u.active === 1,
});

export const authHandlers = {
  'auth.status': (_input, ctx) => {
    const count = (ctx.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    const directorateName = readSettings(ctx.db).directorateName;
    return count === 0 ? { needsSetup: true, directorateName, setup: setupDefaults(ctx.db) } : { needsSetup: false, directorateName };
  },
  /**
   * The first run, in one transaction: every check first (the password against the username, the
   * counties, then the backup folder on disk), then the admin, the settings and counties (audited
   * as the new admin) and the session. Any refusal rolls everything back.
   */
  'auth.setup': (input, ctx) => {
    const count = (ctx.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    if (count > 0) throw fail.conflict('setup.done');
    checkNotUsername(input.password, input.username, 'password');
    checkSetup(ctx, input);
    const user = createUser(ctx, { username: input.username, displayName: input.displayName, password: input.password, role: 'admin' });
    applySetup({ ...ctx, actor: toActor(user) }, input);
    return startSession(ctx, user);
  },
  /**
   * Sign-in. An unknown or inactive username costs the same scrypt work as a known one and
   * gets the same message. A locked account is refused (with the minutes left) without looking
   * at the password. Failures are counted and audited although the call fails (failAfterCommit).
   */
  'auth.login': (input, ctx) => {
    const username = toLatinDigits(input.username).trim().toLowerCase();
    const row = ctx.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserDbRow | undefined;
    const wrong = new AppError('unauthenticated', 'login.failed', 'password');
    if (!row || row.active !== 1) {
      verifyDummyPassword(input.password);
      // An unknown name is not written down: people sometimes type their password into it.
      audit(ctx, 'login.failed', 'user', row?.id ?? 'unknown', null, { reason: row ? 'inactive' : 'unknown' });
      return ctx.failAfterCommit(wrong);
    }
    if (isLocked(row, ctx.now)) {
      audit(ctx, 'login.refused', 'user', row.id, null, { reason: 'locked', lockedUntil: row.locked_until });
      return ctx.failAfterCommit(lockedError(row.locked_until!, ctx.now));
    }
    if (!verifyPassword(input.password, row.password_hash)) {
      const { locked } = countFailure(ctx, row, 'login');
      return ctx.failAfterCommit(locked ? lockedError(locked, ctx.now) : wrong);
    }
    ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(ctx.now, row.id);
    ctx.db
      .prepare("DELETE FROM sessions WHERE expires_at <= ? OR (last_seen_at <= ? AND user_id NOT IN (SELECT id FROM users WHERE role = 'display'))")
      .run(ctx.now, idleCutoff(ctx.now));
    audit({ ...ctx, actor: toActor(row) }, 'login', 'user', row.id, null, null);
    return startSession(ctx, row);
  },
  'auth.me': (_input, ctx) => me(ctx),
  'auth.logout': (_input, ctx) => {
    me(ctx);
    if (ctx.token) ctx.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(ctx.token));
    ctx.emit('users.changed', {}); // the admin's list counts sessions; open event sockets are checked again
    return null;
  },
  'auth.logoutEverywhere': (_input, ctx) => {
    const actor = me(ctx);
    const ended = endSessions(ctx, actor.userId);
    audit(ctx, 'logoutEverywhere', 'user', actor.userId, null, { ended });
    ctx.emit('users.changed', {});
    return { ended };
  },
  'auth.changePassword': (input, ctx) => {
    const actor = me(ctx);
    const row = userById(ctx, actor.userId);
    if (!verifyPassword(input.current, row.password_hash)) {
      const { locked } = countFailure(ctx, row, 'changePassword');
      if (!locked) return ctx.failAfterCommit(fail.invalid('password.currentWrong', 'current'));
      // Guessing one's password from a signed-in session locks the account and ends its sessions.
      endSessions(ctx, row.id);
      return ctx.failAfterCommit(lockedError(locked, ctx.now));
    }
    checkNotUsername(input.next, row.username, 'next');
    if (input.next === input.current) throw fail.invalid('password.same', 'next');
    ctx.db
      .prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, updated_at = ? WHERE id = ?')
      .run(hashPassword(input.next), ctx.now, ctx.now, row.id);
    const ended = endSessions(ctx, row.id, ctx.token);
    audit(ctx, 'password.change', 'user', row.id, null, { otherSessionsEnded: ended });
    ctx.emit('users.changed', {});
    return null;
  },
  'users.list': (_input, ctx) => {
    const rows = ctx.db.prepare('SELECT * FROM users ORDER BY created_at').all() as UserDbRow[];
    const live = new Map(
      (
        ctx.db
          .prepare(`SELECT s.user_id AS id, count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE ${ALIVE} GROUP BY s.user_id`)
          .all(ctx.now, idleCutoff(ctx.now)) as { id: string; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
    return rows.map(
      (u): UserAdminRow => ({
        ...toUserRow(u),
        lockedUntil: isLocked(u, ctx.now) ? u.locked_until : null,
        lastLoginAt: u.last_login_at,
        passwordChangedAt: u.password_changed_at,
        sessions: u.active === 1 ? (live.get(u.id) ?? 0) : 0,
      }),
    );
  },
  'users.create': (input, ctx) => toUserRow(createUser(ctx, input)),
  'users.update': (input, ctx) => {
    const before = userById(ctx, input.id);
    if (before.role === 'admin' && input.role !== 'admin' && before.active === 1 && activeAdminsOtherThan(ctx, before.id) === 0) {
      throw fail.conflict('user.lastAdmin', {}, 'role');
    }
    const { unitId, agencyId } = checkRepresentation(ctx, input.role, input.unitId, input.agencyId);
    ctx.db
      .prepare('UPDATE users SET display_name = ?, role = ?, unit_id = ?, agency_id = ?, updated_at = ? WHERE id = ?')
      .run(input.displayName, input.role, unitId, agencyId, ctx.now, before.id);
    const after = userById(ctx, before.id);
    audit(ctx, 'update', 'user', before.id, auditedUser(before), auditedUser(after));
    ctx.emit('users.changed', {});
    return toUserRow(after);
  },
  'users.setActive': (input, ctx) => {
    const actor = me(ctx);
    const before = userById(ctx, input.id);
    if (!input.active) {
      if (before.id === actor.userId) throw fail.conflict('user.selfDeactivate', {}, 'active');
      if (before.role === 'admin' && before.active === 1 && activeAdminsOtherThan(ctx, before.id) === 0) throw fail.conflict('user.lastAdmin', {}, 'active');
    }
    if ((before.active === 1) === input.active) return toUserRow(before);
    ctx.db.prepare('UPDATE users SET active = ?, updated_at = ? WHERE id = ?').run(input.active ? 1 : 0, ctx.now, before.id);
    const ended = input.active ? 0 : endSessions(ctx, before.id);
    const after = userById(ctx, before.id);
    audit(ctx, input.active ? 'activate' : 'deactivate', 'user', before.id, auditedUser(before), { ...auditedUser(after), sessionsEnded: ended });
    ctx.emit('users.changed', {});
    return toUserRow(after);
  },
  'users.resetPassword': (input, ctx) => {
    const row = userById(ctx, input.id);
    checkNotUsername(input.password, row.username, 'password');
    ctx.db
      .prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?')
      .run(hashPassword(input.password), ctx.now, ctx.now, row.id);
    const ended = endSessions(ctx, row.id, ctx.token);
    audit(ctx, 'password.reset', 'user', row.id, null, { sessionsEnded: ended });
    ctx.emit('users.changed', {});
    return null;
  },
  'users.unlock': (input, ctx) => {
    const row = userById(ctx, input.id);
    ctx.db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(row.id);
    audit(ctx, 'unlock', 'user', row.id, { lockedUntil: row.locked_until, failures: row.failed_logins }, null);
    ctx.emit('users.changed', {});
    return null;
  },
  'users.revokeSessions': (input, ctx) => {
    const row = userById(ctx, input.id);
    const ended = endSessions(ctx, row.id, ctx.token);
    audit(ctx, 'revokeSessions', 'user', row.id, null, { ended });
    ctx.emit('users.changed', {});
    return { ended };
  },
} satisfies HandlersOf<typeof authContract>;
