import { createHash } from 'node:crypto';

/**
 * The audit log is a chain: each entry carries the hash of the one before it and its own hash
 * over both, so changing or deleting an entry breaks the chain from that point on, and a check
 * finds where. (Cutting entries off the end leaves a shorter, valid chain: the head — the last
 * sequence number and hash — is printed on every backup's record so it can be compared.)
 */
export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** The hash that precedes the first entry. */
export const GENESIS = '0'.repeat(64);

/** An entry's hash: SHA-256 over its fields and the previous entry's hash, in a fixed order. */
export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([e.seq, e.id, e.at, e.user_id, e.action, e.entity, e.entity_id, e.before, e.after, e.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak = { seq: number; reason: 'gap' | 'link' | 'hash' };

/** Checks entries given in sequence order; returns the first break, or null when the chain is whole. */
export function findChainBreak(entries: Iterable<AuditEntry>): ChainBreak | null {
  let expectedSeq = 1;
  let prev = GENESIS;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap' };
    if (e.prev_hash !== prev) return { seq: e.seq, reason: 'link' };
    if (auditHash(e) !== e.hash) return { seq: e.seq, reason: 'hash' };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}
