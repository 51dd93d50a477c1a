import type { PriorityKind, QueueEntry, VisitStatus } from '../contract';
import type { Db } from '../db/open';

/** Reading visits as queue entries (the queue, the desk and the print pages share this). */

export interface VisitDbRow {
  id: string;
  ticket: number;
  sort_key: number;
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

export const SELECT_VISITS = `
  SELECT v.id, v.ticket, v.sort_key, v.priority, v.priority_reason, v.status, v.client_id, v.desk, v.registered_at, v.called_at,
    c.first_name, c.last_name, (SELECT count(*) FROM requests r WHERE r.visit_id = v.id) AS request_count
  FROM visits v JOIN clients c ON c.id = v.client_id`;

export const toEntry = (r: VisitDbRow, position: number | null): QueueEntry => ({
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

/** One visit as a queue entry, or null. */
export function queueEntry(db: Db, visitId: string): QueueEntry | null {
  const row = db.prepare(`${SELECT_VISITS} WHERE v.id = ?`).get(visitId) as VisitDbRow | undefined;
  return row ? toEntry(row, null) : null;
}
