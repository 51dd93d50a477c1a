import type { z } from 'zod';
import type { Actor, EventMap, EventName } from '../contract';
import type { MethodSpec } from '../contract/define';
import type { BackupService } from '../backup/service';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { auditHash, GENESIS } from '../domain/auditChain';
import { newId } from '../domain/ids';
import { AppError } from './errors';

/**
 * The host's long-running work a handler may start but not wait for (dispatch is synchronous):
 * e.g. a backup, which runs after the call returns and reports through its events.
 */
export interface Services {
  backups: BackupService;
}

/** What a handler gets besides its input: the database (inside the call's transaction), the caller and the clock. */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  /** The session token the call came with, if any. */
  token: string | null;
  /** The call's instant, UTC ISO. */
  now: string;
  emit<K extends EventName>(name: K, payload: EventMap[K]): void;
  /**
   * Ends the call with `error` but KEEPS what the handler wrote so far: dispatch commits the
   * transaction, sends the events, and only then answers with the error. For the few failures
   * that must leave a trace (a wrong password raises the account's failure count and writes an
   * audit row). Use as `throw ctx.failAfterCommit(error)` — or just call it — from the handler
   * itself, never inside a nested `db.transaction` (a savepoint would roll its own part back).
   * A plain thrown AppError still rolls everything back.
   */
  failAfterCommit(error: AppError): never;
  /** The host's services (see Services). */
  services: Services;
}

/** Thrown by `ctx.failAfterCommit`: dispatch catches it inside the transaction, commits, then answers `error`. */
export class CommittedFailure extends Error {
  constructor(readonly error: AppError) {
    super(`committed failure: ${error.message}`);
  }
}

/** The signed-in caller; public methods that need one throw `unauthenticated`. */
export function me(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated', 'session.missing');
  return ctx.actor;
}

/** Handlers for a table of method specs: each takes the parsed input and returns the declared output. */
export type HandlersOf<T extends Record<string, MethodSpec>> = {
  [K in keyof T]: (input: z.output<T[K]['input']>, ctx: Ctx) => Exclude<T[K]['output'], undefined>;
};

const LAST_ENTRY = 'SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1';
const INSERT_ENTRY =
  'INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after, seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Writes one audit entry: who changed which record, before and after — the next link of the
 * audit chain (domain/auditChain.ts). Writes run in immediate transactions, so no two calls
 * take the same sequence number.
 */
export function audit(ctx: Ctx, action: string, entity: string, entityId: string, before: unknown, after: unknown): void {
  // Both statements are prepared once per connection (db/statements.ts): every change writes an entry.
  const last = prepared(ctx.db, LAST_ENTRY).get() as { seq: number; hash: string } | undefined;
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    at: ctx.now,
    user_id: ctx.actor?.userId ?? null,
    action,
    entity,
    entity_id: entityId,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    prev_hash: last?.hash ?? GENESIS,
  };
  prepared(ctx.db, INSERT_ENTRY).run(
    entry.id, entry.at, entry.user_id, entry.action, entry.entity, entry.entity_id, entry.before, entry.after, entry.seq, entry.prev_hash, auditHash(entry),
  );
}
