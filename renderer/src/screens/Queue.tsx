import { Badge, Button, Grid, Group, Kbd, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys, useInterval, useLocalStorage } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Actor, CalledVisit } from '../../../electron/core/contract';
import { useAction, useCall } from '../api/hooks';
import { notifyError } from '../components/errors';
import { fa as faDigits, minutesSince, tehranTime } from '../format';
import { fa, fill } from '../locale/fa';

/** The live queue of a meeting; the presiding official calls the next visitor from here. */
export function QueueScreen({ meetingId, me }: { meetingId: string; me: Actor }) {
  const meeting = useCall('meetings.get', { id: meetingId });
  const queue = useCall('queue.list', { meetingId });
  const callNext = useAction('queue.callNext');
  const [desk, setDesk] = useLocalStorage<string>({ key: 'didar.desk', defaultValue: fa.queue.deskDefault });
  const [current, setCurrent] = useState<CalledVisit | null | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const tick = useInterval(() => setNow(Date.now()), 30_000);
  useEffect(() => {
    tick.start();
    return tick.stop;
  }, [tick]);

  const canCall = (me.role === 'official' || me.role === 'admin') && meeting.data?.status === 'open';
  const doCall = () => {
    if (!canCall || callNext.isPending) return;
    callNext.mutate({ meetingId, desk }, { onSuccess: setCurrent, onError: notifyError });
  };
  useHotkeys([['F2', doCall]], [], true);

  const waiting = queue.data?.waiting ?? [];
  const called = queue.data?.called ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2}>{fa.queue.title}</Title>
          <Text c="dimmed" size="sm">
            {meeting.data?.title} · {queue.data && fill(fa.queue.priorityRule, { n: faDigits(queue.data.maxPriorityInRow) })}
          </Text>
        </div>
        {canCall && (
          <Group align="flex-end">
            <TextInput label={fa.queue.deskName} value={desk} onChange={(e) => setDesk(e.currentTarget.value)} w={140} name="desk" />
            <Button size="md" onClick={doCall} loading={callNext.isPending} data-testid="call-next">
              {fa.queue.callNext} <Kbd ms="xs">F2</Kbd>
            </Button>
          </Group>
        )}
      </Group>

      {current !== undefined && (
        <Paper withBorder p="md" bg={current ? 'teal.0' : 'gray.0'} data-testid="current-visit">
          {current ? (
            <Group align="flex-start">
              <Text className="didar-ticket" c="teal.8">
                {faDigits(current.ticket)}
              </Text>
              <Stack gap={4}>
                <Text fw={700} size="lg">
                  {current.clientName}
                </Text>
                {current.requests.map((r, i) => (
                  <Text key={r.id} size="sm">
                    {faDigits(i + 1)}. [{r.categoryName}] {r.text}
                    {r.urgency === 'urgent' && (
                      <Badge ms="xs" color="red" size="xs">
                        {fa.intake.urgent}
                      </Badge>
                    )}
                  </Text>
                ))}
              </Stack>
            </Group>
          ) : (
            <Text>{fa.queue.nobody}</Text>
          )}
        </Paper>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder>
            <Title order={4} p="sm">
              {fa.queue.waiting} ({faDigits(waiting.length)})
            </Title>
            {waiting.length === 0 ? (
              <Text p="sm" c="dimmed">
                {fa.queue.empty}
              </Text>
            ) : (
              <Table striped verticalSpacing="xs" data-testid="waiting-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{fa.queue.position}</Table.Th>
                    <Table.Th>{fa.queue.ticket}</Table.Th>
                    <Table.Th>{fa.queue.client}</Table.Th>
                    <Table.Th>{fa.queue.requests}</Table.Th>
                    <Table.Th>{fa.queue.since}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {waiting.map((w) => (
                    <Table.Tr key={w.visitId} data-testid="waiting-row">
                      <Table.Td>{faDigits(w.position ?? 0)}</Table.Td>
                      <Table.Td>
                        <Text fw={800} size="lg">
                          {faDigits(w.ticket)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {w.clientName}
                        {w.priority !== 'none' && (
                          <Badge ms="xs" color="orange" variant="light" title={w.priorityReason}>
                            {fa.intake.priorities[w.priority]}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{faDigits(w.requestCount)}</Table.Td>
                      <Table.Td>{minutesSince(w.registeredAt, now)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder>
            <Title order={4} p="sm">
              {fa.queue.called}
            </Title>
            <Table verticalSpacing="xs" data-testid="called-table">
              <Table.Tbody>
                {called.map((c) => (
                  <Table.Tr key={c.visitId}>
                    <Table.Td>
                      <Text fw={800}>{faDigits(c.ticket)}</Text>
                    </Table.Td>
                    <Table.Td>{c.clientName}</Table.Td>
                    <Table.Td>{c.desk}</Table.Td>
                    <Table.Td>{tehranTime(c.calledAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
