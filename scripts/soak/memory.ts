import { performance } from 'node:perf_hooks';

export interface MemorySample {
  /** Real seconds since the day started. */
  at: number;
  /** Visitors finished when it was taken. */
  finished: number;
  rss: number;
  /** V8 heap in use right after a full garbage collection. */
  heapUsed: number;
  external: number;
}

export const MILESTONES = [0, 25, 50, 75, 100] as const;
export type Milestone = (typeof MILESTONES)[number];

const gc = (globalThis as { gc?: () => void }).gc;

/** Whether the process runs with `--expose-gc` (heap figures after a full collection). */
export const canCollect = typeof gc === 'function';

/**
 * Samples the process's memory every few seconds and at 0/25/50/75/100 % of the visitors
 * finished, each time right after a full garbage collection, so the heap figure is what is
 * still referenced, not what is waiting to be collected.
 */
export class MemorySampler {
  readonly samples: MemorySample[] = [];
  readonly milestones = new Map<Milestone, MemorySample>();
  private timer: NodeJS.Timeout | null = null;
  private readonly started = performance.now();

  constructor(
    private readonly visitors: number,
    private readonly finished: () => number,
  ) {}

  take(): MemorySample {
    gc?.();
    const m = process.memoryUsage();
    const sample = { at: (performance.now() - this.started) / 1000, finished: this.finished(), rss: m.rss, heapUsed: m.heapUsed, external: m.external };
    this.samples.push(sample);
    return sample;
  }

  /** Takes the milestone sample when `finished` crosses one. */
  onFinished(finished: number): void {
    for (const p of MILESTONES) {
      if (p > 0 && !this.milestones.has(p) && finished >= Math.ceil((p / 100) * this.visitors)) this.milestones.set(p, this.take());
    }
  }

  start(everyMs: number): void {
    this.milestones.set(0, this.take());
    this.timer = setInterval(() => this.take(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** Least-squares slope of `value` against visitors finished, in bytes per 1,000 visitors (null with fewer than three points). */
export function slopePerThousand(samples: MemorySample[], value: (s: MemorySample) => number): number | null {
  if (samples.length < 3) return null;
  const n = samples.length;
  const mx = samples.reduce((s, p) => s + p.finished, 0) / n;
  const my = samples.reduce((s, p) => s + value(p), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of samples) {
    sxy += (p.finished - mx) * (value(p) - my);
    sxx += (p.finished - mx) ** 2;
  }
  return sxx === 0 ? null : (sxy / sxx) * 1000;
}

export const MiB = 1024 * 1024;

/**
 * The memory bounds, checked on the steady second half of the day (50–100 % of the visitors
 * finished); the first half includes warm-up (compiled code, statement caches, the pages
 * SQLite keeps, connection buffers).
 */
export interface MemoryBounds {
  /** Heap after GC at 100 % may exceed the heap at 75 % by at most this much… */
  heapGrowthBytes: number;
  /** …or this fraction of it, whichever is larger. */
  heapGrowthFraction: number;
  /** Slope of heap after GC over the second half, bytes per 1,000 visitors. */
  heapSlopePerThousand: number;
  /**
   * The resident set's floor in the last quarter (its lowest sample from 75 % on) may exceed
   * its peak in the first half by at most this much. The floor, not the last sample: a backup
   * or a burst of work lifts the resident set for a while (the allocator keeps the pages a
   * little), which is not growth; a leak lifts the floor.
   */
  rssFloorOverPeakBytes: number;
}

export const DEFAULT_BOUNDS: MemoryBounds = {
  heapGrowthBytes: 4 * MiB,
  heapGrowthFraction: 0.1,
  heapSlopePerThousand: 4 * MiB,
  rssFloorOverPeakBytes: 16 * MiB,
};

export interface MemoryVerdict {
  heapSlope: number | null;
  /** Reported, not judged (see rssFloorOverPeakBytes). */
  rssSlope: number | null;
  heapGrowth: number | null;
  /** Lowest rss from 75 % on minus the highest before 50 %. */
  rssFloorOverPeak: number | null;
  problems: string[];
}

export function judgeMemory(sampler: MemorySampler, visitors: number, bounds: MemoryBounds): MemoryVerdict {
  const problems: string[] = [];
  const at75 = sampler.milestones.get(75);
  const at100 = sampler.milestones.get(100);
  const secondHalf = sampler.samples.filter((s) => s.finished >= visitors / 2);
  const heapSlope = slopePerThousand(secondHalf, (s) => s.heapUsed);
  const rssSlope = slopePerThousand(secondHalf, (s) => s.rss);
  let heapGrowth: number | null = null;
  if (!at75 || !at100) problems.push('memory: no samples at 75 % and 100 % of the day');
  else {
    heapGrowth = at100.heapUsed - at75.heapUsed;
    const allowed = Math.max(bounds.heapGrowthBytes, bounds.heapGrowthFraction * at75.heapUsed);
    if (heapGrowth > allowed) problems.push(`memory: heap after GC grew ${(heapGrowth / MiB).toFixed(1)} MiB from 75 % to 100 % (bound ${(allowed / MiB).toFixed(1)} MiB)`);
  }
  if (heapSlope === null) problems.push(`memory: too few samples in the second half (${secondHalf.length})`);
  else if (heapSlope > bounds.heapSlopePerThousand)
    problems.push(`memory: heap after GC grows ${(heapSlope / MiB).toFixed(2)} MiB per 1,000 visitors in the second half (bound ${(bounds.heapSlopePerThousand / MiB).toFixed(1)})`);
  const firstHalf = sampler.samples.filter((s) => s.finished < visitors / 2);
  const lastQuarter = sampler.samples.filter((s) => s.finished >= (visitors * 3) / 4);
  let rssFloorOverPeak: number | null = null;
  if (firstHalf.length < 3 || lastQuarter.length < 3) problems.push(`memory: too few samples (${firstHalf.length} in the first half, ${lastQuarter.length} in the last quarter)`);
  else {
    rssFloorOverPeak = Math.min(...lastQuarter.map((s) => s.rss)) - Math.max(...firstHalf.map((s) => s.rss));
    if (rssFloorOverPeak > bounds.rssFloorOverPeakBytes)
      problems.push(`memory: rss in the last quarter never fell below ${(rssFloorOverPeak / MiB).toFixed(1)} MiB above the first half's peak (bound ${(bounds.rssFloorOverPeakBytes / MiB).toFixed(1)})`);
  }
  return { heapSlope, rssSlope, heapGrowth, rssFloorOverPeak, problems };
}
