import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useAction, useCall } from '../../api/hooks';
import { downloadBlob } from '../../components/download';
import { notifyError } from '../../components/errors';
import { fa as faDigits, jalaliDate, todayTehran } from '../../format';
import { fa, fill } from '../../locale/fa';

/** A site's export: pick the meetings (today's by default), name the site, download the file. */
export function ExportPanel() {
  const meetings = useCall('meetings.list', {});
  const exportSite = useAction('sync.export');
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [siteName, setSiteName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const today = todayTehran();
  const list = meetings.data ?? [];

  // Until the person picks, today's meetings are chosen.
  const chosen = picked ?? new Set(list.filter((m) => m.date === today).map((m) => m.id));
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };

  const run = () => {
    exportSite.mutate(
      { meetingIds: [...chosen], siteName },
      {
        onSuccess: (file) => {
          downloadBlob(new Blob([file.content], { type: 'application/json' }), file.fileName);
          setDone(
            fill(fa.sync.exported, {
              file: file.fileName,
              visits: faDigits(String(file.counts.visits ?? 0)),
              requests: faDigits(String(file.counts.requests ?? 0)),
              instructions: faDigits(String(file.counts.instructions ?? 0)),
            }),
          );
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Stack maw={1000}>
      <Text size="sm">{fa.sync.exportHint}</Text>
      <TextInput label={fa.sync.siteName} description={fa.sync.siteNameHint} value={siteName} onChange={(e) => setSiteName(e.currentTarget.value)} maw={480} data-testid="sync-site-name" />
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => setPicked(new Set(list.map((m) => m.id)))}>
          {fa.sync.selectAll}
        </Button>
        <Button variant="default" size="xs" onClick={() => setPicked(new Set(list.filter((m) => m.date === today).map((m) => m.id)))}>
          {fa.sync.selectToday}
        </Button>
      </Group>
      <Paper withBorder>
        {list.length === 0 ? (
          <Text p="lg" c="dimmed">
            {fa.sync.noMeetings}
          </Text>
        ) : (
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{fa.sync.pick}</Table.Th>
                <Table.Th>{fa.sync.meeting}</Table.Th>
                <Table.Th>{fa.sync.date}</Table.Th>
                <Table.Th>{fa.sync.place}</Table.Th>
                <Table.Th>{fa.sync.status}</Table.Th>
                <Table.Th>{fa.sync.visits}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((m) => (
                <Table.Tr key={m.id} data-testid="sync-meeting-row">
                  <Table.Td>
                    <Checkbox checked={chosen.has(m.id)} onChange={() => toggle(m.id)} aria-label={m.title} />
                  </Table.Td>
                  <Table.Td>{m.title}</Table.Td>
                  <Table.Td>{jalaliDate(m.date)}</Table.Td>
                  <Table.Td>{m.place}</Table.Td>
                  <Table.Td>{fa.meetings.statuses[m.status]}</Table.Td>
                  <Table.Td>{faDigits(String(m.visits))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Group>
        <Button onClick={run} disabled={chosen.size === 0} loading={exportSite.isPending} data-testid="sync-export">
          {fill(fa.sync.exportButton, { n: faDigits(String(chosen.size)) })}
        </Button>
      </Group>
      {done && (
        <Alert color="green" data-testid="sync-exported">
          {done}
        </Alert>
      )}
    </Stack>
  );
}
