import type { QueueEntry, VisitStatus } from '../contract';
import { queueActionsContract } from '../contract/queueActions';
import { nextStatus, type VisitAction } from '../domain/visitStates';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { AppError, fail } from './errors';
import { getMeeting, openMeeting } from './meetings';
import { VISIT_STATUS_LABELS } from './messages';
import { waitingInOrder } from './queue';
import { queueEntry } from './visitStore';
import { prepared } from '../db/statements';

interface VisitState {
  id: string;
  meeting_id: string;
  status: VisitStatus;
  desk: string | null;
  priority: string;
  priority_reason: string;
}

/** The visit, if `action` is allowed from its state; otherwise a conflict naming the state in Persian. */
function visitFor(ctx: Ctx, visitId: string, action: VisitAction): VisitState & { to: VisitStatus } {
  const v = prepared(ctx.db, 'SELECT id, meeting_id, status, desk, priority, priority_reason FROM visits WHERE id = ?').get(visitId) as VisitState | undefined;
  if (!v) throw fail.notFound('visit.notFound', 'visitId');
  const to = nextStatus(v.status, action);
  if (!to) throw new AppError('conflict', 'visit.badTransition', 'visitId', { status: VISIT_STATUS_LABELS[v.status] });
  return { ...v, to };
}

