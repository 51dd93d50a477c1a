import { describe, expect, it } from 'vitest';
import { jalaliMonths } from './jalaliMonths';

describe('Jalali months', () => {
  const months = jalaliMonths(2020, 2030);

  it('know the calendar: Nowruz, the 31-day first half and the leap Esfand', () => {
    expect(months.find((m) => m.month === '1404-01')).toEqual({ month: '1404-01', firstDay: '2025-03-21', lastDay: '2025-04-20' });
    expect(months.find((m) => m.month === '1404-08')).toEqual({ month: '1404-08', firstDay: '2025-10-23', lastDay: '2025-11-21' });
    // 1403 is a leap year: Esfand has 30 days
    expect(months.find((m) => m.month === '1403-12')).toEqual({ month: '1403-12', firstDay: '2025-02-19', lastDay: '2025-03-20' });
    expect(months.find((m) => m.month === '1404-12')).toEqual({ month: '1404-12', firstDay: '2026-02-20', lastDay: '2026-03-20' });
  });

  it('follow each other without a gap or an overlap, twelve to a year', () => {
    for (let i = 1; i < months.length; i++) {
      expect(Date.parse(months[i]!.firstDay) - Date.parse(months[i - 1]!.lastDay)).toBe(86_400_000);
    }
    expect(months.filter((m) => m.month.startsWith('1405-'))).toHaveLength(12);
    expect(months[0]!.firstDay <= '2020-01-01').toBe(true);
  });
});
