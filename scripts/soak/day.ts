import type { Lists } from '../../electron/core/contract';
import { tehranDate } from '../../electron/core/domain/time';
import type { SoakClock } from './clock';
import type { Random } from './random';
import type { World } from './world';

/** What every desk of the day shares. */
export interface Day {
  meetingId: string;
  lists: Lists;
  clock: SoakClock;
  world: World;
}

/** A due date `days` after today in Tehran (by the core's clock). */
export function dueIn(day: Day, days: number): string {
  const today = tehranDate(day.clock.now());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A think-time of `min`–`max` simulated minutes. */
export function think(day: Day, random: Random, min: number, max: number): Promise<void> {
  return day.clock.sleep(min + random() * (max - min));
}

/** Real milliseconds to wait for something to happen: `minutes` simulated, at least 20 ms (the short day has no think-times). */
export function patience(day: Day, minutes: number): number {
  return Math.max(20, day.clock.realMs(Math.min(minutes, 10)));
}
