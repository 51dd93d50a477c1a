import { z } from 'zod';
import { STAFF, method, returns } from './define';
import { id, isoDate, requiredText, text } from './fields';
import { MEETING_KINDS, MEETING_STATUSES, type Meeting } from './types';

const MANAGERS = ['admin', 'operator', 'official'] as const;

export const meetingsContract = {
  'meetings.list': method({
    input: z.strictObject({ status: z.enum(MEETING_STATUSES).optional() }),
    access: [...STAFF, 'display'],
    readonly: true,
    returns: returns<Meeting[]>(),
  }),
  'meetings.get': method({ input: z.strictObject({ id }), access: [...STAFF, 'display'], readonly: true, returns: returns<Meeting>() }),
  'meetings.create': method({
    input: z.strictObject({
      kind: z.enum(MEETING_KINDS),
      title: requiredText(160),
      date: isoDate,
      place: requiredText(160),
      countyId: id.nullable().default(null),
      presiding: text(240),
      /** Agencies at the table (a field desk). */
      agencyIds: z.array(id).max(40).default([]),
    }),
    access: MANAGERS,
    returns: returns<Meeting>(),
  }),
  'meetings.setAgencies': method({
    input: z.strictObject({ meetingId: id, agencyIds: z.array(id).max(40) }),
    access: MANAGERS,
    returns: returns<Meeting>(),
  }),
  'meetings.open': method({ input: z.strictObject({ id }), access: MANAGERS, returns: returns<Meeting>() }),
  'meetings.close': method({ input: z.strictObject({ id }), access: MANAGERS, returns: returns<Meeting>() }),
};
