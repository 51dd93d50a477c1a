import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typedCall } from '../api/dispatch';
import type { DidarEvent, Result, Role } from '../contract';
import { isValidNationalId, withCheckDigit } from '../domain/nationalId';
import { createCore, type Core } from '../index';

/**
 * Test helper: a core on a real SQLite file in a fresh temporary folder. The clock moves one
 * second forward on every reading, so each call has its own instant (the queue orders its
 * call history by time) and tests never depend on the machine's clock.
 */

export interface TestClock {
  (): Date;
  /** Jumps the clock forward (e.g. past a session's lifetime). */
  advance(ms: number): void;
}

export function steppingClock(start = '2026-04-01T05:30:00.000Z', stepMs = 1000): TestClock {
  let t = Date.parse(start);
  const clock = (() => {
    t += stepMs;
    return new Date(t);
  }) as TestClock;
  clock.advance = (ms) => {
    t += ms;
  };
  return clock;
}

export type Call = ReturnType<typeof typedCall>;

export interface TempCore {
  core: Core;
  dir: string;
  file: string;
  clock: TestClock;
  /** Every event emitted since the core was made, in order. */
  events: DidarEvent[];
  /** Unexpected errors the core logged (they reach callers only as `internal`). */
  internalErrors: unknown[];
  /** A typed caller holding `token` (null: not signed in). */
  as(token: string | null): Call;
  /** Runs first-time setup and returns the admin's session token. */
  setupAdmin(): string;
  /** Creates a user of `role` through `users.create` (needs `setupAdmin` first) and signs them in. */
  signIn(role: Role, username: string): string;
  /** Closes the database and deletes the temporary folder. */
  cleanup(): void;
}

export const ADMIN_PASSWORD = 'admin-password-1';
export const USER_PASSWORD = 'user-password-1';

/** The value of a successful call; a failed call fails the test with its error. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a failed call; a successful call fails the test. */
export function mustFail<T>(result: Result<T>) {
  if (result.ok) throw new Error(`call succeeded but should have failed: ${JSON.stringify(result.value)}`);
  return result.error;
}

export function createTempCore(clock: TestClock = steppingClock()): TempCore {
  const dir = mkdtempSync(join(tmpdir(), 'didar-test-'));
  const file = join(dir, 'didar.sqlite');
  const internalErrors: unknown[] = [];
  const core = createCore({ file, now: clock, log: (_message, error) => internalErrors.push(error) });
  const events: DidarEvent[] = [];
  core.onEvent((e) => events.push(e));
  let adminToken: string | null = null;

  const as = (token: string | null) => typedCall(core.dispatch, token);
  return {
    core,
    dir,
    file,
    clock,
    events,
    internalErrors,
    as,
    setupAdmin() {
      const session = must(as(null)('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: ADMIN_PASSWORD }));
      adminToken = session.token;
      return session.token;
    },
    signIn(role, username) {
      if (!adminToken) throw new Error('setupAdmin first');
      must(as(adminToken)('users.create', { username, displayName: `کاربر ${username}`, role, password: USER_PASSWORD }));
      return must(as(null)('auth.login', { username, password: USER_PASSWORD })).token;
    },
    cleanup() {
      if (core.db.open) core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows in a table, for checking that a failed call wrote nothing. */
export function countRows(core: Core, table: 'clients' | 'visits' | 'requests' | 'audit_log' | 'meetings' | 'users' | 'sessions'): number {
  return (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A valid national ID, different for each `seed`. */
export function nationalIdFor(seed: number): string {
  const id = withCheckDigit(String(123456789 + seed * 7919).slice(-9));
  if (!isValidNationalId(id)) throw new Error(`no valid national ID for seed ${seed}`);
  return id;
}

/** Creates a meeting (planned) through the API and returns its id. */
export function createMeeting(call: Call, title = 'ملاقات عمومی مدیرکل'): string {
  return must(call('meetings.create', { kind: 'weekly_public', title, date: '2026-04-01', place: 'سالن اجتماعات اداره کل', presiding: 'مدیرکل' })).id;
}

/** Creates and opens a meeting; returns its id. */
export function createOpenMeeting(call: Call, title?: string): string {
  const id = createMeeting(call, title);
  must(call('meetings.open', { id }));
  return id;
}

/** The id of the first seeded request category. */
export function firstCategoryId(call: Call): string {
  const category = must(call('lists.all', {})).categories[0];
  if (!category) throw new Error('no categories seeded');
  return category.id;
}

/** The calendar date (Tehran) the default test clock starts on: due dates must not be before it. */
export const TEST_TODAY = '2026-04-01';

/** Rows in a table of the desk (issue 4) or any other, for checking that a failed call wrote nothing. */
export function countTableRows(
  core: Core,
  table: 'instructions' | 'print_log' | 'requests' | 'visits' | 'audit_log' | 'clients' | 'meetings',
): number {
  return (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * Registers a new client (national ID from `seed`) at an open meeting with one request per
 * text, through `visits.register`; returns the ticket.
 */
export function registerVisitor(
  call: Call,
  meetingId: string,
  categoryId: string,
  seed: number,
  options: { texts?: string[]; priority?: 'none' | 'urgent' | 'disability' | 'elderly'; fatherName?: string } = {},
) {
  const priority = options.priority ?? 'none';
  return must(
    call('visits.register', {
      meetingId,
      newClient: { nationalId: nationalIdFor(seed), firstName: 'مددجو', lastName: `شماره ${seed}`, fatherName: options.fatherName ?? '', sex: 'female' },
      priority,
      priorityReason: priority === 'none' ? '' : 'مراجعه از شهرستان دور',
      requests: (options.texts ?? ['درخواست وسایل کمک توانبخشی']).map((text) => ({ categoryId, text })),
    }),
  );
}

/** Signs an existing user in again (e.g. after the clock jumped past a session's 12 hours); returns the token. */
export function logIn(t: TempCore, username: string, password = USER_PASSWORD): string {
  return must(t.as(null)('auth.login', { username, password })).token;
}

/**
 * Creates a user of any role through `users.create` by the admin holding `adminToken` — a unit's
 * or an agency's representative with the unit or agency they act for — and signs them in.
 */
export function signInUser(
  t: TempCore,
  adminToken: string,
  user: { username: string; role: Role; unitId?: string | null; agencyId?: string | null; displayName?: string },
): string {
  must(
    t.as(adminToken)('users.create', {
      username: user.username,
      displayName: user.displayName ?? `کاربر ${user.username}`,
      role: user.role,
      password: USER_PASSWORD,
      unitId: user.unitId ?? null,
      agencyId: user.agencyId ?? null,
    }),
  );
  return logIn(t, user.username);
}

/** Rows in a table of follow-up and the outbox (issue 5), or any other, for checking that a failed call wrote nothing. */
export function countIn(
  core: Core,
  table: 'follow_ups' | 'outbox' | 'instructions' | 'audit_log' | 'visits' | 'requests' | 'clients' | 'users' | 'sessions' | 'meetings',
): number {
  return (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
