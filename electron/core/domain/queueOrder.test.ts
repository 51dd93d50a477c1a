import { describe, expect, it } from 'vitest';
import { priorityRunOf, projectOrder, type Waiting } from './queueOrder';

/** 'O1 P2 P3' → waiting visits: O = ordinary, P = priority, the number is the ticket. */
function tickets(spec: string): Waiting[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((t) => ({ id: t, ticket: Number(t.slice(1)), priority: t[0] === 'P' }));
}

const order = (spec: string, run: number, max: number) =>
  projectOrder(tickets(spec), run, max)
    .map((w) => w.id)
    .join(' ');

/** A small deterministic generator so the property checks see the same cases on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('projectOrder', () => {
  it('calls priority tickets first but an ordinary one after maxPriorityInRow priority calls', () => {
    expect(order('O1 P2 P3 P4 O5', 0, 2)).toBe('P2 P3 O1 P4 O5');
    expect(order('O1 P2 P3 P4 O5', 0, 3)).toBe('P2 P3 P4 O1 O5');
    expect(order('O1 P2 P3 P4 O5', 0, 1)).toBe('P2 O1 P3 O5 P4');
  });

  it('counts the priority calls made just before now', () => {
    expect(order('O1 P2 P3 P4 O5', 2, 2)).toBe('O1 P2 P3 O5 P4');
    expect(order('O1 P2 P3 P4 O5', 1, 2)).toBe('P2 O1 P3 P4 O5');
    expect(order('O1 P2 P3 P4 O5', 7, 2)).toBe('O1 P2 P3 O5 P4');
  });

  it('orders each kind by ticket whatever order the rows arrive in', () => {
    const shuffled = tickets('O9 P7 O3 P4 O1 P2');
    expect(projectOrder(shuffled, 0, 2).map((w) => w.id)).toEqual(['P2', 'P4', 'O1', 'P7', 'O3', 'O9']);
    expect(order('O5 O2 O8 O1', 0, 2)).toBe('O1 O2 O5 O8');
    expect(order('P5 P2 P8', 0, 2)).toBe('P2 P5 P8');
  });

  it('keeps calling priority tickets when no ordinary one waits', () => {
    expect(order('P1 P2 P3 P4 P5', 0, 2)).toBe('P1 P2 P3 P4 P5');
    expect(order('P1 P2 P3', 5, 2)).toBe('P1 P2 P3');
  });

  it('returns an empty order for an empty queue and does not change its input', () => {
    expect(projectOrder([], 0, 3)).toEqual([]);
    const input = tickets('O3 P1 O2');
    const copy = structuredClone(input);
    projectOrder(input, 0, 3);
    expect(input).toEqual(copy);
  });

  it('with a rule of 0 (priority off) never calls a priority ticket before an earlier ordinary one', () => {
    expect(order('O1 O2 P3 P4', 0, 0)).toBe('O1 O2 P3 P4');
    expect(order('P1 O2 P3 O4', 0, 0)).toBe('P1 O2 P3 O4');
    expect(order('O2 P1', 2, 0)).toBe('P1 O2');
    expect(order('P1 P2 P3', 0, 0)).toBe('P1 P2 P3');
    expect(order('O3 O1 O2', 0, 0)).toBe('O1 O2 O3');
    const random = lcg(7);
    for (let round = 0; round < 200; round++) {
      const waiting: Waiting[] = [];
      const n = 1 + Math.floor(random() * 10);
      for (let t = 1; t <= n; t++) waiting.push({ id: String(t), ticket: t, priority: random() < 0.5 });
      const projected = projectOrder(waiting, Math.floor(random() * 4), 0);
      projected.forEach((w, i) => {
        if (!w.priority) return;
        const laterEarlierOrdinary = projected.slice(i + 1).some((x) => !x.priority && x.ticket < w.ticket);
        expect(laterEarlierOrdinary, projected.map((x) => `${x.priority ? 'P' : 'O'}${x.ticket}`).join(' ')).toBe(false);
      });
    }
  });

  it('never starves ordinary tickets: one is called within maxPriorityInRow + 1 calls', () => {
    for (let max = 1; max <= 5; max++) {
      const many = tickets(`O1 ${Array.from({ length: 12 }, (_, i) => `P${i + 2}`).join(' ')} O14`);
      const projected = projectOrder(many, 0, max);
      expect(projected.findIndex((w) => w.id === 'O1')).toBe(max);
      expect(projected.findIndex((w) => w.id === 'O14')).toBe(2 * max + 1);
    }
  });

  it('holds the rule on many generated queues: a permutation, by ticket within each kind, priority first until the run is full', () => {
    const random = lcg(2026);
    for (let round = 0; round < 500; round++) {
      const max = 1 + Math.floor(random() * 5);
      const startRun = Math.floor(random() * 7);
      const n = Math.floor(random() * 15);
      const waiting: Waiting[] = [];
      for (let t = 1; t <= n; t++) waiting.push({ id: `v${t}`, ticket: t, priority: random() < 0.7 });
      const projected = projectOrder(waiting, startRun, max);
      const label = `max=${max} run=${startRun} ${projected.map((x) => `${x.priority ? 'P' : 'O'}${x.ticket}`).join(' ')}`;

      expect(projected.map((w) => w.id).sort(), label).toEqual(waiting.map((w) => w.id).sort());
      for (const kind of [true, false]) {
        const ticketsOfKind = projected.filter((w) => w.priority === kind).map((w) => w.ticket);
        expect(ticketsOfKind, label).toEqual([...ticketsOfKind].sort((a, b) => a - b));
      }

      let run = startRun;
      let ordinaryLeft = waiting.filter((w) => !w.priority).length;
      let priorityLeft = waiting.length - ordinaryLeft;
      for (const w of projected) {
        if (w.priority) {
          if (ordinaryLeft > 0) expect(run, label).toBeLessThan(max);
          run += 1;
          priorityLeft -= 1;
        } else {
          if (priorityLeft > 0) expect(run, label).toBeGreaterThanOrEqual(max);
          run = 0;
          ordinaryLeft -= 1;
        }
      }
    }
  });
});

describe('priorityRunOf', () => {
  it('counts the priority calls at the head of the history, up to the first ordinary call', () => {
    expect(priorityRunOf([])).toBe(0);
    expect(priorityRunOf([false, true, true])).toBe(0);
    expect(priorityRunOf([true, true, false, true])).toBe(2);
    expect(priorityRunOf([true, true, true])).toBe(3);
  });
});
