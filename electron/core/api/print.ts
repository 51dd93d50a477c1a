import type { PrintHeader, SlipPrint } from '../contract';
import { printContract } from '../contract/print';
import { newId } from '../domain/ids';
import { me, type Ctx, type HandlersOf } from './context';
import { fail } from './errors';
import { getInstruction, getRequest, requestsOfVisit, visitDetail } from './instructionStore';
import { getMeeting } from './meetings';
import { waitingInOrder } from './queue';
import { readSettings } from './settingsStore';
import { queueEntry } from './visitStore';

/** Records one print of a page and returns the header every printed page carries. */
function recordPrint(ctx: Ctx, kind: 'ticket' | 'slip' | 'visit', entityId: string): PrintHeader {
  ctx.db.prepare('INSERT INTO print_log (id, kind, entity_id, printed_by, printed_at) VALUES (?, ?, ?, ?, ?)').run(newId(), kind, entityId, me(ctx).userId, ctx.now);
  const { n } = ctx.db.prepare('SELECT count(*) AS n FROM print_log WHERE kind = ? AND entity_id = ?').get(kind, entityId) as { n: number };
  const s = readSettings(ctx.db);
  return { directorateName: s.directorateName, province: s.province, logo: s.logo, printNumber: n, printedAt: ctx.now };
}

function slipOf(ctx: Ctx, instructionId: string): SlipPrint {
  const instruction = getInstruction(ctx.db, instructionId, 'instructionId');
  const request = getRequest(ctx.db, instruction.requestId);
  const detail = visitDetail(ctx.db, instruction.visitId, false);
  return {
    ...recordPrint(ctx, 'slip', instruction.id),
    instruction,
    request: { id: request.id, categoryId: request.categoryId, categoryName: request.categoryName, text: request.text, urgency: request.urgency },
    client: { name: `${detail.client.firstName} ${detail.client.lastName}`, nationalId: detail.client.nationalId, fatherName: detail.client.fatherName },
    meetingTitle: detail.visit.meetingTitle,
    meetingDate: detail.visit.meetingDate,
  };
}

export const printHandlers = {
  'print.ticket': (input, ctx) => {
    const entry = queueEntry(ctx.db, input.visitId);
    if (!entry) throw fail.notFound('visit.notFound', 'visitId');
    const { meeting_id: meetingId } = ctx.db.prepare('SELECT meeting_id FROM visits WHERE id = ?').get(input.visitId) as { meeting_id: string };
    const meeting = getMeeting(ctx.db, meetingId);
    const ahead = entry.status === 'waiting' ? waitingInOrder(ctx.db, meetingId).findIndex((v) => v.id === entry.visitId) : 0;
    return {
      ...recordPrint(ctx, 'ticket', input.visitId),
      ticket: entry.ticket,
      priority: entry.priority,
      meetingTitle: meeting.title,
      meetingDate: meeting.date,
      place: meeting.place,
      registeredAt: entry.registeredAt,
      waitingAhead: Math.max(0, ahead),
    };
  },
  'print.slip': (input, ctx) => slipOf(ctx, input.instructionId),
  'print.visitSlips': (input, ctx) => {
    if (!queueEntry(ctx.db, input.visitId)) throw fail.notFound('visit.notFound', 'visitId');
    return requestsOfVisit(ctx.db, input.visitId)
      .filter((r) => r.instruction !== null)
      .map((r) => slipOf(ctx, r.instruction!.id));
  },
  'print.visit': (input, ctx) => {
    const { history: _history, ...detail } = visitDetail(ctx.db, input.visitId, false);
    return { ...recordPrint(ctx, 'visit', input.visitId), detail };
  },
} satisfies HandlersOf<typeof printContract>;
