import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { BackupEntry } from '../../../../electron/core/contract/backup';
import { jalaliDateOf, jalaliDateTime, tehranTime } from '../../format';
import { fa, fill } from '../../locale/fa';
import { reasonLabel, sizeLabel } from './labels';

const t = fa.backup;
const CHECK_COLOR = { ok: 'teal', failed: 'red', unchecked: 'gray' } as const;

/** The backups in the folder, newest first: when, why, how big, whether the check passed; each can be restored. */
export function BackupTable({ backups, busy, onRestore }: { backups: BackupEntry[]; busy: boolean; onRestore(entry: BackupEntry): void }) {
  return (
    <Paper withBorder>
      <Title order={4} p="sm">
        {t.listTitle}
      </Title>
      {backups.length === 0 ? (
        <Text p="lg" c="dimmed">
          {t.none}
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="backup-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.at}</Table.Th>
              <Table.Th>{t.reason}</Table.Th>
              <Table.Th>{t.size}</Table.Th>
              <Table.Th>{t.check}</Table.Th>
              <Table.Th>{t.file}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.name} data-testid="backup-row" data-name={b.name}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {jalaliDateOf(b.at)}، {tehranTime(b.at)}
                </Table.Td>
                <Table.Td>{reasonLabel(b.reason)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{sizeLabel(b.size)}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge variant="light" color={CHECK_COLOR[b.check.state]} title={b.check.at ? fill(t.checkedAt, { time: jalaliDateTime(b.check.at) }) : undefined}>
                      {t.checkStates[b.check.state]}
                    </Badge>
                    {b.check.message && (
                      <Text size="xs" c="red">
                        {b.check.message}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td dir="ltr">
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {b.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="orange"
                    disabled={busy}
                    onClick={() => onRestore(b)}
                    aria-label={fill(t.restoreLabel, { time: `${jalaliDateOf(b.at)} ${tehranTime(b.at)}` })}
                  >
                    {t.restore}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
