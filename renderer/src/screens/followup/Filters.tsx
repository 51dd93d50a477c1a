import { Button, Chip, Group, Paper, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { useRef, useState } from 'react';
import type { Lists, Meeting } from '../../../../electron/core/contract';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { jalaliDate } from '../../format';
import { fa } from '../../locale/fa';
import { isFiltered, NO_FILTERS, type StatusFilter, type WorkFilters } from './filters';
import { closeCalendarOnLeave } from './keys';

interface Props {
  filters: WorkFilters;
  onChange(next: WorkFilters): void;
  lists: Lists | undefined;
  /** Meetings to filter by (the directorate's staff only). */
  meetings: Meeting[] | undefined;
  /** A representative's list is already scoped by the host: no unit, agency or meeting choice. */
  representative: boolean;
  /** ArrowDown in the search box: to the first row. */
  onDown(): void;
}

const STATUSES: StatusFilter[] = ['open', 'closed', 'all'];

/** The worklist's filters and its search (a client's name, a national ID or a tracking code, in any digits). */
export function Filters({ filters, onChange, lists, meetings, representative, onDown }: Props) {
  const [query, setQuery] = useState(filters.query);
  const searchRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<WorkFilters>) => onChange({ ...filters, ...patch, page: 0 });
  const pushQuery = useDebouncedCallback((q: string) => onChange({ ...filters, query: q, page: 0 }), 350);
  useHotkeys([['/', () => searchRef.current?.focus()]]);
  const options = (items: { id: string; name: string; active: boolean }[] | undefined, chosen: string | null) =>
    (items ?? []).filter((x) => x.active || x.id === chosen).map((x) => ({ value: x.id, label: x.name }));
  const meetingOptions = (meetings ?? []).map((m) => ({ value: m.id, label: `${m.title}، ${jalaliDate(m.date)}` }));
  const selectProps = { searchable: true, clearable: true, selectFirstOptionOnChange: true, openOnFocus: false, placeholder: fa.followup.filters.any, w: 220 } as const;
  const dueBy = (
    <div style={{ width: 170, flexShrink: 0 }} onBlur={closeCalendarOnLeave}>
      <JalaliDateInput label={fa.followup.filters.dueBy} value={filters.dueBy} onChange={(v) => set({ dueBy: v })} name="dueBy" />
    </div>
  );
  const clear = (
    <Button
      variant="subtle"
      onClick={() => {
        setQuery('');
        pushQuery.cancel();
        onChange(NO_FILTERS);
      }}
      data-testid="clear-filters"
    >
      {fa.followup.filters.clear}
    </Button>
  );
  return (
    <Paper withBorder p="sm" data-testid="followup-filters">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            ref={searchRef}
            label={fa.followup.filters.query}
            placeholder={fa.followup.filters.queryPlaceholder}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              pushQuery(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                pushQuery.cancel();
                onChange({ ...filters, query, page: 0 });
              } else if (e.key === 'ArrowDown') {
                e.preventDefault();
                onDown();
              }
            }}
            style={{ flex: 1 }}
            name="followupQuery"
            data-testid="followup-search"
          />
          {representative && dueBy}
          <SegmentedControl
            aria-label={fa.followup.filters.status}
            value={filters.status}
            onChange={(v) => set({ status: v as StatusFilter })}
            data={STATUSES.map((s) => ({ value: s, label: fa.followup.filters.statuses[s] }))}
          />
          <Chip checked={filters.overdueOnly} onChange={(v) => set({ overdueOnly: v })} color="red" variant="light" data-testid="filter-overdue">
            {fa.followup.filters.overdueOnly}
          </Chip>
          <Chip checked={filters.staleOnly} onChange={(v) => set({ staleOnly: v })} color="orange" variant="light" data-testid="filter-stale">
            {fa.followup.filters.staleOnly}
          </Chip>
        </Group>
        {representative ? (
          isFiltered(filters) && <Group>{clear}</Group>
        ) : (
          <Group gap="sm" align="flex-end">
            <Select
              label={fa.followup.filters.unit}
              data={options(lists?.units, filters.unitId)}
              value={filters.unitId}
              onChange={(v) => set({ unitId: v })}
              {...selectProps}
              data-testid="filter-unit"
            />
            <Select
              label={fa.followup.filters.agency}
              data={options(lists?.agencies, filters.agencyId)}
              value={filters.agencyId}
              onChange={(v) => set({ agencyId: v })}
              {...selectProps}
              data-testid="filter-agency"
            />
            <Select
              label={fa.followup.filters.meeting}
              data={meetingOptions}
              value={filters.meetingId}
              onChange={(v) => set({ meetingId: v })}
              {...selectProps}
              w={260}
              data-testid="filter-meeting"
            />
            {dueBy}
            {isFiltered(filters) && clear}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
