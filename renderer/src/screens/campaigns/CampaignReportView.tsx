import { Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CampaignCounts, CampaignReport } from '../../../../electron/core/contract/campaigns';
import { useCall } from '../../api/hooks';
import { jalaliDate } from '../../format';
import { fa, fill, keysOf } from '../../locale/fa';
import { n } from './labels';

type Measure = keyof CampaignCounts;

interface Column {
  key: string;
  label: string;
}

/** A day × column table of one measure, with a total column and a total row (each a sum of the cells). */
function DayTable({
  testId,
  columns,
  report,
  cell,
  columnTotal,
  measure,
}: {
  testId: string;
  columns: Column[];
  report: CampaignReport;
  cell(day: string, key: string): CampaignCounts | undefined;
  columnTotal(key: string): CampaignCounts | undefined;
  measure: Measure;
}) {
  const v = (c: CampaignCounts | undefined) => n(c?.[measure] ?? 0);
  return (
    <Table withTableBorder withColumnBorders striped verticalSpacing={4} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{fa.campaigns.report.day}</Table.Th>
          {columns.map((c) => (
            <Table.Th key={c.key} ta="center">
              {c.label}
            </Table.Th>
          ))}
          <Table.Th ta="center">{fa.campaigns.report.total}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.dayTotals.map((d) => (
          <Table.Tr key={d.day} data-day={d.day}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{jalaliDate(d.day, true)}</Table.Td>
            {columns.map((c) => (
              <Table.Td key={c.key} ta="center" data-col={c.key}>
                {v(cell(d.day, c.key))}
              </Table.Td>
            ))}
            <Table.Td ta="center" fw={700} data-col="total">
              {v(d)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr data-day="total" style={{ fontWeight: 700 }}>
          <Table.Th>{fa.campaigns.report.total}</Table.Th>
          {columns.map((c) => (
            <Table.Th key={c.key} ta="center" data-col={c.key}>
              {v(columnTotal(c.key))}
            </Table.Th>
          ))}
          <Table.Th ta="center" data-col="total" data-testid={`${testId}-total`}>
            {v(report.total)}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

/** The campaign's counts per day × county and per day × caller kind, one measure at a time, with totals. */
export function CampaignReportView({ campaignId }: { campaignId: string }) {
  const report = useCall('campaigns.report', { campaignId });
  const [measure, setMeasure] = useState<Measure>('calls');
  const r = report.data;
  if (!r) return <Loader />;
  const t = r.total;
  return (
    <Stack gap="sm">
      <Text fw={600} data-testid="report-total">
        {fill(fa.campaigns.report.totalLine, { calls: n(t.calls), reached: n(t.reached), notReached: n(t.notReached), callBack: n(t.callBack), requests: n(t.requests) })}
      </Text>
      {r.days.length === 0 ? (
        <Text c="dimmed">{fa.campaigns.report.empty}</Text>
      ) : (
        <>
          <SegmentedControl
            value={measure}
            onChange={(v) => setMeasure(v as Measure)}
            data={keysOf(fa.campaigns.report.measures).map((k) => ({ value: k, label: fa.campaigns.report.measures[k] }))}
            data-testid="report-measure"
            style={{ alignSelf: 'flex-start' }}
          />
          <Paper withBorder p="sm" style={{ overflowX: 'auto' }}>
            <Title order={5} mb="xs">
              {fa.campaigns.report.byCounty}
            </Title>
            <DayTable
              testId="report-county"
              report={r}
              measure={measure}
              columns={r.counties.map((c) => ({ key: c.id, label: c.name }))}
              cell={(day, key) => r.byCounty.find((x) => x.day === day && x.countyId === key)}
              columnTotal={(key) => r.countyTotals.find((x) => x.countyId === key)}
            />
          </Paper>
          <Paper withBorder p="sm" style={{ overflowX: 'auto' }}>
            <Title order={5} mb="xs">
              {fa.campaigns.report.byKind}
            </Title>
            <DayTable
              testId="report-kind"
              report={r}
              measure={measure}
              columns={r.kinds.map((k) => ({ key: k, label: fa.campaigns.kinds[k] }))}
              cell={(day, key) => r.byKind.find((x) => x.day === day && x.kind === key)}
              columnTotal={(key) => r.kindTotals.find((x) => x.kind === key)}
            />
          </Paper>
          <Paper withBorder p="sm">
            <Title order={5} mb="xs">
              {fa.campaigns.report.byCaller}
            </Title>
            <Table withTableBorder withColumnBorders verticalSpacing={4} data-testid="report-caller">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{fa.campaigns.report.caller}</Table.Th>
                  <Table.Th>{fa.campaigns.report.kind}</Table.Th>
                  {keysOf(fa.campaigns.report.measures).map((k) => (
                    <Table.Th key={k} ta="center">
                      {fa.campaigns.report.measures[k]}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.byCaller.map((c) => (
                  <Table.Tr key={`${c.userId}-${c.kind}`}>
                    <Table.Td>{c.displayName}</Table.Td>
                    <Table.Td>{fa.campaigns.kinds[c.kind]}</Table.Td>
                    {keysOf(fa.campaigns.report.measures).map((k) => (
                      <Table.Td key={k} ta="center">
                        {n(c[k])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  );
}
