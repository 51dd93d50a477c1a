import { describe, expect, it } from 'vitest';
import { runSoak } from './soak';

/**
 * The soak's short day for `npm test`: the same 20 desks (8 intake, 6 officials, 4 follow-up,
 * 2 displays) through the station's HTTP and WebSocket, 80 visitors, no think-times, and every
 * correctness check of the full soak (`npm run soak`); the memory bound and the timings are
 * left to the full soak.
 */
describe('soak, a short day', () => {
  it('20 desks × 80 visitors: every call ok but the provoked refusals, everyone called once and finished, every event delivered, the file whole and the report equal to the rows', async () => {
    const result = await runSoak({ desks: 20, visitors: 80, minutesPerHour: 0, hours: 1, returning: 0.35, seed: 80, sampleSeconds: 5, backups: false, checkMemory: false });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.checks.length).toBeGreaterThanOrEqual(20);
    expect(result.mix).toEqual({ intake: 8, official: 6, followup: 4, display: 2 });
    expect(result.stats.errors).toEqual([]);
    // Every display was refused "call next", and nothing else was refused but what the desks provoked.
    expect(result.stats.refusals.get('queue.callNext forbidden')).toBe(2);
    expect([...result.stats.refusals.keys()].every((k) => /^(queue\.callNext forbidden|visits\.register invalid_input newClient\.nationalId|clients\.create conflict nationalId|visits\.finish conflict requests|instructions\.issue invalid_input fields\.dueDate|followups\.close invalid_input reasonId)$/.test(k))).toBe(true);
    expect(result.requests).toBeGreaterThanOrEqual(80);
    expect(result.eventsEmitted).toBeGreaterThan(80 * 4);
    // 18 staff desks hear every event; the 2 displays only their board's, and fewer than all.
    expect(result.eventsForDisplays).toBeLessThan(result.eventsEmitted);
    expect(result.stats.eventsDelivered).toBeGreaterThanOrEqual(result.eventsEmitted * 18 + result.eventsForDisplays * 2);
  }, 120_000);
});
