import type { Actor } from '../contract';
import type { Ctx, Services } from '../api/context';
import type { Db } from '../db/open';

/** A handler context for the host's own writes outside a call (a restore's audit entries). */
export function hostCtx(db: Db, actor: Actor | null, at: string, services: Services): Ctx {
  return {
    db,
    actor,
    token: null,
    now: at,
    emit: () => undefined,
    failAfterCommit: (e) => {
      throw e;
    },
    services,
  };
}
