import { z } from 'zod';
import { contract, type Actor, type DidarEvent, type MethodName, type Output, type Result } from '../contract';
import type { MethodSpec } from '../contract/define';
import type { Db } from '../db/open';
import { writesPaused } from '../backup/liveDb';
import { actorForToken } from './auth';
import { CommittedFailure, type Ctx, type Services } from './context';
import { AppError, fromZod } from './errors';
import { handlers } from './handlers';
import { GENERIC_BY_CODE, MESSAGES } from './messages';

export interface DispatchOptions {
  db: Db;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Receives each committed change. */
  onEvent?: (event: DidarEvent) => void;
  /** Receives unexpected errors (they reach the caller only as `internal`). */
  onInternalError?: (method: string, error: unknown) => void;
  /** Work that outlives a call (backups); handed to handlers as `ctx.services`. */
  services: Services;
}

export type Dispatch = (method: string, input: unknown, token: string | null) => Result<unknown>;

const error = (code: keyof typeof GENERIC_BY_CODE, message = GENERIC_BY_CODE[code], field?: string): Result<never> => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}) },
});

/**
 * The one door to the core. In order: the method must exist (an own property of the
 * contract, so `__proto__` and friends are unknown); the caller must hold a live session
 * unless the method is public; the caller's role must be allowed; the input must match the
 * schema; then the handler runs in one transaction (immediate for writes, so desks in other
 * processes queue behind it) and the change events go out only after it commits. Roles are
 * checked before the input, so a caller who may not use a method learns nothing of its schema.
 * A handler that must fail yet keep its writes (a wrong password counts towards the lockout
 * and is audited) ends with `ctx.failAfterCommit(error)`: see Ctx.
 */
export function createDispatch(options: DispatchOptions): Dispatch {
  const { db } = options;
  const clock = options.now ?? (() => new Date());
  const specs = contract as unknown as Record<string, MethodSpec>;
  const table = handlers as unknown as Record<string, (input: unknown, ctx: Ctx) => unknown>;
  // One transaction wrapper for every call, made once: `db.transaction` builds its functions anew
  // each time it is called, which a read as short as a search by national ID would notice.
  const inTransaction = db.transaction((body: () => unknown) => body());

  return (method, input, token) => {
    if (typeof method !== 'string' || !Object.hasOwn(specs, method)) return error('unknown_method');
    const spec = specs[method]!;
    const now = clock().toISOString();

    let actor: Actor | null = null;
    try {
      if (token) actor = actorForToken(db, token, now);
    } catch (e) {
      options.onInternalError?.(method, e);
      return error('internal');
    }
    if (spec.access !== 'public') {
      if (!actor) return error('unauthenticated');
      if (!spec.access.includes(actor.role)) return error('forbidden');
    }

    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: fromZod(parsed.error) };
    // A restore is copying this database to replace it: a write now would be lost with it.
    if (!spec.readonly && writesPaused(db)) return { ok: false, error: new AppError('conflict', 'backup.restoring').toApi() };

    const pending: DidarEvent[] = [];
    const ctx: Ctx = {
      db,
      actor,
      token,
      now,
      emit: (name, payload) => pending.push({ name, payload } as DidarEvent),
      failAfterCommit: (e) => {
        throw new CommittedFailure(e);
      },
      services: options.services,
    };
    let value: unknown;
    // Set when the handler ended with `ctx.failAfterCommit`: its writes commit, its events go
    // out, and the caller gets this error instead of a value.
    let committedError: AppError | null = null;
    try {
      const body = () => {
        try {
          return table[method]!(parsed.data, ctx);
        } catch (e) {
          if (!(e instanceof CommittedFailure)) throw e;
          committedError = e.error;
          return undefined;
        }
      };
      value = spec.readonly ? inTransaction.deferred(body) : inTransaction.immediate(body);
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toApi() };
      options.onInternalError?.(method, e);
      return error('internal', MESSAGES.internal);
    }
    // The change is committed: a listener that fails must not turn it into a failed call.
    for (const event of pending) {
      try {
        options.onEvent?.(event);
      } catch (e) {
        options.onInternalError?.(`event ${event.name}`, e);
      }
    }
    if (committedError) return { ok: false, error: (committedError as AppError).toApi() };
    return { ok: true, value };
  };
}

/** A typed convenience over dispatch for code in the same process (tests, scripts). */
export function typedCall(dispatch: Dispatch, token: string | null) {
  return <K extends MethodName>(method: K, input: z.input<(typeof contract)[K]['input']>): Result<Output<K>> =>
    dispatch(method, input, token) as Result<Output<K>>;
}
