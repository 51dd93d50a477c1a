import type { CalledVisit } from '../contract';
import { queueContract } from '../contract/queue';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { newId } from '../domain/ids';
import { priorityRunOf, projectOrder } from '../domain/queueOrder';
import { createClient, getClient } from './clients';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { fail } from './errors';
import { activeItemExists } from './lists';
import { openMeeting, getMeeting } from './meetings';
import { readSettings } from './settingsStore';
import { requestsOfVisit } from './instructionStore';
import { SELECT_VISITS, toEntry, type VisitDbRow } from './visitStore';
import { joinRequest } from './sharedIssues';
import { visitReportValues } from '../reports/facts';

/** How many priority calls the meeting has made in a row, most recent first. */
function currentPriorityRun(db: Db, meetingId: string, limit: number): number {
  const recent = prepared(db, `SELECT priority FROM calls WHERE meeting_id = ? ORDER BY seq DESC LIMIT ?`).all(meetingId, limit + 1) as { priority: number }[];
  return priorityRunOf(recent.map((r) => r.priority === 1));
}

/** The waiting visits of a meeting in the order they will be called. */
export function waitingInOrder(db: Db, meetingId: string): VisitDbRow[] {
  const max = readSettings(db).maxPriorityInRow;
  const rows = prepared(db, `${SELECT_VISITS} WHERE v.meeting_id = ? AND v.status = 'waiting'`).all(meetingId) as VisitDbRow[];
  // A skipped visitor's sort key puts them at the end; otherwise it is the ticket number.
  const waiting = rows.map((row) => ({ id: row.id, ticket: row.sort_key, priority: row.priority !== 'none', row }));
  return projectOrder(waiting, currentPriorityRun(db, meetingId, max), max).map((w) => w.row);
}

/**
 * Hands the head of the queue to `desk`. Runs inside the caller's immediate transaction, so no
 * other desk can take the same visit between the choice and the update; the status guard
 * makes that explicit.
 */
export function callNextVisit(ctx: Ctx, meetingId: string, desk: string): CalledVisit | null {
  const actor = me(ctx);
  openMeeting(ctx.db, meetingId);
  const next = waitingInOrder(ctx.db, meetingId)[0];
  if (!next) return null;
  const { seq } = prepared(ctx.db, 'SELECT coalesce(max(seq), 0) + 1 AS seq FROM calls WHERE meeting_id = ?').get(meetingId) as { seq: number };
  const changed = prepared(
    ctx.db,
    `UPDATE visits SET status = 'called', desk = ?, called_by = ?, called_at = ?, first_called_at = coalesce(first_called_at, ?),
       call_count = call_count + 1, call_seq = ?
     WHERE id = ? AND status = 'waiting'`,
  ).run(desk, actor.userId, ctx.now, ctx.now, seq, next.id).changes;
  if (changed !== 1) throw new Error('queue: visit taken by another desk inside an immediate transaction');
  prepared(ctx.db, 'INSERT INTO calls (meeting_id, seq, visit_id, priority, at) VALUES (?, ?, ?, ?, ?)').run(meetingId, seq, next.id, next.priority === 'none' ? 0 : 1, ctx.now);
  audit(ctx, 'call', 'visit', next.id, { status: 'waiting' }, { status: 'called', desk });
  ctx.emit('queue.changed', { meetingId });
  const row = prepared(ctx.db, `${SELECT_VISITS} WHERE v.id = ?`).get(next.id) as VisitDbRow;
  return { ...toEntry(row, null), requests: requestsOfVisit(ctx.db, next.id) };
}

/**
 * The intake's writes, prepared once per connection: the visits and requests tables carry the
 * report counters' triggers, which an INSERT compiles with it. The visit is written with its
 * report columns already set (the values the trigger would set), so the trigger's own update of
 * them changes nothing and sets off no second round of counter updates.
 */
