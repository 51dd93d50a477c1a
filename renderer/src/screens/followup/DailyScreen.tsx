import { Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import type { FollowupCounts } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill } from '../../locale/fa';
import { NO_FILTERS, setWorkFilters, type WorkFilters } from './filters';
import { closeCalendarOnLeave } from './keys';

function Stat({ label, value, color, hint, testId, onOpen }: { label: string; value: number; color: string; hint?: string; testId: string; onOpen(): void }) {
  return (
    <UnstyledButton onClick={onOpen} data-testid={testId}>
      <Paper withBorder p="md" style={{ borderTop: `4px solid var(--mantine-color-${color}-6)` }}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fw={800} fz={34} c={value > 0 ? `${color}.7` : 'dimmed'} data-testid={`${testId}-count`}>
          {faDigits(value)}
        </Text>
        <Text size="xs" c="dimmed" h={18}>
          {hint ?? ''}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** A count that opens the worklist with its filter (a button inside the row, so the row's own click is not taken). */
function CountCell({ n, color, onOpen, testId }: { n: number; color: string; onOpen(): void; testId: string }) {
  return (
    <Table.Td>
      <Button
        variant={n > 0 ? 'light' : 'subtle'}
        color={n > 0 ? color : 'gray'}
        size="compact-sm"
        miw={44}
        onClick={(e) => {
          e.stopPropagation();
          onOpen();
        }}
        onKeyDown={(e) => e.stopPropagation()}
        data-testid={testId}
      >
        {faDigits(n)}
      </Button>
    </Table.Td>
  );
}

interface TableProps {
  title: string;
  nameLabel: string;
  rows: FollowupCounts[];
  scope: 'unitId' | 'agencyId';
  testId: string;
  open(filters: Partial<WorkFilters>): void;
}

function CountsTable({ title, nameLabel, rows, scope, testId, open }: TableProps) {
  const sum = (k: 'open' | 'overdue' | 'stale') => rows.reduce((a, r) => a + r[k], 0);
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open({ [scope]: id });
    }
  };
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {fa.followup.daily.none}
        </Text>
      ) : (
        <Table highlightOnHover data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{nameLabel}</Table.Th>
              <Table.Th w={80}>{fa.followup.daily.open}</Table.Th>
              <Table.Th w={100}>{fa.followup.daily.overdue}</Table.Th>
              <Table.Th w={90}>{fa.followup.daily.stale}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.id}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                onClick={() => open({ [scope]: r.id })}
                onKeyDown={(e) => onRowKey(e, r.id)}
                data-testid="daily-row"
                data-name={r.name}
              >
                <Table.Td fw={600}>{r.name}</Table.Td>
                <CountCell n={r.open} color="blue" onOpen={() => open({ [scope]: r.id })} testId="daily-row-open" />
                <CountCell n={r.overdue} color="red" onOpen={() => open({ [scope]: r.id, overdueOnly: true })} testId="daily-row-overdue" />
                <CountCell n={r.stale} color="orange" onOpen={() => open({ [scope]: r.id, staleOnly: true })} testId="daily-row-stale" />
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="daily-total">
              <Table.Th>{fa.followup.daily.total}</Table.Th>
              <Table.Th>{faDigits(sum('open'))}</Table.Th>
              <Table.Th>{faDigits(sum('overdue'))}</Table.Th>
              <Table.Th>{faDigits(sum('stale'))}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
    </Paper>
  );
}

/**
 * The directorate's daily view: what is open, due today, overdue and stale, in all and per unit
 * and agency. A row or a count opens the worklist with that filter.
 */
export function DailyScreen() {
  const [date, setDate] = useState<string | null>(null);
  const daily = useCall('followups.daily', { date });
  const settings = useCall('settings.get', {});
  const [, navigate] = useLocation();
  const open = (filters: Partial<WorkFilters>) => {
    setWorkFilters({ ...NO_FILTERS, ...filters });
    navigate('/followup');
  };
  const d = daily.data;
  const d1 = fa.followup.daily;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{d1.title}</Title>
          <Text c="dimmed" size="sm" data-testid="daily-date">
            {d ? fill(d1.of, { date: jalaliDate(d.date, true) }) : fa.app.loading}
          </Text>
        </div>
        <div style={{ width: 180 }} onBlur={closeCalendarOnLeave}>
          <JalaliDateInput label={d1.date} value={date} onChange={setDate} name="dailyDate" />
        </div>
      </Group>
      {!d ? (
        <Loader />
      ) : (
        <>
          <SimpleGrid cols={4}>
            <Stat label={d1.openTotal} value={d.openTotal} color="blue" testId="daily-open" onOpen={() => open({})} />
            <Stat label={date === null ? d1.dueToday : d1.dueOn} value={d.dueToday} color="violet" testId="daily-due-today" onOpen={() => open({ dueBy: d.date })} />
            <Stat label={d1.overdue} value={d.overdue} color="red" testId="daily-overdue" onOpen={() => open({ overdueOnly: true })} />
            <Stat
              label={d1.stale}
              value={d.stale}
              color="orange"
              hint={settings.data ? fill(d1.staleHint, { n: faDigits(settings.data.staleDays) }) : undefined}
              testId="daily-stale"
              onOpen={() => open({ staleOnly: true })}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {d1.hint}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <CountsTable title={d1.byUnit} nameLabel={d1.unit} rows={d.byUnit} scope="unitId" testId="daily-units" open={open} />
            <CountsTable title={d1.byAgency} nameLabel={d1.agency} rows={d.byAgency} scope="agencyId" testId="daily-agencies" open={open} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
