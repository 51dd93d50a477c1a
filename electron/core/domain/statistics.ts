/** Small, exact statistics for reports. */

/** The median of a list (the mean of the two middle values for an even count), or null when empty. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/**
 * The p-th percentile by linear interpolation between closest ranks (the common definition in
 * spreadsheets' PERCENTILE.INC), or null when the list is empty.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Counts of values in bands of `width` (0–width, width–2·width, …), the last band open-ended at `max`. */
export function bands(values: readonly number[], width: number, max: number): { from: number; to: number | null; count: number }[] {
  const out: { from: number; to: number | null; count: number }[] = [];
  for (let from = 0; from < max; from += width) out.push({ from, to: from + width, count: 0 });
  out.push({ from: max, to: null, count: 0 });
  for (const v of values) {
    const i = v >= max ? out.length - 1 : Math.floor(Math.max(0, v) / width);
    out[i]!.count += 1;
  }
  return out;
}

/** Whether a table's parts add up to a total someone stated, and by how much they differ. */
export function checkStatedTotal(parts: readonly number[], stated: number): { sum: number; stated: number; difference: number; addsUp: boolean } {
  const sum = parts.reduce((a, b) => a + b, 0);
  return { sum, stated, difference: sum - stated, addsUp: sum === stated };
}

/** Rounds to one decimal place (figures shown to people). */
export const round1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

/**
 * The p-th percentile of a list given as how many times each value occurs (a histogram), the
 * same figure `percentile` gives over the list itself; null when it is empty.
 */
export function percentileOfCounts(counts: Iterable<readonly [value: number, count: number]>, p: number): number | null {
  const sorted = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const rank = (p / 100) * (total - 1);
  const at = (index: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (index < seen) return value;
    }
    return sorted.at(-1)![0];
  };
  const lo = at(Math.floor(rank));
  const hi = at(Math.ceil(rank));
  return lo + (hi - lo) * (rank - Math.floor(rank));
}
