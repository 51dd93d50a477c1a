import { BarChart, DonutChart, type BarChartSeries } from '@mantine/charts';
import { Group, Stack, Text, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import type { ReportTable } from '../../../../electron/core/contract';
import { fa } from '../../locale/fa';
import { faNumber } from './reportMeta';

/**
 * A fixed size for a chart on paper. On screen the charts fill their box (recharts measures it);
 * a print page has no time to measure, so there each chart gets its size here: an outer
 * ResponsiveContainer with numbers, which the chart's own container takes as given.
 */
export interface FixedSize {
  width: number;
  height: number;
}

function Sized({ fixed, children }: { fixed: FixedSize | undefined; children: ReactNode }) {
  if (!fixed) return <>{children}</>;
  return (
    <div style={{ width: fixed.width, height: fixed.height }}>
      <ResponsiveContainer width={fixed.width} height={fixed.height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

const tooltipStyles = { tooltip: { direction: 'rtl' as const } };
const tick = (side: 'left' | 'right') => ({ transform: `translate(${side === 'right' ? 6 : -6}, 0)`, fontSize: 12, fill: 'currentColor' });

export interface BarsProps {
  data: Record<string, string | number>[];
  /** The key of each row's Persian label. */
  labelKey: string;
  series: BarChartSeries[];
  fixed?: FixedSize | undefined;
  /** Width of the labels' axis (horizontal bars). */
  labelWidth?: number;
  testId?: string;
}

/**
 * Horizontal bars for right-to-left reading: the labels on the right, the bars growing to the
 * left, every figure in Persian digits.
 */
export function HBars({ data, labelKey, series, fixed, labelWidth = 150, testId }: BarsProps) {
  const height = fixed?.height ?? Math.max(140, 50 + data.length * (series.length * 14 + 16));
  // Whole numbers on the axis, no more ticks than there are values (a count of 1 is not drawn out to 4).
  const max = Math.max(1, ...data.flatMap((row) => series.map((x) => Number(row[x.name] ?? 0))));
  return (
    <div data-testid={testId}>
      <Sized fixed={fixed}>
        <BarChart
          h={height}
          w={fixed?.width ?? '100%'}
          data={data}
          dataKey={labelKey}
          series={series}
          orientation="vertical"
          withLegend={series.length > 1}
          legendProps={{ verticalAlign: 'top', height: 34 }}
          gridAxis="y"
          textColor="dark.6"
          valueFormatter={faNumber}
          withBarValueLabel
          valueLabelProps={{ position: 'right', fontSize: 11, fill: 'var(--mantine-color-dark-6)' }}
          xAxisProps={{ reversed: true, allowDecimals: false, tickCount: Math.min(5, max + 1), tick: { fontSize: 11, fill: 'currentColor' } }}
          yAxisProps={{ orientation: 'right', width: labelWidth, tick: tick('right'), interval: 0 }}
          barChartProps={{ margin: { top: 4, left: 28, right: 8, bottom: 4 } }}
          maxBarWidth={16}
          styles={tooltipStyles}
        />
      </Sized>
    </div>
  );
}

/** Vertical bars (a histogram or a comparison), the first group on the right. */
export function VBars({ data, labelKey, series, fixed, testId, unitLabel }: BarsProps & { unitLabel?: string }) {
  const height = fixed?.height ?? 260;
  return (
    <div data-testid={testId}>
      <Sized fixed={fixed}>
        <BarChart
          h={height}
          w={fixed?.width ?? '100%'}
          data={data}
          dataKey={labelKey}
          series={series}
          withLegend={series.length > 1}
          legendProps={{ verticalAlign: 'top', height: 34 }}
          gridAxis="x"
          textColor="dark.6"
          valueFormatter={faNumber}
          withBarValueLabel
          valueLabelProps={{ fontSize: 11, fill: 'var(--mantine-color-dark-6)' }}
          xAxisProps={{ reversed: true, interval: 0, tick: { transform: 'translate(0, 8)', fontSize: 11, fill: 'currentColor' } }}
          yAxisProps={{ orientation: 'right', width: 48, tick: tick('right'), allowDecimals: false }}
          xAxisLabel={unitLabel}
          barChartProps={{ margin: { top: 16, left: 8, right: 4, bottom: unitLabel ? 30 : 8 } }}
          maxBarWidth={34}
          styles={tooltipStyles}
        />
      </Sized>
    </div>
  );
}

const CATEGORY_COLORS: MantineColor[] = ['blue.6', 'teal.6', 'green.7'];

/** Requests, instructions and answers on the spot by category (horizontal bars). */
export function CategoryChart({ table, fixed }: { table: ReportTable; fixed?: FixedSize }) {
  const data = table.rows.map((r) => ({ label: r.label, ...Object.fromEntries(r.values.map((v, c) => [`c${c}`, v])) }));
  const series = table.columns.map((name, c) => ({ name: `c${c}`, label: name, color: CATEGORY_COLORS[c] ?? 'gray.6' }));
  if (data.length === 0) return <NoData />;
  return <HBars data={data} labelKey="label" series={series} fixed={fixed} testId="chart-byCategory" />;
}

const KIND_COLORS: Record<string, MantineColor> = { answered: 'green.6', unit: 'blue.6', agency: 'violet.6', not_possible: 'red.6', review: 'orange.6' };

/** Instructions by kind: a donut with its legend (label, count) beside it. */
export function KindChart({ table, fixed }: { table: ReportTable; fixed?: FixedSize }) {
  const cells = table.rows.map((r) => ({ name: r.label, value: r.values[0] ?? 0, color: KIND_COLORS[r.key] ?? 'gray.6', key: r.key }));
  const total = table.totals[0] ?? 0;
  if (total === 0) return <NoData />;
  const size = fixed ? Math.min(fixed.height, 170) : 170;
  const fz = fixed ? 'xs' : 'sm';
  return (
    <Group gap={fixed ? 'sm' : 'lg'} wrap="nowrap" align="center" data-testid="chart-byKind">
      <Sized fixed={fixed ? { width: size, height: size } : undefined}>
        <DonutChart
          data={cells.filter((c) => c.value > 0)}
          size={size}
          thickness={28}
          chartLabel={faNumber(total)}
          valueFormatter={faNumber}
          withTooltip={!fixed}
          tooltipDataSource="segment"
          styles={{ ...tooltipStyles, label: { fontSize: 20, fontWeight: 800 } }}
        />
      </Sized>
      <Stack gap={4}>
        {cells.map((c) => (
          <Group key={c.key} gap={8} wrap="nowrap">
            <span style={{ width: 12, height: 12, borderRadius: 3, background: `var(--mantine-color-${c.color.replace('.', '-')})`, flex: 'none' }} />
            <Text size={fz} style={{ whiteSpace: 'nowrap' }}>
              {c.name}
            </Text>
            <Text size={fz} fw={700}>
              {faNumber(c.value)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}

/**
 * A band of minutes on a chart's axis, by its first minute («۰», «۳» … «۳۰+»), as a histogram
 * is read; the table beside it has the host's full names («۳ تا ۶ دقیقه»). Rows are keyed by the
 * band's first minute.
 */
function bandTick(rows: ReportTable['rows'], k: number): string {
  const from = Number(rows[k]!.key);
  if (!Number.isFinite(from)) return rows[k]!.label;
  return k === rows.length - 1 ? `${faNumber(from)}+` : faNumber(from);
}

/** Visits by minutes with the official, in 3-minute bands (vertical bars). */
export function TimeChart({ table, fixed }: { table: ReportTable; fixed?: FixedSize }) {
  if ((table.totals[0] ?? 0) === 0) return <NoData />;
  const data = table.rows.map((r, k) => ({ label: bandTick(table.rows, k), visits: r.values[0] ?? 0 }));
  return (
    <VBars
      data={data}
      labelKey="label"
      series={[{ name: 'visits', label: table.columns[0] ?? fa.reports.charts.visits, color: 'teal.6' }]}
      fixed={fixed}
      unitLabel={fa.reports.charts.bandAxis}
      testId="chart-timeWithOfficial"
    />
  );
}

function NoData() {
  return (
    <Text c="dimmed" size="sm">
      {fa.reports.noRows}
    </Text>
  );
}
