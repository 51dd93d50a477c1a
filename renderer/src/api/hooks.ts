import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DidarEvent, EventName, Input, MethodName, Output } from '../../../electron/core/contract';
import { call, CallError, subscribe } from './client';
import { signOutAfterRestore } from './useSession';

/** Reads through the contract; the query key is the method and its input. */
export function useCall<K extends MethodName>(
  method: K,
  input: Input<K>,
  options: Omit<UseQueryOptions<Output<K>, CallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<K>, CallError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

/** A mutation through the contract. */
export function useAction<K extends MethodName>(method: K) {
  return useMutation<Output<K>, CallError, Input<K>>({ mutationFn: (input) => call(method, input) });
}

/** Which cached reads each event makes stale. */
const STALE: Record<EventName, string[]> = {
  'queue.changed': ['queue.', 'meetings.', 'reports.'],
  'meetings.changed': ['meetings.', 'queue.', 'reports.'],
  'clients.changed': ['clients.'],
  'lists.changed': ['lists.', 'settings.', 'auth.status'],
  'users.changed': ['users.'],
  'instructions.changed': ['visits.', 'instructions.', 'clients.history', 'desk.', 'followups.', 'reports.'],
  'visits.changed': ['visits.', 'desk.', 'clients.history', 'reports.'],
  'followups.changed': ['followups.', 'instructions.', 'visits.', 'clients.history', 'outbox.', 'reports.'],
  'agencyDesk.changed': ['agencyDesk.', 'followups.', 'visits.', 'instructions.', 'reports.'],
  'sharedIssues.changed': ['sharedIssues.', 'visits.', 'desk.', 'followups.', 'instructions.', 'reports.'],
  'sync.changed': ['sync.', 'meetings.', 'clients.', 'visits.', 'followups.', 'reports.', 'lists.'],
  'campaigns.changed': ['campaigns.', 'queue.', 'meetings.', 'reports.'],
  'backup.changed': ['backup.'],
  // Never read: useLiveUpdates signs the desk out on this event before looking here (the map must name every event).
  'database.restored': [''],
};

/**
 * Keeps every shown read fresh from the host's events (no polling); after the channel drops
 * and comes back, everything is read again, so nothing stale stays on screen.
 */
export function useLiveUpdates(token: string | null): boolean {
  const client = useQueryClient();
  const [online, setOnline] = useState(true);
  useEffect(() => {
    if (!token) return;
    return subscribe(
      (e: DidarEvent) => {
        if (e.name === 'database.restored') return signOutAfterRestore();
        const prefixes = STALE[e.name];
        void client.invalidateQueries({ predicate: (q) => prefixes.some((p) => String(q.queryKey[0]).startsWith(p)) });
      },
      () => void client.invalidateQueries(),
      setOnline,
    );
  }, [client, token]);
  return online;
}
