import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { Report, ReportTable } from '../../../../electron/core/contract';
import { fa } from '../../locale/fa';
import { faNumber, reportTables, totalLabel, type TableMeta } from './reportMeta';

/** One table of a report on screen: the host's rows and Persian column names, and its totals row. */
export function ReportTableView({ meta, table }: { meta: TableMeta; table: ReportTable }) {
  return (
    <Paper withBorder p="sm" data-testid={`report-table-${meta.key}`}>
      <Title order={4} mb="xs">
        {meta.title}
      </Title>
      {table.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {fa.reports.noRows}
        </Text>
      ) : (
        <Table striped withTableBorder withColumnBorders fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{meta.first}</Table.Th>
              {table.columns.map((c) => (
                <Table.Th key={c} ta="center">
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r) => (
              <Table.Tr key={r.key} data-testid="report-row" data-key={r.key}>
                <Table.Td fw={500}>{r.label}</Table.Td>
                {r.values.map((v, c) => (
                  <Table.Td key={c} ta="center" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {faNumber(v)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="report-total" bg="var(--mantine-color-gray-1)">
              <Table.Th>{totalLabel(meta)}</Table.Th>
              {table.totals.map((v, c) => (
                <Table.Th key={c} ta="center">
                  {faNumber(v)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      )}
      {meta.note ? (
        <Text size="xs" c="dimmed" mt={6}>
          {meta.note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** Every table of a report, two to a row. */
export function ReportTables({ report }: { report: Report }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      {reportTables(report).map(({ meta, table }) => (
        <ReportTableView key={meta.key} meta={meta} table={table} />
      ))}
    </SimpleGrid>
  );
}

/** One table of a report on paper (plain HTML, styled by report.css). */
export function PrintReportTable({ meta, table }: { meta: TableMeta; table: ReportTable }) {
  return (
    <section className="report-block" data-testid={`print-table-${meta.key}`}>
      <h2>{meta.title}</h2>
      {table.rows.length === 0 ? (
        <p className="report-none">{fa.reports.noRows}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th className="report-label">{meta.first}</th>
              {table.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.key}>
                <td className="report-label">{r.label}</td>
                {r.values.map((v, c) => (
                  <td key={c}>{faNumber(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th className="report-label">{totalLabel(meta)}</th>
              {table.totals.map((v, c) => (
                <th key={c}>{faNumber(v)}</th>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
      {meta.note ? <p className="report-note">{meta.note}</p> : null}
    </section>
  );
}
