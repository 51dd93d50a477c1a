import { performance } from 'node:perf_hooks';

/**
 * The soak's time. The core stamps every record with `now()`; desks think and wait in
 * simulated minutes. Two phases:
 *
 * - history: a stepping clock (one second a reading) at an earlier meeting's day, so
 *   returning visitors have a real past visit;
 * - the day: from the real instant the day starts, running `speed` times faster than real
 *   time (60 / minutes per hour), so waits, time with the official and staleness come out in
 *   simulated minutes. With speed Infinity (no think-times: the test's short day) the core
 *   runs on real time and every arrival is due at once.
 *
 * The station checks a WebSocket's session against real time; the day starts at the real
 * instant and only runs ahead of it, so sessions made during the day stay valid for it.
 */
export class SoakClock {
  private mode: 'history' | 'day' = 'history';
  private historyMs: number;
  private dayStartMs = 0;
  private realAnchor = 0;
  private last = 0;

  constructor(
    /** Simulated minutes per real minute (Infinity: no waiting at all). */
    readonly speed: number,
    historyStart: Date,
  ) {
    this.historyMs = historyStart.getTime();
  }

  /** The instant for the core: always moving forward. */
  now = (): Date => {
    let t: number;
    if (this.mode === 'history') t = this.historyMs += 1000;
    else t = this.dayStartMs + (performance.now() - this.realAnchor) * (Number.isFinite(this.speed) ? this.speed : 1);
    this.last = Math.max(this.last + 1, Math.floor(t));
    return new Date(this.last);
  };

  /** Starts the day at the real present. */
  startDay(): void {
    this.mode = 'day';
    this.realAnchor = performance.now();
    this.dayStartMs = Math.max(Date.now(), this.last + 1);
  }

  /** Simulated minutes since the day started (Infinity with no think-times: everything is due). */
  dayMinutes(): number {
    if (this.mode !== 'day') return 0;
    if (!Number.isFinite(this.speed)) return Infinity;
    return ((performance.now() - this.realAnchor) * this.speed) / 60_000;
  }

  /** Real milliseconds that `minutes` simulated minutes take. */
  realMs(minutes: number): number {
    return Number.isFinite(this.speed) ? (minutes * 60_000) / this.speed : 0;
  }

  /** Waits `minutes` simulated minutes (yields once with no think-times). */
  sleep(minutes: number): Promise<void> {
    const ms = this.realMs(minutes);
    return new Promise((resolve) => (ms <= 0 ? setImmediate(resolve) : setTimeout(resolve, ms)));
  }
}
