import type Database from 'better-sqlite3';
import { auditHash, GENESIS } from '../../domain/auditChain';

/**
 * The audit log becomes a hash chain (domain/auditChain.ts): a sequence number, the previous
 * entry's hash and the entry's own. Entries written before this version are chained here, in
 * the order they were written.
 */
export const sql = /* sql */ `
ALTER TABLE audit_log ADD COLUMN seq INTEGER;
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
`;

export function chainExistingEntries(db: Database.Database): void {
  const rows = db.prepare('SELECT rowid, id, at, user_id, action, entity, entity_id, before, after FROM audit_log ORDER BY rowid').all() as {
    rowid: number;
    id: string;
    at: string;
    user_id: string | null;
    action: string;
    entity: string;
    entity_id: string;
    before: string | null;
    after: string | null;
  }[];
  const update = db.prepare('UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE rowid = ?');
  let prev = GENESIS;
  rows.forEach((r, i) => {
    const entry = { seq: i + 1, id: r.id, at: r.at, user_id: r.user_id, action: r.action, entity: r.entity, entity_id: r.entity_id, before: r.before, after: r.after, prev_hash: prev };
    const hash = auditHash(entry);
    update.run(entry.seq, prev, hash, r.rowid);
    prev = hash;
  });
  db.exec('CREATE UNIQUE INDEX audit_seq ON audit_log(seq)');
}
