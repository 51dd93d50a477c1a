import { Alert, Badge, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { OutboxStatus } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { fa as faDigits, jalaliDateTime } from '../../format';
import { fa, keysOf } from '../../locale/fa';
import { OUTBOX_KIND_LABELS, OUTBOX_STATUS_LABELS } from './labels';

const STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'yellow', sent: 'teal', failed: 'red' };

/**
 * The short messages to clients (an instruction issued, a result recorded) and where each
 * stands. Without a gateway nothing is sent, and the screen says so plainly.
 */
export function OutboxScreen() {
  const [status, setStatus] = useState<OutboxStatus | 'all'>('all');
  const outbox = useCall('outbox.list', { status: status === 'all' ? null : status, limit: 200 });
  const o = fa.followup.outbox;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{o.title}</Title>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as OutboxStatus | 'all')}
          data={[{ value: 'all', label: o.all }, ...keysOf(OUTBOX_STATUS_LABELS).map((s) => ({ value: s, label: OUTBOX_STATUS_LABELS[s] }))]}
          aria-label={o.status}
        />
      </Group>
      {outbox.data &&
        (outbox.data.gatewayConfigured ? (
          <Alert color="teal" variant="light" data-testid="gateway-on">
            {o.gateway}
          </Alert>
        ) : (
          <Alert color="orange" variant="filled" data-testid="no-gateway">
            {o.noGateway}
          </Alert>
        ))}
      {!outbox.data ? (
        <Loader />
      ) : outbox.data.rows.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Text c="dimmed">{o.empty}</Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table striped verticalSpacing={6} data-testid="outbox">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{o.createdAt}</Table.Th>
                <Table.Th w={140}>{o.client}</Table.Th>
                <Table.Th w={120}>{o.mobile}</Table.Th>
                <Table.Th w={100}>{o.kind}</Table.Th>
                <Table.Th>{o.text}</Table.Th>
                <Table.Th w={110}>{o.status}</Table.Th>
                <Table.Th w={60}>{o.attempts}</Table.Th>
                <Table.Th w={130}>{o.sentAt}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.rows.map((r) => (
                <Table.Tr key={r.id} data-testid="outbox-row">
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {jalaliDateTime(r.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.clientName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="ltr" ta="right">
                      {faDigits(r.mobile)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{OUTBOX_KIND_LABELS[r.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.text}</Text>
                    {r.lastError && (
                      <Text size="xs" c="red.8" dir="auto">
                        {r.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[r.status]} variant="light" data-testid="outbox-status">
                      {OUTBOX_STATUS_LABELS[r.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{faDigits(r.attempts)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {jalaliDateTime(r.sentAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
