/**
 * Latencies in a fixed log histogram (2 % wide buckets from 1 µs to about 100 s): percentiles
 * within 2 %, and a size that does not grow with the number of calls, so the soak's own
 * bookkeeping does not show up as memory growth.
 */
const RATIO = 1.02;
const BUCKETS = 1000;
const LOG_RATIO = Math.log(RATIO);

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  count = 0;
  max = 0;
  sum = 0;

  add(ms: number): void {
    const micros = Math.max(1, ms * 1000);
    const i = Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / LOG_RATIO));
    this.counts[i]! += 1;
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** The `p`th percentile in ms (the upper edge of its bucket, never above the largest seen), or null when empty. */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.max, RATIO ** (i + 1) / 1000);
    }
    return this.max;
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
  }
}
