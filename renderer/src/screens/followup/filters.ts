import { useSyncExternalStore } from 'react';
import type { Input } from '../../../../electron/core/contract';
import { session } from '../../api/client';

export type StatusFilter = 'open' | 'closed' | 'all';

/** The worklist's filters. */
export interface WorkFilters {
  status: StatusFilter;
  unitId: string | null;
  agencyId: string | null;
  meetingId: string | null;
  dueBy: string | null;
  overdueOnly: boolean;
  staleOnly: boolean;
  query: string;
  page: number;
}

export const NO_FILTERS: WorkFilters = {
  status: 'open',
  unitId: null,
  agencyId: null,
  meetingId: null,
  dueBy: null,
  overdueOnly: false,
  staleOnly: false,
  query: '',
  page: 0,
};

/** Rows on one page of the worklist. */
export const PAGE_SIZE = 50;

/** The worklist's filters for this session: kept while the user moves between screens, forgotten at sign-out. */
let current: WorkFilters = NO_FILTERS;
const listeners = new Set<() => void>();

export function setWorkFilters(next: WorkFilters): void {
  current = next;
  for (const l of listeners) l();
}

session.onChange(() => setWorkFilters(NO_FILTERS));

/**
 * The filters, shared by the worklist and the daily view (which opens the worklist with a
 * filter). Kept in memory rather than in the address: the desktop app runs from a file: URL,
 * and the hash router's paths carry no query.
 */
export function useWorkFilters(): [WorkFilters, (next: WorkFilters) => void] {
  return [useSyncExternalStore(subscribe, snapshot), setWorkFilters];
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): WorkFilters {
  return current;
}

export function isFiltered(f: WorkFilters): boolean {
  return JSON.stringify({ ...f, query: f.query.trim() }) !== JSON.stringify(NO_FILTERS);
}

/** The list call for these filters (a representative's scope is the host's to apply). */
export function listInput(f: WorkFilters): Input<'followups.list'> {
  return {
    status: f.status,
    unitId: f.unitId,
    agencyId: f.agencyId,
    meetingId: f.meetingId,
    dueBy: f.dueBy,
    overdueOnly: f.overdueOnly,
    staleOnly: f.staleOnly,
    query: f.query.trim(),
    limit: PAGE_SIZE,
    offset: f.page * PAGE_SIZE,
  };
}
