import { describe, expect, it } from 'vitest';
import { newCalls, type BoardCall } from './calls';

const call = (visitId: string, ticket: number, calledAt: string, callCount = 1, desk = 'میز ۱'): BoardCall => ({ visitId, ticket, desk, calledAt, callCount });

describe('new calls on the board', () => {
  it('announces nothing on the first board, then each new call once, oldest first', () => {
    const first = newCalls(null, [call('a', 1, '2026-05-01T08:00:00Z')]);
    expect(first.fresh).toEqual([]);
    const second = newCalls(first.seen, [call('c', 3, '2026-05-01T08:02:00Z'), call('b', 2, '2026-05-01T08:01:00Z'), call('a', 1, '2026-05-01T08:00:00Z')]);
    expect(second.fresh.map((c) => c.ticket)).toEqual([2, 3]);
    const third = newCalls(second.seen, [call('c', 3, '2026-05-01T08:02:00Z'), call('b', 2, '2026-05-01T08:01:00Z')]);
    expect(third.fresh).toEqual([]);
  });

  it('announces a recall, a transfer and a skipped visitor called again', () => {
    const { seen } = newCalls(null, [call('a', 1, '2026-05-01T08:00:00Z')]);
    expect(newCalls(seen, [call('a', 1, '2026-05-01T08:03:00Z', 2)]).fresh).toHaveLength(1);
    // The same instant but one more call (a transfer in the same second).
    expect(newCalls(seen, [call('a', 1, '2026-05-01T08:00:00Z', 2, 'میز ۲')]).fresh).toHaveLength(1);
    // Skipped (gone from the board), then called again later.
    const gone = newCalls(seen, []);
    expect(newCalls(gone.seen, [call('a', 1, '2026-05-01T08:10:00Z', 1)]).fresh).toHaveLength(1);
  });
});
