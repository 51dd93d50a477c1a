import type { ListKind } from './types';

/** Change events, emitted after the transaction that caused them commits. */
export interface EventMap {
  'queue.changed': { meetingId: string };
  'meetings.changed': { meetingId: string };
  'clients.changed': { clientId: string };
  'lists.changed': { kind: ListKind | 'settings' };
  'users.changed': Record<string, never>;
  'instructions.changed': { visitId: string; instructionId: string };
  'visits.changed': { visitId: string; meetingId: string };
  'followups.changed': { instructionId: string; unitId: string | null; agencyId: string | null };
}
export type EventName = keyof EventMap;
export type DidarEvent = { [K in EventName]: { name: K; payload: EventMap[K] } }[EventName];
