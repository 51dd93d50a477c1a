/** What the queue rule needs to know of a waiting visit. */
export interface Waiting {
  id: string;
  ticket: number;
  priority: boolean;
}

/**
 * The waiting visits in the order they will be called. Priority tickets go first, but after
 * `maxPriorityInRow` priority calls in a row the oldest ordinary ticket is called, so ordinary
 * tickets keep moving. `priorityRun` is how many priority calls were made in a row just before
 * now (the tail of the meeting's call history). A rule of 0 turns priority off.
 */
export function projectOrder<T extends Waiting>(waiting: readonly T[], priorityRun: number, maxPriorityInRow: number): T[] {
  const byTicket = (a: T, b: T) => a.ticket - b.ticket;
  if (maxPriorityInRow <= 0) return [...waiting].sort(byTicket);
  const priority = waiting.filter((w) => w.priority).sort(byTicket);
  const ordinary = waiting.filter((w) => !w.priority).sort(byTicket);
  const order: T[] = [];
  let run = priorityRun;
  let p = 0;
  let o = 0;
  while (p < priority.length || o < ordinary.length) {
    const ordinaryDue = run >= maxPriorityInRow && o < ordinary.length;
    if (p < priority.length && !ordinaryDue) {
      order.push(priority[p++]!);
      run += 1;
    } else if (o < ordinary.length) {
      order.push(ordinary[o++]!);
      run = 0;
    } else {
      order.push(priority[p++]!);
      run += 1;
    }
  }
  return order;
}

/** How many of the most recent calls (newest first) were priority calls, up to the first ordinary one. */
export function priorityRunOf(recentCallsNewestFirst: readonly boolean[]): number {
  let run = 0;
  for (const wasPriority of recentCallsNewestFirst) {
    if (!wasPriority) break;
    run += 1;
  }
  return run;
}
