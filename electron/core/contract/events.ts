import type { ListKind } from './types';

/** Change events, emitted after the transaction that caused them commits. */
export interface EventMap {
  'queue.changed': { meetingId: string };
  'meetings.changed': { meetingId: string };
  'clients.changed': { clientId: string };
  'lists.changed': { kind: ListKind | 'settings' };
  'users.changed': Record<string, never>;
  /** The instruction's unit or agency after the change (a representative's socket hears only its own). */
  'instructions.changed': { visitId: string; instructionId: string; unitId: string | null; agencyId: string | null };
  'visits.changed': { visitId: string; meetingId: string };
  'followups.changed': { instructionId: string; unitId: string | null; agencyId: string | null };
  /** An agency's requests at a field desk's table changed (handed, answered, taken). */
  'agencyDesk.changed': { meetingId: string; agencyId: string };
  'sharedIssues.changed': { sharedIssueId: string };
  /** Data came in from a site (an import) or a conflict was decided. */
  'sync.changed': Record<string, never>;
  'campaigns.changed': { campaignId: string };
  /** A backup was made, failed, or removed by the retention rule. */
  'backup.changed': Record<string, never>;
  /** The database was replaced by a restored backup: every desk signs in again. */
  'database.restored': Record<string, never>;
}
export type EventName = keyof EventMap;
export type DidarEvent = { [K in EventName]: { name: K; payload: EventMap[K] } }[EventName];
