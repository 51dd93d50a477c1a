import type { AgencyDeskItem } from '../contract/fieldDesk';
import type { fieldDeskContract } from '../contract/fieldDesk';
import { tehranDate } from '../domain/time';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { fail } from './errors';
import { followupHandlers } from './followup';
import { FIELD_DESK_TEXTS } from './messages/fieldDesk';
import { getInstruction, SELECT_INSTRUCTIONS, toInstruction, type InstructionDbRow } from './instructionStore';

/**
 * A field desk's table: the official hands a request to an agency sitting there
 * (`instructions.issue` with `atTable`), its representative sees it at once on their own desk
 * (the `agencyDesk.changed` event), and answers it there or takes it away with a due date.
 */

/** The agency the caller works for: a representative's own, or the one staff name. */
function agencyOf(ctx: Ctx, named: string | null): string {
  const actor = me(ctx);
  if (actor.role === 'agency') return actor.agencyId!;
  if (named === null) throw fail.invalid('agencyDesk.agencyRequired', 'agencyId');
  return named;
}

interface ItemDbRow extends InstructionDbRow {
  first_name: string;
  last_name: string;
  national_id: string;
  mobile: string;
  category_name: string;
  request_text: string;
  meeting_id: string;
  meeting_title: string;
  meeting_date: string;
  desk: string | null;
}

const stateOf = (r: { status: string; taken_at: string | null }): AgencyDeskItem['state'] =>
  r.taken_at !== null ? 'taken' : r.status === 'open' ? 'waiting' : 'answered';

/** An instruction handed at the table to the caller's agency, still waiting for its representative. */
function waitingAtTable(ctx: Ctx, instructionId: string) {
  const i = getInstruction(ctx.db, instructionId, 'instructionId');
  const agencyId = me(ctx).role === 'agency' ? me(ctx).agencyId : i.agencyId;
  // Another agency's request is "not found" for a representative, as everywhere else.
  if (i.agencyId !== agencyId) throw fail.notFound('instruction.notFound', 'instructionId');
  if (!i.atTable) throw fail.conflict('agencyDesk.notAtTable', {}, 'instructionId');
  if (i.status !== 'open' || i.takenAt !== null) throw fail.conflict('agencyDesk.notWaiting', {}, 'instructionId');
  const { meeting_id } = ctx.db.prepare('SELECT meeting_id FROM visits WHERE id = ?').get(i.visitId) as { meeting_id: string };
  return { instruction: i, meetingId: meeting_id };
}

export const fieldDeskHandlers = {
  'agencyDesk.list': (input, ctx) => {
    const agencyId = agencyOf(ctx, input.agencyId);
    const agency = ctx.db.prepare('SELECT name FROM agencies WHERE id = ?').get(agencyId) as { name: string } | undefined;
    if (!agency) throw fail.notFound('agency.notFound', 'agencyId');
    const today = tehranDate(new Date(ctx.now));
    const rows = ctx.db
      .prepare(
        `SELECT i2.*, c.first_name, c.last_name, c.national_id, c.mobile, cat.name AS category_name, r.text AS request_text,
           m.id AS meeting_id, m.title AS meeting_title, m.date AS meeting_date, v.desk
         FROM (${SELECT_INSTRUCTIONS} WHERE i.agency_id = :agencyId AND i.at_table = 1 AND i.status <> 'cancelled') i2
         JOIN visits v ON v.id = i2.visit_id JOIN meetings m ON m.id = v.meeting_id
         JOIN clients c ON c.id = i2.client_id JOIN requests r ON r.id = i2.request_id JOIN categories cat ON cat.id = r.category_id
         WHERE (:meetingId IS NULL AND (m.status = 'open' OR m.date = :today)) OR m.id = :meetingId
         ORDER BY (i2.status = 'open' AND i2.taken_at IS NULL) DESC, i2.issued_at`,
      )
      .all({ agencyId, meetingId: input.meetingId, today }) as ItemDbRow[];
    return {
      agencyId,
      agencyName: agency.name,
      items: rows.map((r) => ({
        instruction: toInstruction(r),
        state: stateOf(r),
        clientName: `${r.first_name} ${r.last_name}`,
        nationalIdTail: r.national_id.slice(-4),
        mobile: r.mobile,
        categoryName: r.category_name,
        requestText: r.request_text,
        meetingId: r.meeting_id,
        meetingTitle: r.meeting_title,
        meetingDate: r.meeting_date,
        desk: r.desk,
      })),
    };
  },
  'agencyDesk.answer': (input, ctx) => {
    const { instruction, meetingId } = waitingAtTable(ctx, input.instructionId);
    const closed = followupHandlers['followups.close'](
      { instructionId: instruction.id, outcome: input.outcome, reasonId: input.reasonId, note: input.note, deliveredToman: input.deliveredToman, funder: input.funder },
      ctx,
    );
    ctx.emit('agencyDesk.changed', { meetingId, agencyId: instruction.agencyId! });
    return closed;
  },
  'agencyDesk.take': (input, ctx) => {
    const { instruction, meetingId } = waitingAtTable(ctx, input.instructionId);
    if (input.dueDate < tehranDate(new Date(ctx.now))) throw fail.invalid('agencyDesk.duePast', 'dueDate');
    ctx.db
      .prepare('UPDATE instructions SET due_date = ?, taken_at = ?, taken_by = ?, version = version + 1 WHERE id = ?')
      .run(input.dueDate, ctx.now, me(ctx).userId, instruction.id);
    followupHandlers['followups.addStep']({ instructionId: instruction.id, kind: 'note', text: input.note || FIELD_DESK_TEXTS.takenNote, at: null }, ctx);
    const after = getInstruction(ctx.db, instruction.id);
    audit(ctx, 'take', 'instruction', instruction.id, instruction, after);
    ctx.emit('agencyDesk.changed', { meetingId, agencyId: instruction.agencyId! });
    return after;
  },
} satisfies HandlersOf<typeof fieldDeskContract>;
