import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { Actor, Meeting, MeetingStatus } from '../../../electron/core/contract';
import { useAction, useCall } from '../api/hooks';
import { notifyError } from '../components/errors';
import { fa as faDigits, jalaliDate } from '../format';
import { fa, fill } from '../locale/fa';
import { MeetingForm } from './MeetingForm';
import { MeetingAgenciesModal } from './fieldDesk/MeetingAgenciesModal';

const STATUS_COLOR: Record<MeetingStatus, string> = { planned: 'gray', open: 'green', closed: 'dark' };

/** The meetings: list, create, open, close, and the way into a meeting's intake and queue. */
export function Meetings({ me }: { me: Actor }) {
  const meetings = useCall('meetings.list', {});
  const open = useAction('meetings.open');
  const close = useAction('meetings.close');
  const [creating, setCreating] = useState(false);
  const [seating, setSeating] = useState<Meeting | null>(null);
  const [, navigate] = useLocation();
  const canManage = me.role !== 'followup';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{fa.meetings.title}</Title>
        {canManage && <Button onClick={() => setCreating(true)}>{fa.meetings.create}</Button>}
      </Group>
      <Modal opened={creating} onClose={() => setCreating(false)} title={fa.meetings.createTitle} size="lg">
        <MeetingForm
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
          }}
        />
      </Modal>
      {seating && <MeetingAgenciesModal meeting={seating} onClose={() => setSeating(null)} />}
      <Paper withBorder>
        {meetings.data && meetings.data.length === 0 ? (
          <Text p="lg" c="dimmed">
            {fa.meetings.empty}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{fa.meetings.titleField}</Table.Th>
                <Table.Th>{fa.meetings.date}</Table.Th>
                <Table.Th>{fa.meetings.place}</Table.Th>
                <Table.Th>{fa.meetings.county}</Table.Th>
                <Table.Th>{fa.meetings.status}</Table.Th>
                <Table.Th>{fa.meetings.waiting}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data?.map((m) => (
                <Table.Tr key={m.id} data-testid="meeting-row">
                  <Table.Td>
                    <Text fw={600}>{m.title}</Text>
                    <Text size="xs" c="dimmed">
                      {fa.meetings.kinds[m.kind]}
                      {m.presiding ? ` · ${m.presiding}` : ''}
                    </Text>
                    {m.agencyIds.length > 0 && (
                      <Badge size="xs" variant="light" color="grape" mt={4}>
                        {fill(fa.meetings.agenciesAtTable, { n: faDigits(m.agencyIds.length) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{jalaliDate(m.date, true)}</Table.Td>
                  <Table.Td>{m.place}</Table.Td>
                  <Table.Td>{m.countyName ?? fa.app.none}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[m.status]} variant="light">
                      {fa.meetings.statuses[m.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {faDigits(m.waiting)} / {faDigits(m.visits)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {canManage && m.status === 'planned' && (
                        <Button size="xs" variant="light" onClick={() => open.mutate({ id: m.id }, { onError: notifyError })}>
                          {fa.meetings.open}
                        </Button>
                      )}
                      {m.status === 'open' && (me.role === 'admin' || me.role === 'operator') && (
                        <Button size="xs" onClick={() => navigate(`/meetings/${m.id}/intake`)}>
                          {fa.meetings.intake}
                        </Button>
                      )}
                      {m.status === 'open' && (me.role === 'admin' || me.role === 'official') && (
                        <Button size="xs" color="indigo" onClick={() => navigate(`/meetings/${m.id}/desk`)}>
                          {fa.nav.desk}
                        </Button>
                      )}
                      {m.status !== 'planned' && (
                        <Button size="xs" variant="light" onClick={() => navigate(`/meetings/${m.id}/queue`)}>
                          {fa.meetings.queue}
                        </Button>
                      )}
                      {canManage && m.status !== 'closed' && (
                        <Button size="xs" variant="subtle" color="grape" onClick={() => setSeating(m)}>
                          {fa.meetings.agencies}
                        </Button>
                      )}
                      {canManage && m.status === 'open' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (window.confirm(fa.meetings.closeConfirm)) close.mutate({ id: m.id }, { onError: notifyError });
                          }}
                        >
                          {fa.meetings.close}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
