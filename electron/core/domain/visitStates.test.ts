import { describe, expect, it } from 'vitest';
import { VISIT_STATUSES, type VisitStatus } from '../contract/types';
import { ACTIVE_STATUSES, nextStatus, TRANSITIONS, type VisitAction } from './visitStates';

/**
 * The queue's state machine written out by hand, cell by cell, from issue 5: what each action
 * does from each state. Compared with TRANSITIONS and with nextStatus, so a change to either
 * shows up here as a named cell.
 */
const EXPECTED: Record<VisitAction, Partial<Record<VisitStatus, VisitStatus>>> = {
  call: { waiting: 'called' },
  start: { called: 'with_official', with_official: 'with_official' },
  finish: { called: 'done', with_official: 'done' },
  recall: { called: 'called' },
  skip: { called: 'waiting' },
  noShow: { called: 'no_show' },
  cancel: { waiting: 'cancelled', called: 'cancelled' },
  transfer: { called: 'called', with_official: 'called' },
  reprioritize: { waiting: 'waiting' },
  requeue: { no_show: 'waiting' },
};

const ACTIONS = Object.keys(EXPECTED) as VisitAction[];

describe('the visit state machine (domain/visitStates)', () => {
  it('knows exactly the ten actions of the queue', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const status of VISIT_STATUSES) {
      const target = EXPECTED[action][status] ?? null;
      it(`${action} from ${status} → ${target ?? 'refused'}`, () => {
        expect(nextStatus(status, action)).toBe(target);
        // TRANSITIONS says the same: allowed exactly from its `from` list, to its target (or the same state)
        const t = TRANSITIONS[action];
        expect(t.from.includes(status)).toBe(target !== null);
        if (target !== null) expect(t.to === 'same' ? status : t.to).toBe(target);
      });
    }
  }

  it('every target is a real status, and every allowed move starts from a real status', () => {
    for (const action of ACTIONS) {
      const t = TRANSITIONS[action];
      expect(t.to === 'same' || VISIT_STATUSES.includes(t.to)).toBe(true);
      for (const from of t.from) expect(VISIT_STATUSES).toContain(from);
      expect(new Set(t.from).size).toBe(t.from.length);
    }
  });

  it('done and cancelled are final; a no-show can only be requeued', () => {
    for (const action of ACTIONS) {
      expect(nextStatus('done', action)).toBeNull();
      expect(nextStatus('cancelled', action)).toBeNull();
      expect(nextStatus('no_show', action)).toBe(action === 'requeue' ? 'waiting' : null);
    }
  });

  it('reprioritize keeps the state it starts from; the only way back to waiting is skip or requeue', () => {
    expect(TRANSITIONS.reprioritize.to).toBe('same');
    const toWaiting = ACTIONS.filter((a) => VISIT_STATUSES.some((s) => s !== 'waiting' && nextStatus(s, a) === 'waiting'));
    expect(toWaiting.sort()).toEqual(['requeue', 'skip']);
  });

  it('the active statuses are those still in the queue or at a desk', () => {
    expect([...ACTIVE_STATUSES].sort()).toEqual(['called', 'waiting', 'with_official']);
    // from an active state something can always happen; from the others only a requeue of a no-show
    for (const status of VISIT_STATUSES) {
      const moves = ACTIONS.filter((a) => nextStatus(status, a) !== null);
      if (ACTIVE_STATUSES.includes(status)) expect(moves.length).toBeGreaterThan(0);
      else expect(moves).toEqual(status === 'no_show' ? ['requeue'] : []);
    }
  });
});
