import type { z } from 'zod';
import { deskContract, instructionFields } from '../contract/desk';
import type { Instruction, VisitStatus } from '../contract';
import { nextStatus } from '../domain/visitStates';
import type { Db } from '../db/open';
import { newId } from '../domain/ids';
import { tehranDate } from '../domain/time';
import { cleanTrackingCode, isValidTrackingCode } from '../domain/trackingCode';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { AppError, fail } from './errors';
import { clientHistory, getInstruction, getRequest, insertInstruction, instructionByCode, visitDetail } from './instructionStore';
import { activeItemExists } from './lists';
import { getMeeting } from './meetings';
import { callNextVisit } from './queue';
import { enqueueMessage } from './outboxStore';
import { prepared } from '../db/statements';

type Fields = z.output<typeof instructionFields>;

const ACTIVE_AT_DESK = `('called', 'with_official')`;

/** The visit, which must be at a desk (called, or with the official). */
function visitAtDesk(db: Db, visitId: string): { id: string; meeting_id: string; status: VisitStatus; desk: string | null; client_id: string } {
  const row = prepared(db, 'SELECT id, meeting_id, status, desk, client_id FROM visits WHERE id = ?').get(visitId) as
    | { id: string; meeting_id: string; status: VisitStatus; desk: string | null; client_id: string }
    | undefined;
  if (!row) throw fail.notFound('visit.notFound', 'visitId');
  // At a desk = the queue's state machine lets the official start (or go on with) the visit.
  if (nextStatus(row.status, 'start') === null) throw fail.conflict('visit.notAtDesk', {}, 'visitId');
  return row;
}

function markWithOfficial(ctx: Ctx, visitId: string, meetingId: string): void {
  const changed = prepared(ctx.db, `UPDATE visits SET status = 'with_official', started_at = coalesce(started_at, ?) WHERE id = ? AND status = 'called'`)
    .run(ctx.now, visitId).changes;
  if (changed) {
    ctx.emit('queue.changed', { meetingId });
    ctx.emit('visits.changed', { visitId, meetingId });
  }
}

/**
 * An instruction's fields checked against its kind: what each kind requires, references that
 * exist, a due date not before today (Tehran), an amount with its funder. Fields that do not
 * belong to the kind are cleared. Returns the row values.
 */
export function checkFields(ctx: Ctx, f: Fields, meetingId: string, keptDueDate: string | null = null) {
  const need = (ok: boolean, key: Parameters<typeof fail.invalid>[0], field: string) => {
    if (!ok) throw fail.invalid(key, `fields.${field}`);
  };
  if (f.kind === 'answered') need(f.answer.length > 0, 'instruction.answerRequired', 'answer');
  if (f.kind === 'not_possible') need(f.reason.length > 0, 'instruction.reasonRequired', 'reason');
  if (f.kind === 'review') need(f.reviewer.length > 0, 'instruction.reviewerRequired', 'reviewer');
  if (f.kind === 'unit') {
    need(f.unitId !== null, 'instruction.unitRequired', 'unitId');
    need(activeItemExists(ctx.db, 'units', f.unitId!), 'unit.notFound', 'unitId');
  }
  if (f.kind === 'agency') {
    need(f.agencyId !== null, 'instruction.agencyRequired', 'agencyId');
    need(activeItemExists(ctx.db, 'agencies', f.agencyId!), 'agency.notFound', 'agencyId');
  }
  // Handed at the table: the agency must be sitting at this meeting's table; its representative sets the due date if they take it away.
  const atTable = f.kind === 'agency' && f.atTable;
  if (atTable) {
    const present = prepared(ctx.db, 'SELECT 1 FROM meeting_agencies WHERE meeting_id = ? AND agency_id = ?').get(meetingId, f.agencyId);
    need(present !== undefined, 'instruction.agencyNotAtTable', 'atTable');
  }
  const followed = f.kind === 'unit' || f.kind === 'agency' || f.kind === 'review';
  if (followed && !atTable) need(f.dueDate !== null, 'instruction.dueRequired', 'dueDate');
  // A due date already set may stay as it is when an old instruction is amended for another reason.
  if (f.dueDate !== null && f.dueDate !== keptDueDate) need(f.dueDate >= tehranDate(new Date(ctx.now)), 'instruction.duePast', 'dueDate');
  if (f.amountToman !== null && f.amountToman > 0) need(f.funder !== null, 'instruction.funderRequired', 'funder');
  const amountRials = f.amountToman === null ? null : f.amountToman * 10;
  if (amountRials !== null && !Number.isSafeInteger(amountRials)) throw fail.invalid('amount.tooLarge', 'fields.amountToman');
  return {
    kind: f.kind,
    text: f.text,
    answer: f.kind === 'answered' ? f.answer : '',
    reason: f.kind === 'not_possible' ? f.reason : '',
    reviewer: f.kind === 'review' ? f.reviewer : '',
    unit_id: f.kind === 'unit' ? f.unitId : null,
    agency_id: f.kind === 'agency' ? f.agencyId : null,
    due_date: f.dueDate,
    amount_rials: amountRials,
    funder: amountRials === null ? null : f.funder,
    at_table: atTable ? 1 : 0,
    // Answered on the spot and not possible are results already; the rest are followed up.
    status: followed ? ('open' as const) : ('closed' as const),
  };
}


