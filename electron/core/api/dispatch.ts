import { z } from 'zod';
import { contract, type DidarEvent, type MethodName, type Output, type Result } from '../contract';
import type { MethodSpec } from '../contract/define';
import type { Db } from '../db/open';
import { writesPaused } from '../backup/liveDb';
import { actorForToken } from './auth';
import { watchSessions } from './sessionCache';
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

/**
 * A call's context as dispatch makes it. The events a handler emits wait in `pending` until the
 * transaction commits. `committedError` is set when the handler ended with `ctx.failAfterCommit`:
 * its writes commit, its events go out, and the caller gets this error instead of a value.
 */
interface CallCtx extends Ctx {
  pending: DidarEvent[];
  committedError: AppError | null;
}

/** A call turned away before its handler ran (no session, a role not allowed, bad input): the answer to give. */
class Refusal {
  constructor(readonly result: Result<never>) {}
}

type Handler = (input: unknown, ctx: Ctx) => unknown;

// The context's functions are made once, not per call. A handler may pass a copy of its context
// on (`{ ...ctx, actor }`); the copy shares `pending`, so its events still go out.
function collectEvent(this: CallCtx, name: string, payload: unknown): void {
  this.pending.push({ name, payload } as DidarEvent);
}
function failAfterCommit(e: AppError): never {
  throw new CommittedFailure(e);
}

const error = (code: keyof typeof GENERIC_BY_CODE, message = GENERIC_BY_CODE[code], field?: string): Result<never> => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}) },
});

/**
 * The one door to the core. In order: the method must exist (an own property of the
 * contract, so `__proto__` and friends are unknown); the caller must hold a live session
 * unless the method is public; the caller's role must be allowed; the input must match the
 * schema; then the handler runs, and the change events go out only after the transaction
 * commits. Roles are checked before the input, so a caller who may not use a method learns
 * nothing of its schema. A handler that must fail yet keep its writes (a wrong password counts
 * towards the lockout and is audited) ends with `ctx.failAfterCommit(error)`: see Ctx.
 *
 * Each call is one transaction from the session check to the handler's last statement:
 * deferred for reads, immediate for writes (so desks in other processes queue behind it). The
 * session is read inside it, so a read takes the database's read lock once, not twice: for a
 * search by national ID that is a tenth of what dispatch adds.
 */
export function createDispatch(options: DispatchOptions): Dispatch {
  const { db } = options;
  const clock = options.now ?? (() => new Date());
  const specs = contract as unknown as Record<string, MethodSpec>;
  const table = handlers as unknown as Record<string, Handler>;
  watchSessions(db);

  /** Everything after the method is known, inside the call's transaction. */
  function call(spec: MethodSpec, method: string, input: unknown, ctx: CallCtx): unknown {
    if (ctx.token) {
      try {
        ctx.actor = actorForToken(db, ctx.token, ctx.now);
      } catch (e) {
        options.onInternalError?.(method, e);
        throw new Refusal(error('internal'));
      }
    }
    if (spec.access !== 'public') {
      if (!ctx.actor) throw new Refusal(error('unauthenticated'));
      if (!spec.access.includes(ctx.actor.role)) throw new Refusal(error('forbidden'));
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new Refusal({ ok: false, error: fromZod(parsed.error) });
    // A restore is copying this database to replace it: a write now would be lost with it.
    if (!spec.readonly && writesPaused(db)) throw new Refusal({ ok: false, error: new AppError('conflict', 'backup.restoring').toApi() });
    try {
      return table[method]!(parsed.data, ctx);
    } catch (e) {
      if (!(e instanceof CommittedFailure)) throw e;
      ctx.committedError = e.error;
      return undefined;
    }
  }
  // One transaction wrapper for every call, made once: `db.transaction` builds its functions anew
  // each time it is called, which a read as short as a search by national ID would notice.
  const inTransaction = db.transaction(call);

  return (method, input, token) => {
    if (typeof method !== 'string' || !Object.hasOwn(specs, method)) return error('unknown_method');
    const spec = specs[method]!;
    const ctx: CallCtx = {
      db,
      actor: null,
      token,
      now: clock().toISOString(),
      emit: collectEvent,
      failAfterCommit,
      services: options.services,
      pending: [],
      committedError: null,
    };
    let value: unknown;
    try {
      value = spec.readonly ? inTransaction.deferred(spec, method, input, ctx) : inTransaction.immediate(spec, method, input, ctx);
    } catch (e) {
      if (e instanceof Refusal) return e.result;
      if (e instanceof AppError) return { ok: false, error: e.toApi() };
      options.onInternalError?.(method, e);
      return error('internal', MESSAGES.internal);
    }
    // The change is committed: a listener that fails must not turn it into a failed call.
    for (const event of ctx.pending) {
      try {
        options.onEvent?.(event);
      } catch (e) {
        options.onInternalError?.(`event ${event.name}`, e);
      }
    }
    if (ctx.committedError) return { ok: false, error: ctx.committedError.toApi() };
    return { ok: true, value };
  };
}

/** A typed convenience over dispatch for code in the same process (tests, scripts). */
export function typedCall(dispatch: Dispatch, token: string | null) {
  return <K extends MethodName>(method: K, input: z.input<(typeof contract)[K]['input']>): Result<Output<K>> =>
    dispatch(method, input, token) as Result<Output<K>>;
}
