import { z } from 'zod';
import { clientFields } from './clients';
import { STAFF, method, returns } from './define';
import { id, requiredText, text } from './fields';
import { PRIORITY_KINDS, URGENCIES, type CalledVisit, type Queue, type Ticket } from './types';

const requestInput = z.strictObject({
  categoryId: z.string().min(1, { error: 'msg:category.required' }).max(64),
  text: requiredText(2000),
  urgency: z.enum(URGENCIES).default('normal'),
  /** Joined at registration to an open shared issue (a networked problem) the operator was offered. */
  sharedIssueId: id.nullable().default(null),
});

export const queueContract = {
  'visits.register': method({
    input: z
      .strictObject({
        meetingId: id,
        /** An existing client by id, or a new client created in the same transaction. */
        clientId: id.optional(),
        newClient: clientFields.optional(),
        priority: z.enum(PRIORITY_KINDS).default('none'),
        priorityReason: text(200).default(''),
        requests: z.array(requestInput).min(1, { error: 'msg:requests.empty' }).max(20),
      })
      .refine((v) => (v.clientId === undefined) !== (v.newClient === undefined), {
        error: 'msg:client.required',
        path: ['clientId'],
      })
      .refine((v) => v.priority === 'none' || v.priorityReason.length > 0, {
        error: 'msg:priority.reason',
        path: ['priorityReason'],
      }),
    access: ['admin', 'operator'],
    returns: returns<Ticket>(),
  }),
  'queue.list': method({ input: z.strictObject({ meetingId: id }), access: STAFF, readonly: true, returns: returns<Queue>() }),
  'queue.callNext': method({
    input: z.strictObject({ meetingId: id, desk: requiredText(40) }),
    access: ['admin', 'official'],
    returns: returns<CalledVisit | null>(),
  }),
};
