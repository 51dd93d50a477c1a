import { Badge, Button, Grid, Group, Kbd, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys, useInterval, useLocalStorage } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import type { Actor, CalledVisit, QueueEntry } from '../../../electron/core/contract';
import { useAction, useCall } from '../api/hooks';
import { notifyError } from '../components/errors';
import { fa as faDigits, minutesSince, tehranTime } from '../format';
import { fa, fill } from '../locale/fa';
import { ActionModals, type ActionModalState } from './queue/ActionModals';
import { NoShows } from './queue/NoShows';
import { openWaitingRoomDisplay } from './queue/openDisplay';
import { CalledMenu, queueRights, useDirectActions, WaitingMenu } from './queue/RowActions';
import { StatsStrip } from './queue/StatsStrip';

/**
 * The live queue of a meeting: its figures, the waiting line in calling order and the visitors
 * at the desks, each with the actions their state allows (call again, to the end of the line,
 * no-show, another desk, another priority with a reason, cancel with a reason), and the
 * no-shows, who can be put back in line. The presiding officials call the next visitor from here,
 * each to their own desk; the waiting-room display is opened from here too.
 */
export function QueueScreen({ meetingId, me }: { meetingId: string; me: Actor }) {
  const meeting = useCall('meetings.get', { id: meetingId });
  const queue = useCall('queue.list', { meetingId });
  const callNext = useAction('queue.callNext');
  const [desk, setDesk] = useLocalStorage<string>({ key: 'didar.desk', defaultValue: fa.queue.deskDefault });
  const [current, setCurrent] = useState<{ visit: CalledVisit | null; at: number } | undefined>(undefined);
  const [modal, setModal] = useState<ActionModalState>(null);
  const [now, setNow] = useState(() => Date.now());
  const tick = useInterval(() => setNow(Date.now()), 30_000);
  useEffect(() => {
    tick.start();
    return tick.stop;
  }, [tick]);

  const isOpen = meeting.data?.status === 'open';
  const rights = queueRights(me.role, isOpen);
  const canCall = rights.desk;
  const noShows = queue.data?.noShows ?? [];
  const direct = useDirectActions();

  const doCall = () => {
    if (!canCall || callNext.isPending) return;
    callNext.mutate({ meetingId, desk }, { onSuccess: (visit) => setCurrent({ visit, at: Date.now() }), onError: notifyError });
  };
  useHotkeys([['F2', doCall]], [], true);

  const waiting = queue.data?.waiting ?? [];
  const called = queue.data?.called ?? [];
  // The panel of the visitor just called stays while they are at a desk (not once skipped, a no-show, transferred away…).
  const gone = current?.visit && queue.dataUpdatedAt > current.at && !called.some((c) => c.visitId === current.visit!.visitId);
  const shown = current === undefined || gone ? undefined : current.visit;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{fa.queue.title}</Title>
          <Text c="dimmed" size="sm">
            {meeting.data?.title}
            {queue.data && ` — ${fill(fa.queue.priorityRule, { n: faDigits(queue.data.maxPriorityInRow) })}`}
          </Text>
        </div>
        <Group align="flex-end">
          <Button variant="light" onClick={() => openWaitingRoomDisplay(meetingId)} data-testid="open-display">
            {fa.queue.display}
          </Button>
          {canCall && (
            <>
              <TextInput label={fa.queue.deskName} value={desk} onChange={(e) => setDesk(e.currentTarget.value)} w={140} name="desk" />
              <Button size="md" onClick={doCall} loading={callNext.isPending} data-testid="call-next">
                {fa.queue.callNext} <Kbd ms="xs">F2</Kbd>
              </Button>
            </>
          )}
        </Group>
      </Group>

      <StatsStrip meetingId={meetingId} waiting={waiting} now={now} />

      {shown !== undefined && (
        <Paper withBorder p="md" bg={shown ? 'teal.0' : 'gray.0'} data-testid="current-visit">
          {shown ? (
            <Group align="flex-start">
              <Text className="didar-ticket" c="teal.8">
                {faDigits(shown.ticket)}
              </Text>
              <Stack gap={4}>
                <Text fw={700} size="lg">
                  {shown.clientName}
                </Text>
                {shown.requests.map((r, i) => (
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
        <Grid.Col span={{ base: 12, md: 7 }}>
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
                    <Table.Th w={48} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {waiting.map((w) => (
                    <Table.Tr key={w.visitId} data-testid="waiting-row" data-ticket={w.ticket}>
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
                      <Table.Td title={tehranTime(w.registeredAt)}>{minutesSince(w.registeredAt, now)}</Table.Td>
                      <Table.Td>
                        <WaitingMenu entry={w} rights={rights} open={setModal} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder>
              <Title order={4} p="sm">
                {fa.queue.called} ({faDigits(called.length)})
              </Title>
              <Table verticalSpacing="xs" data-testid="called-table">
                <Table.Tbody>
                  {called.map((c) => (
                    <CalledRow key={c.visitId} entry={c}>
                      <CalledMenu entry={c} rights={rights} open={setModal} run={direct.run} />
                    </CalledRow>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <NoShows
              noShows={noShows}
              canRequeue={rights.front}
              onRequeue={(v) => direct.run('requeue', v)}
              pending={direct.pending}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <ActionModals state={modal} onClose={() => setModal(null)} isAdmin={rights.admin} />
    </Stack>
  );
}

function CalledRow({ entry: c, children }: { entry: QueueEntry; children: ReactNode }) {
  return (
    <Table.Tr data-testid="called-row" data-ticket={c.ticket}>
      <Table.Td>
        <Text fw={800}>{faDigits(c.ticket)}</Text>
      </Table.Td>
      <Table.Td>
        {c.clientName}
        <Badge ms="xs" size="xs" variant="light" color={c.status === 'with_official' ? 'teal' : 'blue'}>
          {fa.desk.visitStatuses[c.status]}
        </Badge>
      </Table.Td>
      <Table.Td>{faDigits(c.desk ?? '')}</Table.Td>
      <Table.Td title={fa.queue.calledAt}>{tehranTime(c.calledAt)}</Table.Td>
      <Table.Td w={48}>{children}</Table.Td>
    </Table.Tr>
  );
}
