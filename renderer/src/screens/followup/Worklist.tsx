import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { FollowupItem } from '../../../../electron/core/contract';
import { fa as faDigits, jalaliDate } from '../../format';
import { fa, fill } from '../../locale/fa';
import { groupTrackingCode, instructionTarget, KIND_SHORT, STATUS_LABELS } from '../desk/display';
import { daysAgoText, OUTCOME_LABELS } from './labels';

/** Moves the keyboard focus to a worklist row (by index), if there is one. */
export function focusRow(index: number): void {
  const rows = document.querySelectorAll<HTMLElement>('[data-testid="followup-row"]');
  rows[Math.max(0, Math.min(index, rows.length - 1))]?.focus();
}

function rowKeys(e: KeyboardEvent<HTMLTableRowElement>, index: number, open: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  } else if (e.key === 'ArrowDown') {
    e.preventDefault();
    focusRow(index + 1);
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    if (index === 0) document.querySelector<HTMLInputElement>('[data-testid="followup-search"]')?.focus();
    else focusRow(index - 1);
  }
}

/** The instruction's standing in the worklist: its result when closed, else open (with the overdue and stale marks beside it). */
function StatusCell({ item }: { item: FollowupItem }) {
  const i = item.instruction;
  if (i.status === 'closed') {
    return (
      <Badge variant="light" color={i.outcome === 'not_possible' ? 'orange' : 'teal'}>
        {i.outcome ? OUTCOME_LABELS[i.outcome] : STATUS_LABELS.closed}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={i.status === 'open' ? 'blue' : 'gray'}>
      {STATUS_LABELS[i.status]}
    </Badge>
  );
}

interface Props {
  items: FollowupItem[];
  onOpen(item: FollowupItem): void;
}

/**
 * Open instructions, overdue ones first (the host's order) and marked in red; referrals with no
 * step for the set number of days marked «بی‌اقدام». Enter (or a click) opens one; ↑ ↓ move.
 */
export function Worklist({ items, onOpen }: Props) {
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" data-testid="worklist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={112}>{fa.followup.columns.code}</Table.Th>
            <Table.Th w={140}>{fa.followup.columns.client}</Table.Th>
            <Table.Th>{fa.followup.columns.request}</Table.Th>
            <Table.Th w={200}>{fa.followup.columns.target}</Table.Th>
            <Table.Th w={130}>{fa.followup.columns.due}</Table.Th>
            <Table.Th w={130}>{fa.followup.columns.lastStep}</Table.Th>
            <Table.Th w={128}>{fa.followup.columns.status}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => {
            const i = item.instruction;
            const open = () => onOpen(item);
            return (
              <Table.Tr
                key={i.id}
                tabIndex={0}
                onClick={open}
                onKeyDown={(e) => rowKeys(e, index, open)}
                data-testid="followup-row"
                data-overdue={item.overdue ? 'true' : undefined}
                data-stale={item.stale ? 'true' : undefined}
                data-code={i.trackingCode}
                style={{
                  cursor: 'pointer',
                  boxShadow: item.overdue ? 'inset -4px 0 0 var(--mantine-color-red-6)' : item.stale ? 'inset -4px 0 0 var(--mantine-color-orange-5)' : undefined,
                  background: item.overdue ? 'var(--mantine-color-red-0)' : undefined,
                }}
              >
                <Table.Td>
                  <Text size="sm" fw={700} dir="ltr" ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {groupTrackingCode(i.trackingCode)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} lineClamp={1}>
                    {item.clientName}
                  </Text>
                  <Text size="xs" c="dimmed" dir="ltr" ta="right">
                    {faDigits(item.nationalId)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={item.requestText}>
                    <Text span size="xs" c="dimmed">
                      [{item.categoryName}]{' '}
                    </Text>
                    {item.requestText}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {item.meetingTitle}، {jalaliDate(item.meetingDate)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={instructionTarget(i)}>
                    {instructionTarget(i) || fa.app.none}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {KIND_SHORT[i.kind]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {jalaliDate(i.dueDate)}
                  </Text>
                  {item.overdue && (
                    <Badge color="red" variant="filled" size="sm" data-testid="overdue-mark">
                      {fa.followup.overdue}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {item.steps > 0 ? daysAgoText(item.daysSinceStep) : fa.followup.noSteps}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    {item.stale ? (
                      <Badge color="orange" variant="filled" size="sm" data-testid="stale-mark">
                        {fill(fa.followup.staleFor, { n: faDigits(item.daysSinceStep) })}
                      </Badge>
                    ) : (
                      item.steps > 0 && (
                        <Text size="xs" c="dimmed">
                          {fill(fa.followup.steps, { n: faDigits(item.steps) })}
                        </Text>
                      )
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusCell item={item} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Shown instead of the table when nothing matches. */
export function EmptyWorklist({ representative }: { representative: boolean }) {
  return (
    <Paper withBorder p="xl" ta="center" data-testid="worklist-empty">
      <Stack gap={4}>
        <Text c="dimmed">{representative ? fa.followup.emptyRep : fa.followup.empty}</Text>
      </Stack>
    </Paper>
  );
}
