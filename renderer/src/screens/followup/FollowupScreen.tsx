import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Actor, FollowupItem, Instruction } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';
import { Filters } from './Filters';
import { listInput, PAGE_SIZE, useWorkFilters } from './filters';
import { InstructionPanel } from './InstructionPanel';
import { KeyHints } from './KeyHints';
import { EmptyWorklist, focusRow, Worklist } from './Worklist';

/**
 * The follow-up worklist: open instructions by unit, agency, meeting or due date, overdue ones
 * first, until each has a result. A representative of a unit or an agency lands here and sees
 * only what was referred to them (the host scopes the list and refuses the rest).
 */
export function FollowupScreen({ me }: { me: Actor }) {
  const representative = me.role === 'unit' || me.role === 'agency';
  const client = useQueryClient();
  const [filters, setFilters] = useWorkFilters();
  const lists = useCall('lists.all', {});
  const meetings = useCall('meetings.list', {}, { enabled: !representative });
  const list = useCall('followups.list', listInput(filters), { placeholderData: keepPreviousData });
  const [selected, setSelected] = useState<{ item: FollowupItem; changedAt: number } | null>(null);

  // The drawer shows the list's copy of the chosen instruction when the list was read after
  // the last change made in the drawer, else the copy it holds (updated by what was saved).
  const listed = selected ? list.data?.items.find((x) => x.instruction.id === selected.item.instruction.id) : undefined;
  const current = selected ? (listed && list.dataUpdatedAt > selected.changedAt ? listed : selected.item) : null;
  const onChanged = (after: Instruction) => {
    setSelected((s) => (s && s.item.instruction.id === after.id ? { item: { ...s.item, instruction: after }, changedAt: Date.now() } : s));
    void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('followups.') });
  };

  const scopeName = representative
    ? me.role === 'unit'
      ? lists.data?.units.find((u) => u.id === me.unitId)?.name
      : lists.data?.agencies.find((a) => a.id === me.agencyId)?.name
    : undefined;
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  const from = filters.page * PAGE_SIZE;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{scopeName ? fill(fa.followup.titleFor, { name: scopeName }) : fa.followup.title}</Title>
          <KeyHints keys={fa.followup.keys} />
        </div>
        <Text c="dimmed" data-testid="followup-total">
          {fill(fa.followup.total, { n: faDigits(total) })}
        </Text>
      </Group>
      <Filters
        filters={filters}
        onChange={setFilters}
        lists={lists.data}
        meetings={meetings.data}
        representative={representative}
        onDown={() => focusRow(0)}
      />
      {list.isPending ? (
        <Loader />
      ) : items.length === 0 ? (
        <EmptyWorklist representative={representative} />
      ) : (
        <Worklist items={items} onOpen={(item) => setSelected({ item, changedAt: 0 })} />
      )}
      {total > PAGE_SIZE && (
        <Group justify="center" gap="sm">
          <Button variant="light" size="xs" disabled={filters.page === 0} onClick={() => setFilters({ ...filters, page: filters.page - 1 })}>
            {fa.followup.pagePrev}
          </Button>
          <Text size="sm">
            {fill(fa.followup.pageOf, { from: faDigits(from + 1), to: faDigits(Math.min(from + PAGE_SIZE, total)), total: faDigits(total) })}
          </Text>
          <Button variant="light" size="xs" disabled={from + PAGE_SIZE >= total} onClick={() => setFilters({ ...filters, page: filters.page + 1 })}>
            {fa.followup.pageNext}
          </Button>
        </Group>
      )}
      <InstructionPanel item={current} me={me} reasons={lists.data?.outcomeReasons ?? []} onClose={() => setSelected(null)} onChanged={onChanged} />
    </Stack>
  );
}