function emitInstruction(ctx: Ctx, i: Instruction): void {
  ctx.emit('instructions.changed', { visitId: i.visitId, instructionId: i.id, unitId: i.unitId, agencyId: i.agencyId });
}

export const deskHandlers = {
  'desk.mine': (input, ctx) => {
    getMeeting(ctx.db, input.meetingId);
    return (
      prepared(ctx.db, `SELECT id FROM visits WHERE meeting_id = ? AND called_by = ? AND status IN ${ACTIVE_AT_DESK} ORDER BY call_seq`)
        .all(input.meetingId, me(ctx).userId) as { id: string }[]
    ).map((r) => r.id);
  },
  'visits.detail': (input, ctx) => visitDetail(ctx.db, input.visitId),
  'visits.start': (input, ctx) => {
    const visit = visitAtDesk(ctx.db, input.visitId);
    markWithOfficial(ctx, visit.id, visit.meeting_id);
    return visitDetail(ctx.db, visit.id);
  },
  'visits.finish': (input, ctx) => {
    const visit = visitAtDesk(ctx.db, input.visitId);
    const open = (
      prepared(ctx.db, 
          `SELECT count(*) AS n FROM requests r WHERE r.visit_id = ?
             AND NOT EXISTS (SELECT 1 FROM instructions i WHERE i.request_id = r.id AND i.status <> 'cancelled')`,
        )
        .get(visit.id) as { n: number }
    ).n;
    if (open > 0) throw new AppError('conflict', 'visit.openRequests', 'requests', { n: open.toLocaleString('fa-IR') });
    prepared(ctx.db, `UPDATE visits SET status = 'done', started_at = coalesce(started_at, ?), finished_at = ? WHERE id = ?`).run(ctx.now, ctx.now, visit.id);
    audit(ctx, 'finish', 'visit', visit.id, { status: visit.status }, { status: 'done' });
    ctx.emit('queue.changed', { meetingId: visit.meeting_id });
    ctx.emit('visits.changed', { visitId: visit.id, meetingId: visit.meeting_id });
    ctx.emit('meetings.changed', { meetingId: visit.meeting_id });
    const next = input.callNext ? callNextVisit(ctx, visit.meeting_id, input.desk || visit.desk || '') : null;
    return { finished: visit.id, next };
  },
  'requests.add': (input, ctx) => {
    const actor = me(ctx);
    const visit = visitAtDesk(ctx.db, input.visitId);
    if (!activeItemExists(ctx.db, 'categories', input.categoryId)) throw fail.invalid('category.notFound', 'categoryId');
    const { n } = prepared(ctx.db, 'SELECT coalesce(max(position), 0) AS n FROM requests WHERE visit_id = ?').get(visit.id) as { n: number };
    const id = newId();
    prepared(ctx.db, 'INSERT INTO requests (id, visit_id, position, category_id, text, urgency, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, visit.id, n + 1, input.categoryId, input.text, input.urgency, actor.userId, ctx.now);
    audit(ctx, 'add', 'request', id, null, input);
    markWithOfficial(ctx, visit.id, visit.meeting_id);
    ctx.emit('visits.changed', { visitId: visit.id, meetingId: visit.meeting_id });
    return visitDetail(ctx.db, visit.id);
  },
  'instructions.issue': (input, ctx) => {
    const request = getRequest(ctx.db, input.requestId);
    const visit = visitAtDesk(ctx.db, request.visitId);
    const live = prepared(ctx.db, `SELECT 1 FROM instructions WHERE request_id = ? AND status <> 'cancelled'`).get(request.id);
    if (live) throw fail.conflict('request.hasInstruction', {}, 'requestId');
    const v = checkFields(ctx, input.fields, visit.meeting_id);
    const id = insertInstruction(ctx, { ...v, request_id: request.id, visit_id: visit.id, client_id: visit.client_id });
    markWithOfficial(ctx, visit.id, visit.meeting_id);
    const issued = getInstruction(ctx.db, id);
    audit(ctx, 'issue', 'instruction', id, null, issued);
    enqueueMessage(ctx, issued, 'issued');
    emitInstruction(ctx, issued);
    if (issued.atTable) ctx.emit('agencyDesk.changed', { meetingId: visit.meeting_id, agencyId: issued.agencyId! });
    return issued;
  },
  'instructions.amend': (input, ctx) => {
    const actor = me(ctx);
    const before = getInstruction(ctx.db, input.id);
    if (before.status === 'cancelled') throw fail.conflict('instruction.cancelled', {}, 'id');
    const meetingId = (prepared(ctx.db, 'SELECT meeting_id FROM visits WHERE id = ?').get(before.visitId) as { meeting_id: string }).meeting_id;
    const v = checkFields(ctx, input.fields, meetingId, before.dueDate);
    // A result recorded by follow-up stands: amending the order's wording does not reopen it.
    const status = before.outcome !== null ? before.status : v.status;
    prepared(ctx.db, 
        `UPDATE instructions SET kind = ?, text = ?, answer = ?, reason = ?, reviewer = ?, unit_id = ?, agency_id = ?,
           due_date = ?, amount_rials = ?, funder = ?, status = ?, at_table = ?, version = version + 1,
           amended_by = ?, amended_at = ?, amend_reason = ?,
           closed_at = CASE WHEN ? = 'closed' THEN coalesce(closed_at, ?) ELSE NULL END,
           closed_by = CASE WHEN ? = 'closed' THEN coalesce(closed_by, ?) ELSE NULL END
         WHERE id = ?`,
      )
      .run(v.kind, v.text, v.answer, v.reason, v.reviewer, v.unit_id, v.agency_id, v.due_date, v.amount_rials, v.funder, status, v.at_table, actor.userId, ctx.now, input.reason, status, ctx.now, status, actor.userId, input.id);
    const after = getInstruction(ctx.db, input.id);
    audit(ctx, 'amend', 'instruction', input.id, before, after);
    emitInstruction(ctx, after);
    // Sent elsewhere: the unit or agency it was sent to before hears that it left their list.
    if (before.unitId !== after.unitId || before.agencyId !== after.agencyId) {
      ctx.emit('followups.changed', { instructionId: before.id, unitId: before.unitId, agencyId: before.agencyId });
    }
    for (const i of [before, after]) if (i.atTable) ctx.emit('agencyDesk.changed', { meetingId, agencyId: i.agencyId! });
    return after;
  },
  'instructions.cancel': (input, ctx) => {
    const actor = me(ctx);
    const before = getInstruction(ctx.db, input.id);
    if (before.status === 'cancelled') throw fail.conflict('instruction.cancelled', {}, 'id');
    prepared(ctx.db, `UPDATE instructions SET status = 'cancelled', cancelled_by = ?, cancelled_at = ?, cancel_reason = ?, version = version + 1 WHERE id = ?`)
      .run(actor.userId, ctx.now, input.reason, input.id);
    const after = getInstruction(ctx.db, input.id);
    audit(ctx, 'cancel', 'instruction', input.id, before, after);
    emitInstruction(ctx, after);
    if (after.atTable) {
      const meetingId = (prepared(ctx.db, 'SELECT meeting_id FROM visits WHERE id = ?').get(after.visitId) as { meeting_id: string }).meeting_id;
      ctx.emit('agencyDesk.changed', { meetingId, agencyId: after.agencyId! });
    }
    return after;
  },
  'instructions.byTrackingCode': (input, ctx) => {
    const code = cleanTrackingCode(input.code);
    if (code === null) throw fail.invalid('tracking.format', 'code');
    if (!isValidTrackingCode(code)) throw fail.invalid('tracking.checksum', 'code');
    const instruction = instructionByCode(ctx.db, code);
    if (!instruction) throw fail.notFound('tracking.notFound', 'code');
    const detail = visitDetail(ctx.db, instruction.visitId, false);
    const request = getRequest(ctx.db, instruction.requestId);
    return {
      instruction,
      clientName: `${detail.client.firstName} ${detail.client.lastName}`,
      nationalIdTail: detail.client.nationalId.slice(-4),
      request: { id: request.id, categoryId: request.categoryId, categoryName: request.categoryName, text: request.text, urgency: request.urgency },
      meetingTitle: detail.visit.meetingTitle,
      meetingDate: detail.visit.meetingDate,
    };
  },
  'clients.history': (input, ctx) => clientHistory(ctx.db, input.clientId),
} satisfies HandlersOf<typeof deskContract>;
