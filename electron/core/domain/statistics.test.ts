import { describe, expect, it } from 'vitest';
import { bands, checkStatedTotal, median, percentile, percentileOfCounts } from './statistics';

describe('statistics', () => {
  it('median and percentiles by linear interpolation between closest ranks', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1, 10);
    expect(percentile([10, 20], 0)).toBe(10);
    expect(percentile([10, 20], 100)).toBe(20);
  });

  it('puts values in 3-minute bands with an open last band, losing none', () => {
    const values = [0, 2.9, 3, 5.99, 29.9, 30, 95];
    const b = bands(values, 3, 30);
    expect(b).toHaveLength(11);
    expect(b[0]).toEqual({ from: 0, to: 3, count: 2 });
    expect(b[1]).toEqual({ from: 3, to: 6, count: 2 });
    expect(b[9]).toEqual({ from: 27, to: 30, count: 1 });
    expect(b[10]).toEqual({ from: 30, to: null, count: 2 });
    expect(b.reduce((s, x) => s + x.count, 0)).toBe(values.length);
  });

  it('flags a stated total that its parts do not add up to', () => {
    expect(checkStatedTotal([674, 221, 310, 1046, 340, 1050, 3060, 400], 7100)).toEqual({ sum: 7101, stated: 7100, difference: 1, addsUp: false });
    expect(checkStatedTotal([1, 2], 3).addsUp).toBe(true);
  });

  it('a percentile of a histogram equals the percentile of the list it stands for', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 12));
      const counts = new Map<number, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      for (const p of [0, 10, 50, 90, 100]) expect(percentileOfCounts(counts, p)).toBeCloseTo(percentile(values, p)!, 10);
    }
    expect(percentileOfCounts([], 50)).toBeNull();
    expect(percentileOfCounts([[5, 0]], 50)).toBeNull();
  });
});
