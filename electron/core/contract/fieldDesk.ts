import { z } from 'zod';
import { method, returns } from './define';
import { id, isoDate, requiredText, text } from './fields';
import { FUNDERS, OUTCOMES, type Instruction } from './types';

/** Who works an agency's table: its representative, and the directorate's admin and officials (who name the agency). */
const AT_THE_TABLE = ['agency', 'admin', 'official'] as const;

/** Where a request handed to an agency at the table stands. */
export const AT_TABLE_STATES = ['waiting', 'answered', 'taken'] as const;
export type AtTableState = (typeof AT_TABLE_STATES)[number];

/** A request handed to an agency at a field desk's table, as its representative sees it. */
export interface AgencyDeskItem {
  instruction: Instruction;
  state: AtTableState;
  clientName: string;
  nationalIdTail: string;
  mobile: string;
  categoryName: string;
  requestText: string;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  desk: string | null;
}

const toman = z
  .number({ error: 'msg:amount.number' })
  .int({ error: 'msg:amount.integer' })
  .min(0, { error: 'msg:amount.negative' })
  .max(1_000_000_000_000, { error: 'msg:amount.tooLarge' });

export const fieldDeskContract = {
  /** What was handed to the agency at the table of open meetings (or of one meeting). */
  'agencyDesk.list': method({
    input: z.strictObject({
      meetingId: id.nullable().default(null),
      /** The agency (the directorate's staff name it; a representative always sees their own). */
      agencyId: id.nullable().default(null),
    }),
    access: AT_THE_TABLE,
    readonly: true,
    returns: returns<{ agencyId: string; agencyName: string; items: AgencyDeskItem[] }>(),
  }),
  /** The representative answers it there: a result, closing it. */
  'agencyDesk.answer': method({
    input: z.strictObject({
      instructionId: id,
      outcome: z.enum(OUTCOMES),
      reasonId: id.nullable().default(null),
      note: requiredText(2000),
      deliveredToman: toman.nullable().default(null),
      funder: z.enum(FUNDERS).nullable().default(null),
    }),
    access: AT_THE_TABLE,
    returns: returns<Instruction>(),
  }),
  /** The representative takes it away with a due date; it is then followed up like any referral. */
  'agencyDesk.take': method({
    input: z.strictObject({ instructionId: id, dueDate: isoDate, note: text(2000).default('') }),
    access: AT_THE_TABLE,
    returns: returns<Instruction>(),
  }),
};