const REPORT = visitReportValues('@meetingId', '@clientId', '@id');
const INSERT_VISIT = `INSERT INTO visits (id, meeting_id, client_id, ticket, sort_key, priority, priority_reason, status, registered_by, registered_at,
    day, county_id, cmask, prev_day)
  VALUES (@id, @meetingId, @clientId, @ticket, (SELECT coalesce(max(sort_key), 0) + 1 FROM visits WHERE meeting_id = @meetingId),
    @priority, @priorityReason, 'waiting', @by, @at, ${REPORT.day}, ${REPORT.county_id}, ${REPORT.cmask}, ${REPORT.prev_day})`;
const INSERT_REQUEST = 'INSERT INTO requests (id, visit_id, position, category_id, text, urgency, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

export const queueHandlers = {
  'visits.register': (input, ctx) => {
    const actor = me(ctx);
    openMeeting(ctx.db, input.meetingId);
    input.requests.forEach((r, i) => {
      if (!activeItemExists(ctx.db, 'categories', r.categoryId)) throw fail.invalid('category.notFound', `requests.${i}.categoryId`);
    });
    const client = input.newClient ? createClient(ctx, input.newClient, 'newClient.') : getClient(ctx.db, input.clientId!);
    const active = prepared(ctx.db, `SELECT ticket FROM visits WHERE meeting_id = ? AND client_id = ? AND status IN ('waiting', 'called', 'with_official')`)
      .get(input.meetingId, client.id) as { ticket: number } | undefined;
    if (active) throw fail.conflict('client.alreadyQueued', { ticket: active.ticket }, 'clientId');
    const { next_ticket: ticket } = prepared(ctx.db, 'UPDATE meetings SET next_ticket = next_ticket + 1 WHERE id = ? RETURNING next_ticket - 1 AS next_ticket')
      .get(input.meetingId) as { next_ticket: number };
    const visitId = newId();
    prepared(ctx.db, INSERT_VISIT).run({
      id: visitId,
      meetingId: input.meetingId,
      clientId: client.id,
      ticket,
      priority: input.priority,
      priorityReason: input.priority === 'none' ? '' : input.priorityReason,
      by: actor.userId,
      at: ctx.now,
    });
    const insertRequest = prepared(ctx.db, INSERT_REQUEST);
    input.requests.forEach((r, i) => {
      const requestId = newId();
      insertRequest.run(requestId, visitId, i + 1, r.categoryId, r.text, r.urgency, actor.userId, ctx.now);
      if (r.sharedIssueId) joinRequest(ctx, requestId, r.sharedIssueId, `requests.${i}.sharedIssueId`, `requests.${i}`);
    });
    audit(ctx, 'register', 'visit', visitId, null, { meetingId: input.meetingId, clientId: client.id, ticket, requests: input.requests });
    ctx.emit('queue.changed', { meetingId: input.meetingId });
    ctx.emit('meetings.changed', { meetingId: input.meetingId });
    return { visitId, meetingId: input.meetingId, clientId: client.id, ticket, priority: input.priority, registeredAt: ctx.now };
  },
  'queue.list': (input, ctx) => {
    getMeeting(ctx.db, input.meetingId);
    const waiting = waitingInOrder(ctx.db, input.meetingId).map((r, i) => toEntry(r, i + 1));
    const called = (
      ctx.db
        .prepare(`${SELECT_VISITS} WHERE v.meeting_id = ? AND v.status IN ('called', 'with_official') ORDER BY v.call_seq DESC`)
        .all(input.meetingId) as VisitDbRow[]
    ).map((r) => toEntry(r, null));
    const noShows = (
      ctx.db.prepare(`${SELECT_VISITS} WHERE v.meeting_id = ? AND v.status = 'no_show' ORDER BY v.left_at DESC`).all(input.meetingId) as VisitDbRow[]
    ).map((r) => toEntry(r, null));
    return { meetingId: input.meetingId, waiting, called, noShows, maxPriorityInRow: readSettings(ctx.db).maxPriorityInRow };
  },
  'queue.callNext': (input, ctx) => callNextVisit(ctx, input.meetingId, input.desk),
} satisfies HandlersOf<typeof queueContract>;
