import { Button, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { ReportScope } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { JalaliDateInput } from '../../components/JalaliDateInput';
import { jalaliDate, todayTehran } from '../../format';
import { fa } from '../../locale/fa';
import { jalaliPeriod, type PeriodKind } from './jalaliPeriods';

export type ScopeMode = 'province' | 'county' | 'meeting';

/** What the user has picked: where (the province, a county, one meeting) and when (a period of meeting dates). */
export interface ScopeChoice {
  mode: ScopeMode;
  meetingId: string | null;
  countyId: string | null;
  from: string | null;
  to: string | null;
}

const t = fa.reports;

/** The host's scope for a choice, or null while the choice is not complete (a meeting or county not picked, a range backwards). */
export function scopeOf(c: ScopeChoice): ReportScope | null {
  if (c.mode === 'meeting') return c.meetingId ? { meetingId: c.meetingId, from: null, to: null, countyId: null } : null;
  if (c.from && c.to && c.from > c.to) return null;
  if (c.mode === 'county') return c.countyId ? { meetingId: null, from: c.from, to: c.to, countyId: c.countyId } : null;
  return { meetingId: null, from: c.from, to: c.to, countyId: null };
}

/** Why a choice gives no report yet (shown in place of the report), or null. */
export function scopeHint(c: ScopeChoice): string | null {
  if (c.mode === 'meeting' && !c.meetingId) return t.pickMeeting;
  if (c.mode === 'county' && !c.countyId) return t.pickCounty;
  if (c.mode !== 'meeting' && c.from && c.to && c.from > c.to) return t.badRange;
  return null;
}

const QUICK: { kind: PeriodKind; label: string }[] = [
  { kind: 'thisMonth', label: t.thisMonth },
  { kind: 'lastMonth', label: t.lastMonth },
  { kind: 'thisYear', label: t.thisYear },
];

/** Picks a report's scope: the whole province, a county or one meeting; and a Jalali period with quick buttons. */
export function ScopePicker({ value, onChange }: { value: ScopeChoice; onChange(next: ScopeChoice): void }) {
  const meetings = useCall('meetings.list', {});
  const lists = useCall('lists.all', {});
  const set = (patch: Partial<ScopeChoice>) => onChange({ ...value, ...patch });
  const quick = (kind: PeriodKind) => {
    const p = jalaliPeriod(kind, todayTehran());
    set({ from: p.from, to: p.to });
  };
  const isQuick = (kind: PeriodKind) => {
    const p = jalaliPeriod(kind, todayTehran());
    return value.from === p.from && value.to === p.to;
  };
  return (
    <Paper withBorder p="sm" data-testid="report-scope-picker">
      <Stack gap="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t.scope}
            </Text>
            <SegmentedControl
              value={value.mode}
              onChange={(v) => set({ mode: v as ScopeMode })}
              data={(['province', 'county', 'meeting'] as const).map((m) => ({ value: m, label: t.scopes[m] }))}
              data-testid="report-mode"
            />
          </div>
          {value.mode === 'meeting' ? (
            <Select
              label={t.meeting}
              placeholder={t.meetingPlaceholder}
              searchable
              w={380}
              value={value.meetingId}
              onChange={(v) => set({ meetingId: v })}
              data={(meetings.data ?? []).map((m) => ({ value: m.id, label: `${m.title} — ${jalaliDate(m.date)}` }))}
              nothingFoundMessage={fa.app.none}
              data-testid="report-meeting"
            />
          ) : null}
          {value.mode === 'county' ? (
            <Select
              label={t.county}
              placeholder={t.countyPlaceholder}
              searchable
              w={220}
              value={value.countyId}
              onChange={(v) => set({ countyId: v })}
              data={(lists.data?.counties ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="report-county"
            />
          ) : null}
        </Group>
        {value.mode !== 'meeting' ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <div style={{ width: 170 }}>
              <JalaliDateInput label={t.from} value={value.from} onChange={(from) => set({ from })} name="reportFrom" />
            </div>
            <div style={{ width: 170 }}>
              <JalaliDateInput
                label={t.to}
                value={value.to}
                onChange={(to) => set({ to })}
                name="reportTo"
                error={value.from && value.to && value.from > value.to ? t.badRange : undefined}
              />
            </div>
            <Group gap={6}>
              {QUICK.map((q) => (
                <Button key={q.kind} variant={isQuick(q.kind) ? 'filled' : 'light'} size="sm" onClick={() => quick(q.kind)}>
                  {q.label}
                </Button>
              ))}
              <Button variant={!value.from && !value.to ? 'filled' : 'light'} color="gray" size="sm" onClick={() => set({ from: null, to: null })}>
                {t.allTime}
              </Button>
            </Group>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
