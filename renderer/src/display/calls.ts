import type { QueueBoard } from '../../../electron/core/contract';

export type BoardCall = QueueBoard['calling'][number];

/** What the display last saw of each visit at a desk: when it was called and how many times. */
export type SeenCalls = ReadonlyMap<string, { calledAt: string; callCount: number }>;

/**
 * The calls on a new board that the display has not announced yet: a visit not seen before,
 * or one called again (a later `calledAt` or a higher `callCount`: a recall, a transfer, a
 * skipped visitor called again). The first board a display sees announces nothing (those
 * calls were made before it was switched on). Returned oldest first, the order to speak them.
 */
export function newCalls(seen: SeenCalls | null, calling: readonly BoardCall[]): { seen: SeenCalls; fresh: BoardCall[] } {
  const next = new Map(seen ?? []);
  const fresh: BoardCall[] = [];
  for (const c of calling) {
    const before = next.get(c.visitId);
    if (seen && (!before || Date.parse(c.calledAt) > Date.parse(before.calledAt) || c.callCount > before.callCount)) fresh.push(c);
    next.set(c.visitId, { calledAt: c.calledAt, callCount: c.callCount });
  }
  fresh.sort((a, b) => Date.parse(a.calledAt) - Date.parse(b.calledAt));
  return { seen: next, fresh };
}
