import { Anchor, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useLocation } from 'wouter';
import type { DailyFollowup, Meeting, Report } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { jalaliDate, todayTehran } from '../../format';
import { fa } from '../../locale/fa';
import { jalaliPeriod, type Period } from './jalaliPeriods';
import { HBars, VBars } from './ReportCharts';
import { faNumber } from './reportMeta';

const d = fa.dashboard;

function Figure({ label, value, color, testId }: { label: string; value: number | undefined; color?: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={800} fz={26} lh={1.2} c={value ? color : 'dimmed'} data-testid="figure-value">
        {value === undefined ? fa.app.none : faNumber(value)}
      </Text>
    </div>
  );
}

/** One of today's open meetings, its queue live (queue.stats is refreshed by the queue's events). */
function LiveMeeting({ meeting }: { meeting: Meeting }) {
  const stats = useCall('queue.stats', { meetingId: meeting.id });
  const [, navigate] = useLocation();
  const s = stats.data;
  return (
    <Paper withBorder p="sm" data-testid="dash-meeting" data-meeting-id={meeting.id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <div>
          <Text fw={700}>{meeting.title}</Text>
          <Text size="xs" c="dimmed">
            {meeting.place}
            {meeting.countyName ? `، ${meeting.countyName}` : ''}
          </Text>
        </div>
        <Anchor size="sm" onClick={() => navigate(`/meetings/${meeting.id}/queue`)}>
          {d.openQueue}
        </Anchor>
      </Group>
      <SimpleGrid cols={4} spacing="xs">
        <Figure label={d.waitingNow} value={s?.waitingNow} color="blue.7" testId="dash-waitingNow" />
        <Figure label={d.atDesks} value={s?.atDesks} color="teal.7" testId="dash-atDesks" />
        <Figure label={d.done} value={s?.done} color="green.8" testId="dash-done" />
        <Figure label={d.noShows} value={s?.noShows} color="orange.8" testId="dash-noShows" />
      </SimpleGrid>
    </Paper>
  );
}

function TodayMeetings() {
  const today = todayTehran();
  const open = useCall('meetings.list', { status: 'open' });
  const meetings = (open.data ?? []).filter((m) => m.date === today);
  return (
    <Stack gap="xs">
      <Title order={4}>{d.today}</Title>
      {!open.data ? (
        <Loader size="sm" />
      ) : meetings.length === 0 ? (
        <Text c="dimmed" data-testid="dash-no-meeting">
          {d.noMeetingToday}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
          {meetings.map((m) => (
            <LiveMeeting key={m.id} meeting={m} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function FollowupTotals({ daily }: { daily: DailyFollowup | undefined }) {
  const [, navigate] = useLocation();
  return (
    <Paper withBorder p="sm" data-testid="dash-followups">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{d.followups}</Title>
        <Anchor size="sm" onClick={() => navigate('/followup/daily')}>
          {d.openWorklist}
        </Anchor>
      </Group>
      <SimpleGrid cols={4} spacing="xs">
        <Figure label={d.open} value={daily?.openTotal} color="blue.7" testId="dash-fu-open" />
        <Figure label={d.dueToday} value={daily?.dueToday} color="violet.7" testId="dash-fu-dueToday" />
        <Figure label={d.overdueCount} value={daily?.overdue} color="red.7" testId="dash-fu-overdue" />
        <Figure label={d.stale} value={daily?.stale} color="orange.8" testId="dash-fu-stale" />
      </SimpleGrid>
    </Paper>
  );
}

type MonthKey = 'visits' | 'requests' | 'answeredOnSpot' | 'deliveredToman';
const MONTH_KEYS: MonthKey[] = ['visits', 'requests', 'answeredOnSpot', 'deliveredToman'];

/** The change from last month to this one: an arrow, the difference and the share, in Persian digits. */
function Change({ now, before }: { now: number; before: number }) {
  const diff = now - before;
  if (diff === 0) return <Badge variant="light" color="gray">{d.noChange}</Badge>;
  const share = before > 0 ? `، ${faNumber(Math.round((Math.abs(diff) / before) * 1000) / 10)}٪` : '';
  return (
    <Badge variant="light" color={diff > 0 ? 'teal' : 'red'} data-testid="change">
      {diff > 0 ? '▲' : '▼'} {faNumber(Math.abs(diff))}
      {share}
    </Badge>
  );
}

function MonthFigure({ k, now, before, labels }: { k: MonthKey; now: Report | undefined; before: Report | undefined; labels: [string, string] }) {
  const a = now?.headline[k];
  const b = before?.headline[k];
  return (
    <Paper withBorder p="sm" data-testid={`dash-month-${k}`}>
      <Text size="sm" c="dimmed" fw={500}>
        {d.figures[k]}
      </Text>
      <Group gap="xs" align="baseline" wrap="nowrap">
        <Text fw={800} fz={26} data-testid="this-month">
          {a === undefined ? fa.app.none : faNumber(a)}
        </Text>
        {a !== undefined && b !== undefined ? <Change now={a} before={b} /> : null}
      </Group>
      <Text size="xs" c="dimmed" data-testid="last-month">
        {labels[1]}: {b === undefined ? fa.app.none : faNumber(b)}
      </Text>
    </Paper>
  );
}

function MonthCompare({ thisMonth, lastMonth }: { thisMonth: Period; lastMonth: Period }) {
  const scope = (p: Period) => ({ meetingId: null, countyId: null, from: p.from, to: p.to });
  const now = useCall('reports.build', scope(thisMonth));
  const before = useCall('reports.build', scope(lastMonth));
  const labels: [string, string] = [thisMonth.label, lastMonth.label];
  const chartData = (['visits', 'requests', 'answeredOnSpot'] as const).map((k) => ({
    label: d.figures[k],
    thisMonth: now.data?.headline[k] ?? 0,
    lastMonth: before.data?.headline[k] ?? 0,
  }));
  return (
    <Paper withBorder p="sm" data-testid="dash-months">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{d.months}</Title>
        <Text size="sm" c="dimmed" data-testid="dash-month-labels">
          {labels[0]} / {labels[1]}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs" mb="sm">
        {MONTH_KEYS.map((k) => (
          <MonthFigure key={k} k={k} now={now.data} before={before.data} labels={labels} />
        ))}
      </SimpleGrid>
      {now.data && before.data ? (
        <VBars
          data={chartData}
          labelKey="label"
          series={[
            { name: 'thisMonth', label: `${d.thisMonth} (${labels[0]})`, color: 'teal.6' },
            { name: 'lastMonth', label: `${d.lastMonth} (${labels[1]})`, color: 'gray.5' },
          ]}
          testId="chart-months"
        />
      ) : (
        <Loader size="sm" />
      )}
    </Paper>
  );
}

function OverdueChart({ title, rows, testId }: { title: string; rows: DailyFollowup['byUnit']; testId: string }) {
  const data = rows.filter((r) => r.open > 0).map((r) => ({ label: r.name, overdue: r.overdue, open: r.open }));
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {title}
      </Title>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {d.noOverdue}
        </Text>
      ) : (
        <HBars
          data={data}
          labelKey="label"
          series={[
            { name: 'overdue', label: d.seriesOverdue, color: 'red.6' },
            { name: 'open', label: d.seriesOpen, color: 'blue.4' },
          ]}
          labelWidth={170}
          testId={testId}
        />
      )}
    </Paper>
  );
}

/** The director's dashboard: today's meetings live, this month against the last, follow-ups and what is overdue where. */
export function DashboardScreen() {
  const today = todayTehran();
  const periods = useMemo(() => ({ thisMonth: jalaliPeriod('thisMonth', today), lastMonth: jalaliPeriod('lastMonth', today) }), [today]);
  const daily = useCall('followups.daily', { date: null });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{d.title}</Title>
        <Text c="dimmed" data-testid="dash-today">
          {jalaliDate(today, true)}
        </Text>
      </Group>
      <TodayMeetings />
      <FollowupTotals daily={daily.data} />
      <MonthCompare thisMonth={periods.thisMonth} lastMonth={periods.lastMonth} />
      <Stack gap="xs">
        <Title order={4}>{d.overdue}</Title>
        {!daily.data ? (
          <Loader size="sm" />
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <OverdueChart title={d.byUnit} rows={daily.data.byUnit} testId="chart-overdue-units" />
            <OverdueChart title={d.byAgency} rows={daily.data.byAgency} testId="chart-overdue-agencies" />
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
