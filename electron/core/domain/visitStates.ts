import type { VisitStatus } from '../contract/types';

/** What can be done with a visit in the queue. */
export type VisitAction = 'call' | 'start' | 'finish' | 'recall' | 'skip' | 'noShow' | 'cancel' | 'transfer' | 'reprioritize' | 'requeue';

/**
 * The queue's state machine: for each action, the states it may start from and the state it
 * leads to. waiting → called → with_official → done, with no-show and cancelled on the way;
 * a skipped visitor goes back to waiting (at the end), a no-show who comes back is requeued.
 */
export const TRANSITIONS: Record<VisitAction, { from: readonly VisitStatus[]; to: VisitStatus | 'same' }> = {
  call: { from: ['waiting'], to: 'called' },
  start: { from: ['called', 'with_official'], to: 'with_official' },
  finish: { from: ['called', 'with_official'], to: 'done' },
  recall: { from: ['called'], to: 'called' },
  skip: { from: ['called'], to: 'waiting' },
  noShow: { from: ['called'], to: 'no_show' },
  cancel: { from: ['waiting', 'called'], to: 'cancelled' },
  transfer: { from: ['called', 'with_official'], to: 'called' },
  reprioritize: { from: ['waiting'], to: 'same' },
  requeue: { from: ['no_show'], to: 'waiting' },
};

/** The state an action leads to from `status`, or null when the action is not allowed there. */
export function nextStatus(status: VisitStatus, action: VisitAction): VisitStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to === 'same' ? status : t.to;
}

/** Statuses in which a visit is still in the meeting's queue or at a desk. */
export const ACTIVE_STATUSES: readonly VisitStatus[] = ['waiting', 'called', 'with_official'];