function changed(ctx: Ctx, v: VisitState, action: string, before: unknown, after: unknown): QueueEntry {
  audit(ctx, action, 'visit', v.id, before, after);
  ctx.emit('queue.changed', { meetingId: v.meeting_id });
  ctx.emit('visits.changed', { visitId: v.id, meetingId: v.meeting_id });
  return queueEntry(ctx.db, v.id)!;
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60000;
const average = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

export const queueActionsHandlers = {
  'queue.recall': (input, ctx) => {
    const v = visitFor(ctx, input.visitId, 'recall');
    prepared(ctx.db, 'UPDATE visits SET called_at = ?, call_count = call_count + 1 WHERE id = ?').run(ctx.now, v.id);
    return changed(ctx, v, 'recall', { status: v.status }, { status: v.to, calledAt: ctx.now });
  },
  'queue.skip': (input, ctx) => {
    const v = visitFor(ctx, input.visitId, 'skip');
    // To the end of the waiting line, behind everyone registered so far.
    prepared(ctx.db, 
        `UPDATE visits SET status = 'waiting', desk = NULL, called_by = NULL, skipped_count = skipped_count + 1,
           sort_key = (SELECT max(sort_key) FROM visits WHERE meeting_id = ?) + 1
         WHERE id = ?`,
      )
      .run(v.meeting_id, v.id);
    return changed(ctx, v, 'skip', { status: v.status, desk: v.desk }, { status: v.to });
  },
  'queue.noShow': (input, ctx) => {
    const v = visitFor(ctx, input.visitId, 'noShow');
    prepared(ctx.db, `UPDATE visits SET status = 'no_show', left_at = ? WHERE id = ?`).run(ctx.now, v.id);
    return changed(ctx, v, 'noShow', { status: v.status }, { status: v.to });
  },
  'queue.cancel': (input, ctx) => {
    const v = visitFor(ctx, input.visitId, 'cancel');
    prepared(ctx.db, `UPDATE visits SET status = 'cancelled', left_at = ?, left_reason = ? WHERE id = ?`).run(ctx.now, input.reason, v.id);
    return changed(ctx, v, 'cancel', { status: v.status }, { status: v.to, reason: input.reason });
  },
  'queue.transfer': (input, ctx) => {
    const v = visitFor(ctx, input.visitId, 'transfer');
    if (input.officialId !== null) {
      const official = prepared(ctx.db, `SELECT 1 FROM users WHERE id = ? AND active = 1 AND role IN ('official', 'admin')`).get(input.officialId);
      if (!official) throw fail.invalid('official.notFound', 'officialId');
    }
    // Handed to another desk: called there (and shown on the board at that desk), kept in the call history.
    prepared(ctx.db, `UPDATE visits SET status = 'called', desk = ?, called_by = coalesce(?, called_by), called_at = ?, call_count = call_count + 1 WHERE id = ?`)
      .run(input.desk, input.officialId, ctx.now, v.id);
    return changed(ctx, v, 'transfer', { status: v.status, desk: v.desk }, { status: v.to, desk: input.desk, officialId: input.officialId });
  },
  'queue.reprioritize': (input, ctx) => {
    const v = visitFor(ctx, input.visitId, 'reprioritize');
    // The reason of the change is in the audit log; an ordinary ticket carries no priority reason.
    prepared(ctx.db, 'UPDATE visits SET priority = ?, priority_reason = ? WHERE id = ?').run(input.priority, input.priority === 'none' ? '' : input.reason, v.id);
    return changed(ctx, v, 'reprioritize', { priority: v.priority, reason: v.priority_reason }, { priority: input.priority, reason: input.reason });
  },
  'queue.requeue': (input, ctx) => {
    const v = visitFor(ctx, input.visitId, 'requeue');
    openMeeting(ctx.db, v.meeting_id);
    prepared(ctx.db, 
        `UPDATE visits SET status = 'waiting', desk = NULL, called_by = NULL, left_at = NULL,
           sort_key = (SELECT max(sort_key) FROM visits WHERE meeting_id = ?) + 1
         WHERE id = ?`,
      )
      .run(v.meeting_id, v.id);
    return changed(ctx, v, 'requeue', { status: v.status }, { status: v.to });
  },
  'queue.stats': (input, ctx) => {
    getMeeting(ctx.db, input.meetingId);
    const rows = prepared(ctx.db, 'SELECT status, registered_at, first_called_at AS called_at, started_at, finished_at FROM visits WHERE meeting_id = ?')
      .all(input.meetingId) as { status: VisitStatus; registered_at: string; called_at: string | null; started_at: string | null; finished_at: string | null }[];
    const count = (s: VisitStatus[]) => rows.filter((r) => s.includes(r.status)).length;
    // The wait ends at the first call (recalls and transfers do not lengthen it).
    const waits = rows.filter((r) => r.called_at).map((r) => minutesBetween(r.registered_at, r.called_at!));
    const stillWaiting = rows.filter((r) => r.status === 'waiting').map((r) => minutesBetween(r.registered_at, ctx.now));
    const withOfficial = rows.filter((r) => r.status === 'done' && r.finished_at).map((r) => minutesBetween(r.started_at ?? r.called_at ?? r.finished_at!, r.finished_at!));
    const longest = [...waits, ...stillWaiting];
    return {
      meetingId: input.meetingId,
      waitingNow: count(['waiting']),
      atDesks: count(['called', 'with_official']),
      done: count(['done']),
      noShows: count(['no_show']),
      cancelled: count(['cancelled']),
      averageWaitMinutes: average(waits),
      longestWaitMinutes: longest.length ? Math.round(Math.max(...longest) * 10) / 10 : null,
      averageWithOfficialMinutes: average(withOfficial),
    };
  },
  'queue.board': (input, ctx) => {
    me(ctx);
    const meeting = getMeeting(ctx.db, input.meetingId);
    const calling = (
      prepared(ctx.db, 
          `SELECT id, ticket, desk, called_at, call_count FROM visits
           WHERE meeting_id = ? AND status IN ('called', 'with_official') ORDER BY called_at DESC LIMIT 12`,
        )
        .all(input.meetingId) as { id: string; ticket: number; desk: string | null; called_at: string; call_count: number }[]
    ).map((r) => ({ visitId: r.id, ticket: r.ticket, desk: r.desk ?? '', calledAt: r.called_at, callCount: r.call_count }));
    const waiting = waitingInOrder(ctx.db, input.meetingId).map((r, i) => ({ ticket: r.ticket, ahead: i, priority: r.priority !== 'none' }));
    return { meetingId: meeting.id, meetingTitle: meeting.title, meetingDate: meeting.date, calling, waiting };
  },
} satisfies HandlersOf<typeof queueActionsContract>;
