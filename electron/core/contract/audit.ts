import { z } from 'zod';
import { method, returns } from './define';
import { id, isoDate } from './fields';

/** One entry of the audit log, as the viewer shows it. */
export interface AuditRow {
  seq: number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** Before and after, as written (JSON text), or null. */
  before: string | null;
  after: string | null;
}

/** The result of checking the audit chain. */
export interface AuditCheck {
  entries: number;
  /** The last entry's sequence number and hash (compare with a backup's record to see nothing was cut off the end). */
  head: { seq: number; hash: string } | null;
  /** Where the chain breaks: an entry changed (hash), removed (gap) or put in (link); null when whole. */
  broken: { seq: number; reason: 'gap' | 'link' | 'hash' } | null;
}

export const auditContract = {
  'audit.list': method({
    input: z.strictObject({
      entity: z.string().max(40).nullable().default(null),
      entityId: z.string().max(64).nullable().default(null),
      userId: id.nullable().default(null),
      action: z.string().max(40).nullable().default(null),
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    access: ['admin'],
    readonly: true,
    returns: returns<{ total: number; rows: AuditRow[] }>(),
  }),
  'audit.verify': method({ input: z.strictObject({}), access: ['admin'], readonly: true, returns: returns<AuditCheck>() }),
};
