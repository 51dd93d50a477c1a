import type { AuditCheck, AuditRow } from '../contract/audit';
import type { auditContract } from '../contract/audit';
import type { Db } from '../db/open';
import { findChainBreak, type AuditEntry } from '../domain/auditChain';
import type { HandlersOf } from './context';

/** Checks the whole audit chain, streaming the entries in order. */
export function verifyAudit(db: Db): AuditCheck {
  const entries = db
    .prepare('SELECT seq, id, at, user_id, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditEntry>;
  const broken = findChainBreak(entries);
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { entries: total, head: last ? { seq: last.seq, hash: last.hash } : null, broken };
}

const FILTER = `(:entity IS NULL OR a.entity = :entity) AND (:entityId IS NULL OR a.entity_id = :entityId)
  AND (:userId IS NULL OR a.user_id = :userId) AND (:action IS NULL OR a.action = :action)
  AND (:from IS NULL OR a.at >= :from) AND (:to IS NULL OR a.at < date(:to, '+1 day'))`;

export const auditHandlers = {
  'audit.list': (input, ctx) => {
    const params = { ...input };
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM audit_log a WHERE ${FILTER}`).get(params) as { n: number }).n;
    const rows = ctx.db
      .prepare(
        `SELECT a.seq, a.at, a.user_id, u.display_name AS user_name, a.action, a.entity, a.entity_id, a.before, a.after
         FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE ${FILTER} ORDER BY a.seq DESC LIMIT :limit OFFSET :offset`,
      )
      .all(params) as { seq: number; at: string; user_id: string | null; user_name: string | null; action: string; entity: string; entity_id: string; before: string | null; after: string | null }[];
    return {
      total,
      rows: rows.map(
        (r): AuditRow => ({ seq: r.seq, at: r.at, userId: r.user_id, userName: r.user_name, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after }),
      ),
    };
  },
  'audit.verify': (_input, ctx) => verifyAudit(ctx.db),
} satisfies HandlersOf<typeof auditContract>;
