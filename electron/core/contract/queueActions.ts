import { z } from 'zod';
import { ANY_ROLE, method, returns, STAFF } from './define';
import { id, requiredText, text } from './fields';
import { PRIORITY_KINDS, type QueueBoard, type QueueEntry, type QueueStats } from './types';

const DESKS = ['admin', 'official'] as const;
const FRONT = ['admin', 'operator', 'official'] as const;

/** The queue's full life beyond "call next": recall, skip, no-show, cancel, transfer, reprioritize, requeue; figures; the waiting-room board. */
export const queueActionsContract = {
  'queue.recall': method({ input: z.strictObject({ visitId: id }), access: DESKS, returns: returns<QueueEntry>() }),
  'queue.skip': method({ input: z.strictObject({ visitId: id }), access: DESKS, returns: returns<QueueEntry>() }),
  'queue.noShow': method({ input: z.strictObject({ visitId: id }), access: DESKS, returns: returns<QueueEntry>() }),
  'queue.cancel': method({ input: z.strictObject({ visitId: id, reason: requiredText(300) }), access: FRONT, returns: returns<QueueEntry>() }),
  'queue.transfer': method({
    input: z.strictObject({ visitId: id, desk: requiredText(40), officialId: id.nullable().default(null) }),
    access: DESKS,
    returns: returns<QueueEntry>(),
  }),
  'queue.reprioritize': method({
    input: z
      .strictObject({ visitId: id, priority: z.enum(PRIORITY_KINDS), reason: text(200).default('') })
      .refine((v) => v.reason.length > 0, { error: 'msg:priority.reason', path: ['reason'] }),
    access: FRONT,
    returns: returns<QueueEntry>(),
  }),
  'queue.requeue': method({ input: z.strictObject({ visitId: id }), access: FRONT, returns: returns<QueueEntry>() }),
  'queue.stats': method({ input: z.strictObject({ meetingId: id }), access: STAFF, readonly: true, returns: returns<QueueStats>() }),
  /** For the waiting-room TV (role display) and every desk: ticket numbers only. */
  'queue.board': method({ input: z.strictObject({ meetingId: id }), access: ANY_ROLE, readonly: true, returns: returns<QueueBoard>() }),
};
