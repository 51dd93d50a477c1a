/** Timing and percentiles for the benchmark: milliseconds from the monotonic clock, nearest-rank percentiles. */

export interface Stat {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted values (p in 0…100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(times: readonly number[]): Stat {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length),
  };
}

/** Milliseconds since an earlier `now()`. */
export const now = (): bigint => process.hrtime.bigint();
export const since = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;

/** Times one synchronous call in milliseconds. */
export function time(fn: () => unknown): number {
  const t = now();
  fn();
  return since(t);
}

/**
 * Runs several variants of one measurement side by side: `warmup` untimed rounds, then `runs`
 * rounds in which every variant runs once, in an order that alternates from round to round, so
 * a burst of load from elsewhere on the machine falls on all of them alike. Each variant gets the
 * round's number, counted on from the warm-up (0 … warmup + runs - 1), to take its own inputs.
 * `prime`, when given, runs untimed before each round: the variants read the same rows, and
 * without it whichever ran first would read them from the disk and the other from the cache.
 * Returns each variant's times.
 */
export function sideBySide<K extends string>(
  variants: Record<K, (i: number) => unknown>,
  runs: number,
  warmup: number,
  prime?: (i: number) => unknown,
): Record<K, Stat> {
  const names = Object.keys(variants) as K[];
  const times = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup; i++) for (const k of names) variants[k](i);
  for (let i = warmup; i < warmup + runs; i++) {
    prime?.(i);
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const k of order) times[k].push(time(() => variants[k](i)));
  }
  return Object.fromEntries(names.map((k) => [k, summarize(times[k])])) as Record<K, Stat>;
}

/** The same for asynchronous variants; each resolves when its measured work is done. */
export async function sideBySideAsync<K extends string>(
  variants: Record<K, (i: number) => Promise<number | void>>,
  runs: number,
  warmup: number,
): Promise<Record<K, Stat>> {
  const names = Object.keys(variants) as K[];
  const times = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup; i++) for (const k of names) await variants[k](i);
  for (let i = warmup; i < warmup + runs; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const k of order) {
      const t = now();
      // A variant may measure its own span (from a commit, say) and return it; otherwise the call is timed.
      const own = await variants[k](i);
      times[k].push(typeof own === 'number' ? own : since(t));
    }
  }
  return Object.fromEntries(names.map((k) => [k, summarize(times[k])])) as Record<K, Stat>;
}
