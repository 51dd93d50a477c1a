import { z } from 'zod';
import { method, REPRESENTATIVES, returns } from './define';
import { id, isoDate, requiredText, text } from './fields';
import { FUNDERS, OUTBOX_STATUSES, OUTCOMES, STEP_KINDS, type DailyFollowup, type FollowupItem, type FollowupStep, type Instruction, type OutboxRow } from './types';

/** Who follows instructions up: the follow-up desk, the presiding official, the admin, and the representatives (their own referrals only). */
const FOLLOWERS = ['admin', 'official', 'followup', ...REPRESENTATIVES] as const;
const DIRECTORATE = ['admin', 'official', 'followup'] as const;

const toman = z
  .number({ error: 'msg:amount.number' })
  .int({ error: 'msg:amount.integer' })
  .min(0, { error: 'msg:amount.negative' })
  .max(1_000_000_000_000, { error: 'msg:amount.tooLarge' });

export const followupContract = {
  'followups.list': method({
    input: z.strictObject({
      status: z.enum(['open', 'closed', 'all']).default('open'),
      unitId: id.nullable().default(null),
      agencyId: id.nullable().default(null),
      meetingId: id.nullable().default(null),
      dueBy: isoDate.nullable().default(null),
      overdueOnly: z.boolean().default(false),
      staleOnly: z.boolean().default(false),
      /** A client's name, a national ID (or its start) or a tracking code, in any digits. */
      query: z.string().max(120).default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    access: FOLLOWERS,
    readonly: true,
    returns: returns<{ total: number; items: FollowupItem[] }>(),
  }),
  'followups.steps': method({ input: z.strictObject({ instructionId: id }), access: FOLLOWERS, readonly: true, returns: returns<FollowupStep[]>() }),
  'followups.addStep': method({
    input: z.strictObject({
      instructionId: id,
      kind: z.enum(STEP_KINDS),
      text: requiredText(2000),
      /** When it happened (a call made earlier today), not after now; defaults to now. */
      at: z.iso.datetime({ error: 'msg:date.invalid' }).nullable().default(null),
    }),
    access: FOLLOWERS,
    returns: returns<Instruction>(),
  }),
  'followups.close': method({
    input: z.strictObject({
      instructionId: id,
      outcome: z.enum(OUTCOMES),
      reasonId: id.nullable().default(null),
      note: text(2000).default(''),
      deliveredToman: toman.nullable().default(null),
      funder: z.enum(FUNDERS).nullable().default(null),
    }),
    access: FOLLOWERS,
    returns: returns<Instruction>(),
  }),
  'followups.reopen': method({
    input: z.strictObject({ instructionId: id, reason: requiredText(500) }),
    access: DIRECTORATE,
    returns: returns<Instruction>(),
  }),
  'followups.daily': method({
    input: z.strictObject({ date: isoDate.nullable().default(null) }),
    access: DIRECTORATE,
    readonly: true,
    returns: returns<DailyFollowup>(),
  }),
  'outbox.list': method({
    input: z.strictObject({ status: z.enum(OUTBOX_STATUSES).nullable().default(null), limit: z.number().int().min(1).max(500).default(100) }),
    access: ['admin', 'followup'],
    readonly: true,
    returns: returns<{ gatewayConfigured: boolean; rows: OutboxRow[] }>(),
  }),
};
