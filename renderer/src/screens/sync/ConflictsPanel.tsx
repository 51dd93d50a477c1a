import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { SyncConflict } from '../../../../electron/core/contract/sync';
import { useAction, useCall } from '../../api/hooks';
import { notifyError } from '../../components/errors';
import { fa as faDigits, jalaliDateTime } from '../../format';
import { fa, fill } from '../../locale/fa';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? fa.sync.empty : faDigits(String(v)));

/** The columns to set side by side: those that differ, else (a record not added) the incoming record's own. */
function rowsOf(c: SyncConflict): string[] {
  if (c.differences.length > 0) return c.differences;
  const keys = Object.keys(c.incoming).filter((k) => fa.sync.columns[k]);
  return keys.length > 0 ? keys : Object.keys(c.incoming).slice(0, 8);
}

function ConflictCard({ c }: { c: SyncConflict }) {
  const resolve = useAction('sync.resolve');
  const decide = (keep: 'local' | 'incoming') => resolve.mutate({ conflictId: c.id, keep }, { onError: notifyError });
  const [code, newCode] = c.kind === 'tracking_code' ? c.detail.split('→') : ['', ''];
  return (
    <Paper withBorder p="md" data-testid="sync-conflict">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge color={c.status === 'open' ? 'orange' : 'gray'}>{fa.sync.kinds[c.kind]}</Badge>
            <Text fw={600}>
              {fa.sync.entities[c.entity] ?? c.entity}: {faDigits(c.title)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {fill(fa.sync.fromSite, { site: c.siteName })} · {jalaliDateTime(c.createdAt)}
          </Text>
        </Group>
        {c.kind === 'tracking_code' && <Text size="sm">{fill(fa.sync.trackingExplain, { code: faDigits(code ?? ''), newCode: faDigits(newCode ?? '') })}</Text>}
        {c.kind === 'not_inserted' && (
          <Text size="sm">
            {fill(fa.sync.notInsertedExplain, { detail: c.detail })}
          </Text>
        )}
        <Table withTableBorder withColumnBorders verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">{fa.sync.field}</Table.Th>
              <Table.Th w="40%">{fa.sync.local}</Table.Th>
              <Table.Th w="40%">{fa.sync.incoming}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rowsOf(c).map((k) => (
              <Table.Tr key={k} data-testid={`sync-diff-${k}`}>
                <Table.Td>{fa.sync.columns[k] ?? k}</Table.Td>
                <Table.Td bg={c.differences.includes(k) ? 'var(--mantine-color-yellow-light)' : undefined}>{show(c.local[k])}</Table.Td>
                <Table.Td bg={c.differences.includes(k) ? 'var(--mantine-color-blue-light)' : undefined}>{show(c.incoming[k])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {c.status === 'open' ? (
          <Group>
            <Button variant="default" onClick={() => decide('local')} loading={resolve.isPending} data-testid="sync-keep-local">
              {fa.sync.keepLocal}
            </Button>
            {c.kind !== 'tracking_code' && (
              <Button onClick={() => decide('incoming')} loading={resolve.isPending} data-testid="sync-keep-incoming">
                {fa.sync.keepIncoming}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {fill(fa.sync.resolvedAs, {
              choice: c.resolution === 'incoming' ? fa.sync.keepIncoming : fa.sync.keepLocal,
              by: c.resolvedBy ?? '',
              at: jalaliDateTime(c.resolvedAt),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Records held differently here and at a site, side by side, for a person to decide. */
export function ConflictsPanel() {
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const conflicts = useCall('sync.conflicts', { status });
  return (
    <Stack maw={1000}>
      <Text size="sm">{fa.sync.conflictsHint}</Text>
      <SegmentedControl
        w={240}
        value={status}
        onChange={(v) => setStatus(v as 'open' | 'all')}
        data={[
          { value: 'open', label: fa.sync.showOpen },
          { value: 'all', label: fa.sync.showAll },
        ]}
      />
      {conflicts.data && conflicts.data.items.length === 0 && <Alert color="green">{fa.sync.noConflicts}</Alert>}
      {conflicts.data?.items.map((c) => <ConflictCard key={c.id} c={c} />)}
    </Stack>
  );
}
