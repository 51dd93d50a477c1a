import type { Core } from '../core';
import { actorForToken } from '../core/api/auth';
import type { Actor, DidarEvent, EventName } from '../core/contract';

/** What the waiting-room display's board shows: the queue, the meetings, the settings (the directorate's name), a restore. */
const DISPLAY_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['queue.changed', 'meetings.changed', 'lists.changed', 'database.restored']);
/** Changes that name no record: the lists, an import, a restore. */
const UNNAMED_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['lists.changed', 'sync.changed', 'database.restored']);

/**
 * Who hears which change on the events channel. Events carry ids, never records, but the ids
 * still say what the directorate is doing (who came, which client changed), so each socket hears
 * only what its user's screens need:
 * - the waiting-room display: what its board shows;
 * - a unit's or an agency's representative (people from outside the directorate): the follow-up
 *   of instructions sent to their own unit or agency, their agency's requests at a field desk's
 *   table, and the changes that name no record;
 * - staff: everything;
 * - a socket whose session has ended (`null`): only a restore.
 * The station (server.ts) and the host PC's own windows (desktop/controller.ts) both ask here,
 * with the listener `listenerOf` gives.
 */
export function eventIsFor(listener: Actor | null, event: DidarEvent): boolean {
  if (!listener) return event.name === 'database.restored';
  switch (listener.role) {
    case 'display':
      return DISPLAY_EVENTS.has(event.name);
    case 'unit':
    case 'agency':
      return UNNAMED_EVENTS.has(event.name) || concernsRepresentative(listener, event);
    default:
      return true;
  }
}

function concernsRepresentative(rep: Actor, event: DidarEvent): boolean {
  const theirs = (unitId: string | null, agencyId: string | null) =>
    rep.role === 'unit' ? unitId !== null && unitId === rep.unitId : agencyId !== null && agencyId === rep.agencyId;
  switch (event.name) {
    case 'followups.changed':
    case 'instructions.changed':
      return theirs(event.payload.unitId, event.payload.agencyId);
    case 'agencyDesk.changed':
      return theirs(null, event.payload.agencyId);
    default:
      return false;
  }
}

/**
 * The user an open events channel listens for, as of now, looked at without counting as activity
 * (listening is not a call). The station looks again when a user changes (`users.changed`) and at
 * every heartbeat; the host PC's own windows when a user changes.
 */
export function listenerOf(core: Core, token: string): Actor | null {
  return actorForToken(core.db, token, core.now().toISOString(), { touch: false });
}
