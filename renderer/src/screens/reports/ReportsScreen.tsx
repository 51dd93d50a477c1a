import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { Report } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { notifyError } from '../../components/errors';
import { todayTehran } from '../../format';
import { fa } from '../../locale/fa';
import { printPage } from '../../print/printPage';
import { jalaliPeriod } from './jalaliPeriods';
import { CategoryChart, KindChart, TimeChart } from './ReportCharts';
import { encodeScope, fileDate, headlineFigures, madeAtWords, periodWords, queueFigures, scopeWords, type HeadlineFigure } from './reportMeta';
import { ReportTables } from './ReportTables';
import { ScopePicker, scopeHint, scopeOf, type ScopeChoice } from './ScopePicker';

const t = fa.reports;

function FigureCard({ f, testPrefix }: { f: HeadlineFigure; testPrefix: string }) {
  return (
    <Paper withBorder p="sm" data-testid={`${testPrefix}-${f.key}`}>
      <Text size="xs" c="dimmed" fw={500}>
        {f.label}
      </Text>
      <Text fw={800} fz={24} lh={1.3} data-testid="figure-value">
        {f.value}
        {f.unit ? (
          <Text span fz="sm" fw={500} c="dimmed" ms={6}>
            {f.unit}
          </Text>
        ) : null}
      </Text>
      <Text size="xs" c="dimmed" mih={18}>
        {f.note ?? ''}
      </Text>
    </Paper>
  );
}

function ChartCard({ title, children, span }: { title: string; children: ReactNode; span?: boolean }) {
  return (
    <Paper withBorder p="sm" style={span ? { gridColumn: '1 / -1' } : undefined}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * Puts a text on the clipboard: the Clipboard API where the page may use it (the desktop app,
 * a station on this machine), else the older copy command (a browser desk reaching the station
 * over the network by plain http, where the Clipboard API is not offered).
 */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

function CopySummary({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      size="xs"
      variant={copied ? 'filled' : 'light'}
      onClick={() => void copyText(text).then((ok) => (ok ? setCopied(true) : notifyError(null)))}
      data-testid="copy-summary"
    >
      {copied ? t.copied : t.copy}
    </Button>
  );
}

/** The report's figures, charts, press summary and tables. */
export function ReportBody({ report }: { report: Report }) {
  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" bg="var(--mantine-color-teal-0)">
        <Group gap="xl" wrap="wrap">
          <Text data-testid="report-period">
            <Text span c="dimmed">
              {t.period}:{' '}
            </Text>
            <Text span fw={700}>
              {periodWords(report)}
            </Text>
          </Text>
          <Text data-testid="report-filters">
            <Text span c="dimmed">
              {t.filters}:{' '}
            </Text>
            <Text span fw={700}>
              {scopeWords(report)}
            </Text>
          </Text>
          <Text data-testid="report-made-at">
            <Text span c="dimmed">
              {t.madeAt}:{' '}
            </Text>
            <Text span fw={700}>
              {madeAtWords(report)}
            </Text>
          </Text>
        </Group>
      </Paper>
      {report.headline.visits === 0 ? <Alert color="gray">{t.empty}</Alert> : null}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" data-testid="report-headline">
        {headlineFigures(report).map((f) => (
          <FigureCard key={f.key} f={f} testPrefix="headline" />
        ))}
      </SimpleGrid>
      <div>
        <Title order={5} mb={6}>
          {t.queue.title}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="report-queue">
          {queueFigures(report).map((f) => (
            <FigureCard key={f.key} f={f} testPrefix="queue" />
          ))}
        </SimpleGrid>
      </div>
      <Paper withBorder p="sm" data-testid="report-summary">
        <Group justify="space-between" mb="xs">
          <Title order={5}>{t.summary}</Title>
          <CopySummary text={report.summary} />
        </Group>
        <Text lh={1.9} data-testid="report-summary-text">
          {report.summary}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <ChartCard title={t.charts.byCategory}>
          <CategoryChart table={report.byCategory} />
        </ChartCard>
        <Stack gap="sm">
          <ChartCard title={t.charts.byKind}>
            <KindChart table={report.byKind} />
          </ChartCard>
          <ChartCard title={t.charts.timeWithOfficial}>
            <TimeChart table={report.timeWithOfficial} />
          </ChartCard>
        </Stack>
      </SimpleGrid>
      <ReportTables report={report} />
    </Stack>
  );
}

/** Reports for a meeting, a period, a county or the province, with exports. */
export function ReportsScreen() {
  const [choice, setChoice] = useState<ScopeChoice>(() => {
    const month = jalaliPeriod('thisMonth', todayTehran());
    return { mode: 'province', meetingId: null, countyId: null, from: month.from, to: month.to };
  });
  const scope = scopeOf(choice);
  const hint = scopeHint(choice);
  const report = useCall('reports.build', scope ?? { meetingId: null, from: null, to: null, countyId: null }, {
    enabled: scope !== null,
    placeholderData: keepPreviousData,
  });
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const data = scope ? report.data : undefined;

  const run = async (kind: 'xlsx' | 'pdf', job: () => Promise<void>) => {
    setBusy(kind);
    try {
      await job();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  const toXlsx = (r: Report) =>
    run('xlsx', async () => {
      const { exportXlsx } = await import('./exportXlsx');
      await exportXlsx(r);
    });
  const toPdf = (r: Report) =>
    run('pdf', () => printPage(`/print/report/${encodeScope(r.scope)}`, { fileName: `didar-report-${fileDate(r.generatedAt)}.pdf` }));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={2}>{t.title}</Title>
        <Group gap="xs">
          <Button variant="light" disabled={!data} loading={busy === 'xlsx'} onClick={() => data && void toXlsx(data)} data-testid="export-xlsx">
            {t.exportXlsx}
          </Button>
          <Button variant="light" disabled={!data} loading={busy === 'pdf'} onClick={() => data && void toPdf(data)} data-testid="export-pdf">
            {t.exportPdf}
          </Button>
        </Group>
      </Group>
      <ScopePicker value={choice} onChange={setChoice} />
      {hint ? (
        <Alert color="blue" data-testid="report-hint">
          {hint}
        </Alert>
      ) : report.error ? (
        <Alert color="red">{report.error.message}</Alert>
      ) : !data ? (
        <Loader />
      ) : (
        <div style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }} data-testid="report" data-stale={report.isPlaceholderData ? 'true' : 'false'}>
          <ReportBody report={data} />
        </div>
      )}
    </Stack>
  );
}
