import type { HistoryVisit, Instruction, RequestRow, RequestWithInstruction, VisitDetail } from '../contract';
import { randomInt } from 'node:crypto';
import type { Db } from '../db/open';
import { newId } from '../domain/ids';
import { newTrackingCode } from '../domain/trackingCode';
import { getClient } from './clients';
import { me, type Ctx } from './context';
import { fail } from './errors';
import { getMeeting } from './meetings';
import { queueEntry } from './visitStore';
import { prepared } from '../db/statements';

/** Reading instructions, requests and visits in the shapes the desk and the print pages use; writing a new instruction. */

/** A tracking code no instruction holds yet. */
export function uniqueTrackingCode(db: Db): string {
  const taken = prepared(db, 'SELECT 1 FROM instructions WHERE tracking_code = ?');
  for (;;) {
    const code = newTrackingCode(() => randomInt(0, 1_000_000) / 1_000_000);
    if (!taken.get(code)) return code;
  }
}

/**
 * Writes a new instruction row: a new id, a tracking code of its own, issued by the caller now
 * (which is also its last step), closed now by the caller when its status is closed, and the
 * given columns (snake_case, as in the table). Returns the id.
 */
export function insertInstruction(ctx: Ctx, columns: Record<string, string | number | null> & { status: string }): string {
  const closed = columns.status === 'closed';
  const row: Record<string, string | number | null> = {
    id: newId(),
    tracking_code: uniqueTrackingCode(ctx.db),
    issued_by: me(ctx).userId,
    issued_at: ctx.now,
    last_step_at: ctx.now,
    closed_at: closed ? ctx.now : null,
    closed_by: closed ? me(ctx).userId : null,
    ...columns,
  };
  const names = Object.keys(row);
  prepared(ctx.db, `INSERT INTO instructions (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
  return row.id as string;
}

export interface InstructionDbRow {
  id: string;
  request_id: string;
  visit_id: string;
  client_id: string;
  tracking_code: string;
  kind: Instruction['kind'];
  text: string;
  answer: string;
  reason: string;
  reviewer: string;
  unit_id: string | null;
  unit_name: string | null;
  unit_room: string | null;
  agency_id: string | null;
  agency_name: string | null;
  agency_room: string | null;
  due_date: string | null;
  amount_rials: number | null;
  funder: Instruction['funder'];
  status: Instruction['status'];
  version: number;
  issued_by: string;
  issued_by_name: string;
  issued_at: string;
  amended_at: string | null;
  amend_reason: string;
  cancelled_at: string | null;
  cancel_reason: string;
  outcome: Instruction['outcome'];
  outcome_reason_id: string | null;
  outcome_reason_name: string | null;
  outcome_note: string;
  delivered_rials: number | null;
  delivered_funder: Instruction['deliveredFunder'];
  closed_at: string | null;
  last_step_at: string;
  at_table: number;
  taken_at: string | null;
}

export const SELECT_INSTRUCTIONS = `
  SELECT i.*, un.name AS unit_name, un.room AS unit_room, ag.name AS agency_name, ag.room AS agency_room,
    u.display_name AS issued_by_name, orr.name AS outcome_reason_name
  FROM instructions i
  LEFT JOIN units un ON un.id = i.unit_id
  LEFT JOIN agencies ag ON ag.id = i.agency_id
  LEFT JOIN outcome_reasons orr ON orr.id = i.outcome_reason_id
  JOIN users u ON u.id = i.issued_by`;

export const toInstruction = (r: InstructionDbRow): Instruction => ({
  id: r.id,
  requestId: r.request_id,
  visitId: r.visit_id,
  clientId: r.client_id,
  trackingCode: r.tracking_code,
  kind: r.kind,
  text: r.text,
  answer: r.answer,
  reason: r.reason,
  reviewer: r.reviewer,
  unitId: r.unit_id,
  unitName: r.unit_name,
  agencyId: r.agency_id,
  agencyName: r.agency_name,
  room: (r.kind === 'unit' ? r.unit_room : r.kind === 'agency' ? r.agency_room : '') ?? '',
  dueDate: r.due_date,
  amountRials: r.amount_rials,
  funder: r.funder,
  status: r.status,
  version: r.version,
  issuedBy: r.issued_by,
  issuedByName: r.issued_by_name,
  issuedAt: r.issued_at,
  amendedAt: r.amended_at,
  amendReason: r.amend_reason,
  cancelledAt: r.cancelled_at,
  cancelReason: r.cancel_reason,
  outcome: r.outcome,
  outcomeReasonId: r.outcome_reason_id,
  outcomeReasonName: r.outcome_reason_name,
  outcomeNote: r.outcome_note,
  deliveredRials: r.delivered_rials,
  deliveredFunder: r.delivered_funder,
  closedAt: r.closed_at,
  lastStepAt: r.last_step_at,
  atTable: r.at_table === 1,
  takenAt: r.taken_at,
});

/** The instruction; `field` names the input that carried the id, for the error. */
export function getInstruction(db: Db, id: string, field = 'id'): Instruction {
  const row = prepared(db, `${SELECT_INSTRUCTIONS} WHERE i.id = ?`).get(id) as InstructionDbRow | undefined;
  if (!row) throw fail.notFound('instruction.notFound', field);
  return toInstruction(row);
}

export function instructionByCode(db: Db, code: string): Instruction | null {
  const row = prepared(db, `${SELECT_INSTRUCTIONS} WHERE i.tracking_code = ?`).get(code) as InstructionDbRow | undefined;
  return row ? toInstruction(row) : null;
}

interface RequestDbRow {
  id: string;
  visit_id: string;
  category_id: string;
  category_name: string;
  text: string;
  urgency: RequestRow['urgency'];
  shared_issue_id: string | null;
  shared_issue_title: string | null;
}
const SELECT_REQUESTS = `SELECT r.id, r.visit_id, r.category_id, c.name AS category_name, r.text, r.urgency,
    r.shared_issue_id, si.title AS shared_issue_title
  FROM requests r JOIN categories c ON c.id = r.category_id LEFT JOIN shared_issues si ON si.id = r.shared_issue_id`;
const toRequest = (r: RequestDbRow): RequestRow => ({
  id: r.id,
  categoryId: r.category_id,
  categoryName: r.category_name,
  text: r.text,
  urgency: r.urgency,
  sharedIssueId: r.shared_issue_id,
  sharedIssueTitle: r.shared_issue_title,
});

export function getRequest(db: Db, id: string): RequestRow & { visitId: string } {
  const row = prepared(db, `${SELECT_REQUESTS} WHERE r.id = ?`).get(id) as RequestDbRow | undefined;
  if (!row) throw fail.notFound('request.notFound', 'requestId');
  return { ...toRequest(row), visitId: row.visit_id };
}

/** The requests of some visits with their live (not cancelled) instruction, in order. */
function requestsOfVisits(db: Db, visitIds: string[]): Map<string, RequestWithInstruction[]> {
  const out = new Map<string, RequestWithInstruction[]>(visitIds.map((id) => [id, []]));
  if (visitIds.length === 0) return out;
  const marks = visitIds.map(() => '?').join(',');
  const requests = prepared(db, `${SELECT_REQUESTS} WHERE r.visit_id IN (${marks}) ORDER BY r.visit_id, r.position`).all(...visitIds) as RequestDbRow[];
  const instructions = prepared(db, `${SELECT_INSTRUCTIONS} WHERE i.visit_id IN (${marks}) AND i.status <> 'cancelled'`)
    .all(...visitIds) as InstructionDbRow[];
  const byRequest = new Map(instructions.map((i) => [i.request_id, toInstruction(i)]));
  for (const r of requests) out.get(r.visit_id)!.push({ ...toRequest(r), instruction: byRequest.get(r.id) ?? null });
  return out;
}

export function requestsOfVisit(db: Db, visitId: string): RequestWithInstruction[] {
  return requestsOfVisits(db, [visitId]).get(visitId)!;
}

/** Every visit of a client except `exceptVisitId`, newest first, with requests and instructions. */
export function clientHistory(db: Db, clientId: string, exceptVisitId = ''): HistoryVisit[] {
  const visits = prepared(db, 
      `SELECT v.id, v.meeting_id, m.title, m.date, v.ticket, v.status, v.registered_at
       FROM visits v JOIN meetings m ON m.id = v.meeting_id
       WHERE v.client_id = ? AND v.id <> ? ORDER BY v.registered_at DESC LIMIT 200`,
    )
    .all(clientId, exceptVisitId) as { id: string; meeting_id: string; title: string; date: string; ticket: number; status: HistoryVisit['status']; registered_at: string }[];
  const requests = requestsOfVisits(db, visits.map((v) => v.id));
  return visits.map((v) => ({
    visitId: v.id,
    meetingId: v.meeting_id,
    meetingTitle: v.title,
    meetingDate: v.date,
    ticket: v.ticket,
    status: v.status,
    registeredAt: v.registered_at,
    requests: requests.get(v.id)!,
  }));
}

export function visitDetail(db: Db, visitId: string, withHistory = true): VisitDetail {
  const entry = queueEntry(db, visitId);
  if (!entry) throw fail.notFound('visit.notFound', 'visitId');
  const extra = prepared(db, 'SELECT meeting_id, started_at, finished_at FROM visits WHERE id = ?').get(visitId) as {
    meeting_id: string;
    started_at: string | null;
    finished_at: string | null;
  };
  const meeting = getMeeting(db, extra.meeting_id);
  return {
    visit: { ...entry, meetingId: meeting.id, meetingTitle: meeting.title, meetingDate: meeting.date, startedAt: extra.started_at, finishedAt: extra.finished_at },
    client: getClient(db, entry.clientId),
    requests: requestsOfVisit(db, visitId),
    history: withHistory ? clientHistory(db, entry.clientId, visitId) : [],
  };
}
