import { Button, Paper, Table, Text, Title } from '@mantine/core';
import type { QueueEntry } from '../../../../electron/core/contract';
import { fa as faDigits, tehranTime } from '../../format';
import { fa } from '../../locale/fa';

/** The visitors marked "no-show": one who comes back is put at the end of the line again. */
export function NoShows({
  noShows,
  canRequeue,
  onRequeue,
  pending,
}: {
  noShows: QueueEntry[];
  canRequeue: boolean;
  onRequeue: (entry: QueueEntry) => void;
  pending: boolean;
}) {
  return (
    <Paper withBorder data-testid="no-shows">
      <Title order={4} p="sm">
        {fa.queue.noShows} ({faDigits(noShows.length)})
      </Title>
      {noShows.length === 0 ? (
        <Text p="sm" pt={0} c="dimmed" size="sm">
          {fa.queue.noShowsEmpty}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Tbody>
            {noShows.map((v) => (
              <Table.Tr key={v.visitId} data-testid="noshow-row">
                <Table.Td>
                  <Text fw={800}>{faDigits(v.ticket)}</Text>
                </Table.Td>
                <Table.Td>{v.clientName}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {faDigits(v.desk ?? '')} {tehranTime(v.calledAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canRequeue && (
                    <Button size="compact-sm" variant="light" onClick={() => onRequeue(v)} loading={pending}>
                      {fa.queue.requeue}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
