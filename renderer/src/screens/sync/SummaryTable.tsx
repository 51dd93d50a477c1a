import { Table } from '@mantine/core';
import type { SyncSummary } from '../../../../electron/core/contract/sync';
import { fa as faDigits } from '../../format';
import { fa } from '../../locale/fa';

const n = (v: number) => faDigits(String(v));

/** How a file came in, table by table: new, already here, held differently. */
export function SummaryTable({ summary }: { summary: SyncSummary }) {
  return (
    <Table withTableBorder striped verticalSpacing={4} data-testid="sync-summary">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{fa.sync.table}</Table.Th>
          <Table.Th>{fa.sync.new}</Table.Th>
          <Table.Th>{fa.sync.present}</Table.Th>
          <Table.Th>{fa.sync.conflicts}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {summary.tables.map((t) => (
          <Table.Tr key={t.table} data-testid={`sync-summary-${t.table}`}>
            <Table.Td>{fa.sync.entities[t.table] ?? t.table}</Table.Td>
            <Table.Td>{n(t.new)}</Table.Td>
            <Table.Td>{n(t.present)}</Table.Td>
            <Table.Td c={t.conflicts > 0 ? 'orange' : undefined}>{n(t.conflicts)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{fa.sync.total}</Table.Th>
          <Table.Th>{n(summary.newTotal)}</Table.Th>
          <Table.Th>{n(summary.presentTotal)}</Table.Th>
          <Table.Th>{n(summary.conflictTotal)}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
