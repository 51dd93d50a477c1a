import type { Meeting } from '../contract';
import { meetingsContract } from '../contract/meetings';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { newId } from '../domain/ids';
import { audit, me, type Ctx, type HandlersOf } from './context';
import { fail } from './errors';
import { activeItemExists } from './lists';

const SELECT = `
  SELECT m.*, c.name AS county_name,
    (SELECT count(*) FROM visits v WHERE v.meeting_id = m.id AND v.status = 'waiting') AS waiting,
    (SELECT count(*) FROM visits v WHERE v.meeting_id = m.id) AS visit_count,
    (SELECT group_concat(agency_id) FROM meeting_agencies ma WHERE ma.meeting_id = m.id) AS agency_ids
  FROM meetings m LEFT JOIN counties c ON c.id = m.county_id`;

interface MeetingDbRow {
  id: string;
  kind: Meeting['kind'];
  title: string;
  date: string;
  place: string;
  county_id: string | null;
  county_name: string | null;
  presiding: string;
  status: Meeting['status'];
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  waiting: number;
  visit_count: number;
  agency_ids: string | null;
}

const toMeeting = (r: MeetingDbRow): Meeting => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  date: r.date,
  place: r.place,
  countyId: r.county_id,
  countyName: r.county_name,
  presiding: r.presiding,
  status: r.status,
  createdAt: r.created_at,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  waiting: r.waiting,
  visits: r.visit_count,
  agencyIds: r.agency_ids ? r.agency_ids.split(',') : [],
});

export function getMeeting(db: Db, id: string): Meeting {
  const row = db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MeetingDbRow | undefined;
  if (!row) throw fail.notFound('meeting.notFound', 'meetingId');
  return toMeeting(row);
}

/** Sets the agencies at a meeting's table; each must be an active agency. */
function writeAgencies(ctx: Ctx, meetingId: string, agencyIds: readonly string[]): void {
  const unique = [...new Set(agencyIds)];
  for (const agencyId of unique) if (!activeItemExists(ctx.db, 'agencies', agencyId)) throw fail.invalid('agency.notFound', 'agencyIds');
  ctx.db.prepare('DELETE FROM meeting_agencies WHERE meeting_id = ?').run(meetingId);
  const insert = ctx.db.prepare('INSERT INTO meeting_agencies (meeting_id, agency_id) VALUES (?, ?)');
  for (const agencyId of unique) insert.run(meetingId, agencyId);
}

/** Refuses unless the meeting exists and is open (to take or call visitors). */
export function openMeeting(db: Db, id: string): void {
  // Only the status: the full row counts the meeting's visits, which grows through the day.
  const row = prepared(db, 'SELECT status FROM meetings WHERE id = ?').get(id) as { status: Meeting['status'] } | undefined;
  if (!row) throw fail.notFound('meeting.notFound', 'meetingId');
  if (row.status === 'closed') throw fail.conflict('meeting.closed', {}, 'meetingId');
  if (row.status !== 'open') throw fail.conflict('meeting.notOpen', {}, 'meetingId');
}

function setStatus(ctx: Ctx, id: string, status: 'open' | 'closed'): Meeting {
  const before = getMeeting(ctx.db, id);
  if (before.status === 'closed') throw fail.conflict('meeting.closed', {}, 'id');
  if (status === 'closed') {
    const active = ctx.db.prepare(`SELECT count(*) AS n FROM visits WHERE meeting_id = ? AND status IN ('waiting', 'called', 'with_official')`).get(id) as { n: number };
    if (active.n > 0) throw fail.conflict('meeting.hasWaiting', {}, 'id');
  }
  const column = status === 'open' ? 'opened_at' : 'closed_at';
  ctx.db.prepare(`UPDATE meetings SET status = ?, ${column} = coalesce(${column}, ?) WHERE id = ?`).run(status, ctx.now, id);
  const after = getMeeting(ctx.db, id);
  audit(ctx, status === 'open' ? 'open' : 'close', 'meeting', id, { status: before.status }, { status: after.status });
  ctx.emit('meetings.changed', { meetingId: id });
  return after;
}

export const meetingsHandlers = {
  'meetings.list': (input, ctx) => {
    const rows = input.status
      ? (ctx.db.prepare(`${SELECT} WHERE m.status = ? ORDER BY m.date DESC, m.created_at DESC`).all(input.status) as MeetingDbRow[])
      : (ctx.db.prepare(`${SELECT} ORDER BY m.date DESC, m.created_at DESC LIMIT 500`).all() as MeetingDbRow[]);
    return rows.map(toMeeting);
  },
  'meetings.get': (input, ctx) => getMeeting(ctx.db, input.id),
  'meetings.create': (input, ctx) => {
    if (input.countyId !== null && !activeItemExists(ctx.db, 'counties', input.countyId)) throw fail.invalid('county.notFound', 'countyId');
    const id = newId();
    ctx.db
      .prepare(
        `INSERT INTO meetings (id, kind, title, date, place, county_id, presiding, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
      )
      .run(id, input.kind, input.title, input.date, input.place, input.countyId, input.presiding, me(ctx).userId, ctx.now);
    writeAgencies(ctx, id, input.agencyIds);
    audit(ctx, 'create', 'meeting', id, null, input);
    ctx.emit('meetings.changed', { meetingId: id });
    return getMeeting(ctx.db, id);
  },
  'meetings.setAgencies': (input, ctx) => {
    const before = getMeeting(ctx.db, input.meetingId);
    if (before.status === 'closed') throw fail.conflict('meeting.closed', {}, 'meetingId');
    writeAgencies(ctx, input.meetingId, input.agencyIds);
    const after = getMeeting(ctx.db, input.meetingId);
    audit(ctx, 'setAgencies', 'meeting', input.meetingId, { agencyIds: before.agencyIds }, { agencyIds: after.agencyIds });
    ctx.emit('meetings.changed', { meetingId: input.meetingId });
    return after;
  },
  'meetings.open': (input, ctx) => setStatus(ctx, input.id, 'open'),
  'meetings.close': (input, ctx) => setStatus(ctx, input.id, 'closed'),
} satisfies HandlersOf<typeof meetingsContract>;
