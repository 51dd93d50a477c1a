import { z } from 'zod';
import { STAFF, method, returns } from './define';
import { id, isoDate, requiredText, text } from './fields';
import { FUNDERS, INSTRUCTION_KINDS, URGENCIES, type CalledVisit, type HistoryVisit, type Instruction, type TrackingLookup, type VisitDetail } from './types';

const OFFICIAL = ['admin', 'official'] as const;

/** Money typed in toman: a whole, non-negative number (stored ×10 as rials). */
const amountToman = z
  .number({ error: 'msg:amount.number' })
  .int({ error: 'msg:amount.integer' })
  .min(0, { error: 'msg:amount.negative' })
  .max(1_000_000_000_000, { error: 'msg:amount.tooLarge' });

/** The fields of an instruction; which ones are required depends on the kind (checked by the handler). */
export const instructionFields = z.strictObject({
  kind: z.enum(INSTRUCTION_KINDS),
  text: requiredText(2000),
  answer: text(2000).default(''),
  reason: text(1000).default(''),
  reviewer: text(160).default(''),
  unitId: id.nullable().default(null),
  agencyId: id.nullable().default(null),
  dueDate: isoDate.nullable().default(null),
  amountToman: amountToman.nullable().default(null),
  funder: z.enum(FUNDERS).nullable().default(null),
  /** Hand it to the agency's representative at the meeting's table (kind 'agency', an agency present). */
  atTable: z.boolean().default(false),
});

export const deskContract = {
  'desk.mine': method({
    input: z.strictObject({ meetingId: id }),
    access: OFFICIAL,
    readonly: true,
    returns: returns<string[]>(),
  }),
  'visits.detail': method({ input: z.strictObject({ visitId: id }), access: STAFF, readonly: true, returns: returns<VisitDetail>() }),
  'visits.start': method({ input: z.strictObject({ visitId: id }), access: OFFICIAL, returns: returns<VisitDetail>() }),
  'visits.finish': method({
    input: z.strictObject({ visitId: id, callNext: z.boolean().default(false), desk: text(40).default('') }),
    access: OFFICIAL,
    returns: returns<{ finished: string; next: CalledVisit | null }>(),
  }),
  'requests.add': method({
    input: z.strictObject({
      visitId: id,
      categoryId: z.string().min(1, { error: 'msg:category.required' }).max(64),
      text: requiredText(2000),
      urgency: z.enum(URGENCIES).default('normal'),
    }),
    access: OFFICIAL,
    returns: returns<VisitDetail>(),
  }),
  'instructions.issue': method({
    input: z.strictObject({ requestId: id, fields: instructionFields }),
    access: OFFICIAL,
    returns: returns<Instruction>(),
  }),
  'instructions.amend': method({
    input: z.strictObject({ id, reason: requiredText(500), fields: instructionFields }),
    access: OFFICIAL,
    returns: returns<Instruction>(),
  }),
  'instructions.cancel': method({
    input: z.strictObject({ id, reason: requiredText(500) }),
    access: OFFICIAL,
    returns: returns<Instruction>(),
  }),
  'instructions.byTrackingCode': method({
    input: z.strictObject({ code: z.string().max(40) }),
    access: STAFF,
    readonly: true,
    returns: returns<TrackingLookup>(),
  }),
  'clients.history': method({ input: z.strictObject({ clientId: id }), access: STAFF, readonly: true, returns: returns<HistoryVisit[]>() }),
};
