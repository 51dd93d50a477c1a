import type { Actor, SessionInfo, UserRow } from '../contract';
import { authContract } from '../contract/auth';
import { toLatinDigits } from '../domain/digits';
import { newId } from '../domain/ids';
import { hashPassword, hashToken, newSessionToken, verifyPassword } from '../domain/password';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { AppError, fail } from './errors';
import { readSettings } from './settingsStore';
import { activeItemExists } from './lists';

const SESSION_HOURS = 12;

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

function startSession(ctx: Ctx, user: UserDbRow): SessionInfo {
  const { token, hash } = newSessionToken();
  const expiresAt = new Date(Date.parse(ctx.now) + SESSION_HOURS * 3600_000).toISOString();
  ctx.db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hash, user.id, ctx.now, expiresAt);
  return { token, user: toActor(user), expiresAt };
}

/** The signed-in user a session token belongs to, or null if the token is unknown, expired or the user inactive. */
export function actorForToken(db: Ctx['db'], token: string, now: string): Actor | null {
  const row = db
    .prepare(
      `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
    )
    .get(hashToken(token), now) as UserDbRow | undefined;
  return row ? toActor(row) : null;
}

function createUser(
  ctx: Ctx,
  input: { username: string; displayName: string; role: Actor['role']; password: string; unitId?: string | null; agencyId?: string | null },
): UserDbRow {
  const taken = ctx.db.prepare('SELECT 1 FROM users WHERE username = ?').get(input.username);
  if (taken) throw fail.conflict('user.duplicate', {}, 'username');
  const unitId = input.role === 'unit' ? (input.unitId ?? null) : null;
  const agencyId = input.role === 'agency' ? (input.agencyId ?? null) : null;
  if (unitId !== null && !activeItemExists(ctx.db, 'units', unitId)) throw fail.invalid('unit.notFound', 'unitId');
  if (agencyId !== null && !activeItemExists(ctx.db, 'agencies', agencyId)) throw fail.invalid('agency.notFound', 'agencyId');
  const id = newId();
  ctx.db
    .prepare(
      'INSERT INTO users (id, username, display_name, role, password_hash, active, unit_id, agency_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
    )
    .run(id, input.username, input.displayName, input.role, hashPassword(input.password), unitId, agencyId, ctx.now, ctx.now);
  const row = ctx.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserDbRow;
  audit(ctx, 'create', 'user', id, null, { username: row.username, role: row.role, displayName: row.display_name });
  ctx.emit('users.changed', {});
  return row;
}

export const authHandlers = {
  'auth.status': (_input, ctx) => {
    const count = (ctx.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    return { needsSetup: count === 0, directorateName: readSettings(ctx.db).directorateName };
  },
  'auth.setup': (input, ctx) => {
    const count = (ctx.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    if (count > 0) throw fail.conflict('setup.done');
    const user = createUser(ctx, { ...input, role: 'admin' });
    return startSession(ctx, user);
  },
  'auth.login': (input, ctx) => {
    const row = ctx.db.prepare('SELECT * FROM users WHERE username = ? AND active = 1')      .get(toLatinDigits(input.username).trim().toLowerCase()) as
      | UserDbRow
      | undefined;
    if (!row || !verifyPassword(input.password, row.password_hash)) {
      throw new AppError('unauthenticated', 'login.failed', 'password');
    }
    ctx.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(ctx.now);
    return startSession(ctx, row);
  },
  'auth.me': (_input, ctx) => me(ctx),
  'auth.logout': (_input, ctx) => {
    me(ctx);
    if (ctx.token) ctx.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(ctx.token));
    return null;
  },
  'users.list': (_input, ctx) =>
    (ctx.db.prepare('SELECT * FROM users ORDER BY created_at').all() as UserDbRow[]).map(toUserRow),
  'users.create': (input, ctx) => toUserRow(createUser(ctx, input)),
} satisfies HandlersOf<typeof authContract>;
