import type { CalledVisit, PriorityKind, QueueEntry, RequestRow, VisitStatus } from '../contract';
import { queueContract } from '../contract/queue';
import type { Db } from '../db/open';
import { newId } from '../domain/ids';
import { priorityRunOf, projectOrder } from '../domain/queueOrder';
import { createClient, getClient } from './clients';
import { audit, me, type HandlersOf } from './context';
import { fail } from './errors';
import { activeItemExists } from './lists';
import { openMeeting, getMeeting } from './meetings';
import { readSettings } from './settingsStore';

interface VisitDbRow {
  id: string;
  ticket: number;
  priority: PriorityKind;
  priority_reason: string;
  status: VisitStatus;
  client_id: string;
  first_name: string;
  last_name: string;
  request_count: number;
  desk: string | null;
  registered_at: string;
  called_at: string | null;
}

const SELECT_VISITS = `
  SELECT v.id, v.ticket, v.priority, v.priority_reason, v.status, v.client_id, v.desk, v.registered_at, v.called_at,
    c.first_name, c.last_name, (SELECT count(*) FROM requests r WHERE r.visit_id = v.id) AS request_count
  FROM visits v JOIN clients c ON c.id = v.client_id`;

const toEntry = (r: VisitDbRow, position: number | null): QueueEntry => ({
  visitId: r.id,
  ticket: r.ticket,
  priority: r.priority,
  priorityReason: r.priority_reason,
  status: r.status,
  clientId: r.client_id,
  clientName: `${r.first_name} ${r.last_name}`,
  requestCount: r.request_count,
  desk: r.desk,
  registeredAt: r.registered_at,
  calledAt: r.called_at,
  position,
});

/** How many priority calls the meeting has made in a row, most recent first. */
function currentPriorityRun(db: Db, meetingId: string, limit: number): number {
  const recent = db
    .prepare(`SELECT priority FROM visits WHERE meeting_id = ? AND call_seq IS NOT NULL ORDER BY call_seq DESC LIMIT ?`)
    .all(meetingId, limit + 1) as { priority: PriorityKind }[];
  return priorityRunOf(recent.map((r) => r.priority !== 'none'));
}

/** The waiting visits of a meeting in the order they will be called. */
function waitingInOrder(db: Db, meetingId: string): VisitDbRow[] {
  const max = readSettings(db).maxPriorityInRow;
  const rows = db.prepare(`${SELECT_VISITS} WHERE v.meeting_id = ? AND v.status = 'waiting'`).all(meetingId) as VisitDbRow[];
  const waiting = rows.map((row) => ({ id: row.id, ticket: row.ticket, priority: row.priority !== 'none', row }));
  return projectOrder(waiting, currentPriorityRun(db, meetingId, max), max).map((w) => w.row);
}

function requestsOf(db: Db, visitId: string): RequestRow[] {
  return (
    db
      .prepare(
        `SELECT r.id, r.category_id, c.name AS category_name, r.text, r.urgency FROM requests r
         JOIN categories c ON c.id = r.category_id WHERE r.visit_id = ? ORDER BY r.position`,
      )
      .all(visitId) as { id: string; category_id: string; category_name: string; text: string; urgency: RequestRow['urgency'] }[]
  ).map((r) => ({ id: r.id, categoryId: r.category_id, categoryName: r.category_name, text: r.text, urgency: r.urgency }));
}

export const queueHandlers = {
  'visits.register': (input, ctx) => {
    const actor = me(ctx);
    openMeeting(ctx.db, input.meetingId);
    input.requests.forEach((r, i) => {
      if (!activeItemExists(ctx.db, 'categories', r.categoryId)) throw fail.invalid('category.notFound', `requests.${i}.categoryId`);
    });
    const client = input.newClient ? createClient(ctx, input.newClient, 'newClient.') : getClient(ctx.db, input.clientId!);
    const active = ctx.db
      .prepare(`SELECT ticket FROM visits WHERE meeting_id = ? AND client_id = ? AND status IN ('waiting', 'called', 'with_official')`)
      .get(input.meetingId, client.id) as { ticket: number } | undefined;
    if (active) throw fail.conflict('client.alreadyQueued', { ticket: active.ticket }, 'clientId');
    const { next_ticket: ticket } = ctx.db
      .prepare('UPDATE meetings SET next_ticket = next_ticket + 1 WHERE id = ? RETURNING next_ticket - 1 AS next_ticket')
      .get(input.meetingId) as { next_ticket: number };
    const visitId = newId();
    ctx.db
      .prepare(
        `INSERT INTO visits (id, meeting_id, client_id, ticket, priority, priority_reason, status, registered_by, registered_at)
         VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`,
      )
      .run(visitId, input.meetingId, client.id, ticket, input.priority, input.priority === 'none' ? '' : input.priorityReason, actor.userId, ctx.now);
    const insertRequest = ctx.db.prepare(
      'INSERT INTO requests (id, visit_id, position, category_id, text, urgency, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    input.requests.forEach((r, i) => insertRequest.run(newId(), visitId, i + 1, r.categoryId, r.text, r.urgency, actor.userId, ctx.now));
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
    return { meetingId: input.meetingId, waiting, called, maxPriorityInRow: readSettings(ctx.db).maxPriorityInRow };
  },
  'queue.callNext': (input, ctx) => {
    const actor = me(ctx);
    openMeeting(ctx.db, input.meetingId);
    const next = waitingInOrder(ctx.db, input.meetingId)[0];
    if (!next) return null;
    // The call runs in an immediate transaction, so no other desk can take the same visit
    // between the choice and the update; the status guard makes that explicit.
    const changed = ctx.db
      .prepare(
        `UPDATE visits SET status = 'called', desk = ?, called_by = ?, called_at = ?,
           call_seq = (SELECT coalesce(max(call_seq), 0) + 1 FROM visits WHERE meeting_id = ?)
         WHERE id = ? AND status = 'waiting'`,
      )
      .run(input.desk, actor.userId, ctx.now, input.meetingId, next.id).changes;
    if (changed !== 1) throw new Error('queue: visit taken by another desk inside an immediate transaction');
    audit(ctx, 'call', 'visit', next.id, { status: 'waiting' }, { status: 'called', desk: input.desk });
    ctx.emit('queue.changed', { meetingId: input.meetingId });
    const row = ctx.db.prepare(`${SELECT_VISITS} WHERE v.id = ?`).get(next.id) as VisitDbRow;
    const called: CalledVisit = { ...toEntry(row, null), requests: requestsOf(ctx.db, next.id) };
    return called;
  },
} satisfies HandlersOf<typeof queueContract>;
