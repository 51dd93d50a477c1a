import { typedCall } from '../../electron/core/api/dispatch';
import type { Core } from '../../electron/core';
import type { Lists, Role } from '../../electron/core/contract';
import { tehranDate } from '../../electron/core/domain/time';
import type { SoakClock } from './clock';
import type { DeskKind } from './desk';
import { makeHistory } from './history';
import { type Person, planPeople } from './people';
import type { Random } from './random';

/** How many desks of each kind. */
export interface DeskMix {
  intake: number;
  official: number;
  followup: number;
  display: number;
}

/** 20 desks: 8 intake, 6 officials, 4 follow-up, 2 displays; other totals in the same proportions, at least one of each. */
export function deskMix(total: number): DeskMix {
  if (total < 4) throw new Error('at least 4 desks (one of each kind)');
  const official = Math.max(1, Math.round(total * 0.3));
  const followup = Math.max(1, Math.round(total * 0.2));
  const display = Math.max(1, Math.round(total * 0.1));
  return { intake: total - official - followup - display, official, followup, display };
}

export const SOAK_PASSWORD = 'soak-password-1';

export interface DeskUser {
  username: string;
  kind: Exclude<DeskKind, 'admin'>;
  role: Role;
  n: number;
}

/**
 * The setting of the day, straight through dispatch (it is not part of what is measured): the
 * first admin, one user per desk, the day's visitors, and the earlier meeting that gives the
 * returning visitors their record and history.
 */
export function prepare(core: Core, clock: SoakClock, plan: { mix: DeskMix; visitors: number; returning: number; hours: number }, random: Random) {
  const setup = typedCall(core.dispatch, null)('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: SOAK_PASSWORD });
  if (!setup.ok) throw new Error(`setup refused: ${JSON.stringify(setup.error)}`);
  const admin = typedCall(core.dispatch, setup.value.token);
  const users: DeskUser[] = [];
  const add = (kind: DeskUser['kind'], role: Role, count: number) => {
    for (let n = 1; n <= count; n++) users.push({ username: `${kind}${n}`, kind, role, n });
  };
  add('intake', 'operator', plan.mix.intake);
  add('official', 'official', plan.mix.official);
  add('followup', 'followup', plan.mix.followup);
  add('display', 'display', plan.mix.display);
  for (const u of users) {
    const r = admin('users.create', { username: u.username, displayName: `${u.kind} ${u.n}`, role: u.role, password: SOAK_PASSWORD });
    if (!r.ok) throw new Error(`users.create ${u.username}: ${JSON.stringify(r.error)}`);
  }
  const all = admin('lists.all', {});
  if (!all.ok) throw new Error('lists.all refused');
  const lists: Lists = all.value;
  const people: Person[] = planPeople(random.fork(), lists, { visitors: plan.visitors, returningShare: plan.returning, windowMinutes: plan.hours * 60 });
  makeHistory(admin, people, tehranDate(clock.now()), random.fork());
  return { users, lists, people };
}
