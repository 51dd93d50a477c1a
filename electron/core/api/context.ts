import type { z } from 'zod';
import type { Actor, EventMap, EventName } from '../contract';
import type { MethodSpec } from '../contract/define';
import type { Db } from '../db/open';
import { newId } from '../domain/ids';
import { AppError } from './errors';

/** What a handler gets besides its input: the database (inside the call's transaction), the caller and the clock. */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  /** The session token the call came with, if any. */
  token: string | null;
  /** The call's instant, UTC ISO. */
  now: string;
  emit<K extends EventName>(name: K, payload: EventMap[K]): void;
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

/** Writes one audit entry: who changed which record, before and after. */
export function audit(ctx: Ctx, action: string, entity: string, entityId: string, before: unknown, after: unknown): void {
  ctx.db
    .prepare('INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(
      newId(),
      ctx.now,
      ctx.actor?.userId ?? null,
      action,
      entity,
      entityId,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );
}
