import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { QueueEntry } from '../../../../electron/core/contract';
import { useCall } from '../../api/hooks';
import { fa as faDigits } from '../../format';
import { fa, fill } from '../../locale/fa';

const minutesFormat = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 });

function minutes(value: number | null): string {
  return value === null ? fa.app.none : minutesFormat.format(value);
}

/**
 * The longest wait: the host's figure (waits that ended at a call, and those still waiting as
 * of its answer), raised by the clock for visitors still waiting, so it grows minute by minute
 * between events without asking the host again.
 */
export function longestWait(hostFigure: number | null, waiting: readonly QueueEntry[], now: number): number | null {
  const live = waiting.map((w) => Math.max(0, (now - Date.parse(w.registeredAt)) / 60000));
  const all = [...(hostFigure === null ? [] : [hostFigure]), ...live];
  return all.length ? Math.floor(Math.max(...all) * 10) / 10 : null;
}

interface Card {
  key: string;
  label: string;
  value: string;
  unit: string;
  note?: string;
  color?: string;
}

/** The meeting's queue figures, live: refreshed by the queue's events and by the screen's minute tick. */
export function StatsStrip({ meetingId, waiting, now }: { meetingId: string; waiting: readonly QueueEntry[]; now: number }) {
  const stats = useCall('queue.stats', { meetingId });
  const s = stats.data;
  const cards: Card[] = [
    {
      key: 'waitingNow',
      label: fa.queue.stats.waitingNow,
      value: s ? faDigits(s.waitingNow) : fa.app.none,
      unit: fa.queue.stats.people,
      note: s ? fill(fa.queue.stats.atDesks, { n: faDigits(s.atDesks) }) : undefined,
    },
    { key: 'averageWait', label: fa.queue.stats.averageWait, value: minutes(s?.averageWaitMinutes ?? null), unit: fa.queue.stats.minutes },
    {
      key: 'longestWait',
      label: fa.queue.stats.longestWait,
      value: minutes(s ? longestWait(s.longestWaitMinutes, waiting, now) : null),
      unit: fa.queue.stats.minutes,
    },
    {
      key: 'averageWithOfficial',
      label: fa.queue.stats.averageWithOfficial,
      value: minutes(s?.averageWithOfficialMinutes ?? null),
      unit: fa.queue.stats.minutes,
    },
    {
      key: 'done',
      label: fa.queue.stats.done,
      value: s ? faDigits(s.done) : fa.app.none,
      unit: fa.queue.stats.people,
      note: s && s.cancelled > 0 ? fill(fa.queue.stats.cancelled, { n: faDigits(s.cancelled) }) : undefined,
    },
    {
      key: 'noShows',
      label: fa.queue.stats.noShows,
      value: s ? faDigits(s.noShows) : fa.app.none,
      unit: fa.queue.stats.people,
      color: s && s.noShows > 0 ? 'orange.8' : undefined,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="queue-stats">
      {cards.map((c) => (
        <Paper key={c.key} withBorder p="sm" data-testid={`stat-${c.key}`}>
          <Text size="xs" c="dimmed" fw={500}>
            {c.label}
          </Text>
          <Text fw={800} fz={26} lh={1.2} c={c.color} data-testid="stat-value">
            {c.value}
            {c.value !== fa.app.none && (
              <Text span fz="sm" fw={500} c="dimmed" ms={6}>
                {c.unit}
              </Text>
            )}
          </Text>
          <Text size="xs" c="dimmed" mih={18}>
            {c.note ?? ''}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
