import type { Circumstance, Lists, PriorityKind, Sex, Urgency } from '../../electron/core/contract';
import { CIRCUMSTANCES } from '../../electron/core/contract';
import { withCheckDigit } from '../../electron/core/domain/nationalId';
import { asTyped, FEMALE_NAMES, LAST_NAMES, MALE_NAMES, REQUEST_TEXTS } from '../province/names';
import type { Random } from './random';

/** One visitor of the simulated day, with every choice drawn up front (so a seed replays the same day). */
export interface Person {
  n: number;
  client: {
    nationalId: string;
    firstName: string;
    lastName: string;
    fatherName: string;
    sex: Sex;
    mobile: string;
    countyId: string | null;
    circumstances: Circumstance[];
  };
  /** Came to an earlier meeting: has a record (and a history) the intake desk finds by search. */
  returning: boolean;
  /** The record's id, for returning visitors (set when the earlier meeting is made). */
  clientId: string | null;
  requests: { categoryId: string; text: string; urgency: Urgency }[];
  priority: PriorityKind;
  /** When they reach the intake desks, in minutes from the start of the day. */
  arrival: number;
  /** Not there when first called; comes back and is requeued. */
  noShow: boolean;
  /** A new client the desk saves first (clients.create) and then queues by id, instead of both in one call. */
  createFirst: boolean;
}

/** A valid, unique national ID for person `n`. */
export function nationalIdOf(n: number): string {
  return withCheckDigit(String(200_000_000 + n * 7919).slice(-9));
}

/**
 * Arrivals over the registration window: a morning peak that tails off (relative weights of
 * each seventh of the window), like the waiting room of a weekly public meeting.
 */
const ARRIVAL_SHAPE = [1.4, 1.6, 1.3, 1.0, 0.7, 0.6, 0.4];

function arrivalMinute(random: Random, windowMinutes: number): number {
  const total = ARRIVAL_SHAPE.reduce((s, w) => s + w, 0);
  let r = random() * total;
  for (let i = 0; i < ARRIVAL_SHAPE.length; i++) {
    const w = ARRIVAL_SHAPE[i]!;
    if (r < w) return ((i + r / w) / ARRIVAL_SHAPE.length) * windowMinutes;
    r -= w;
  }
  return windowMinutes;
}

export interface DayPlan {
  visitors: number;
  /** Share of visitors who came before (their records are made at an earlier meeting). */
  returningShare: number;
  windowMinutes: number;
}

/** The day's visitors, sorted by arrival. */
export function planPeople(random: Random, lists: Lists, plan: DayPlan): Person[] {
  const categories = lists.categories.filter((c) => c.active);
  const counties = lists.counties.filter((c) => c.active);
  const people: Person[] = [];
  for (let n = 0; n < plan.visitors; n++) {
    const sex: Sex = random.chance(0.55) ? 'female' : 'male';
    // One to three requests: 20 % one, 35 % two, 45 % three (2.25 on average).
    const requests = Array.from({ length: Number(random.weighted({ '1': 20, '2': 35, '3': 45 })) }, () => {
      const category = random.pick(categories);
      const texts = REQUEST_TEXTS[category.name] ?? REQUEST_TEXTS['سایر']!;
      return { categoryId: category.id, text: random.pick(texts), urgency: (random.chance(0.1) ? 'urgent' : 'normal') as Urgency };
    });
    people.push({
      n,
      client: {
        nationalId: nationalIdOf(n),
        firstName: asTyped(random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES), random),
        lastName: asTyped(random.pick(LAST_NAMES), random),
        fatherName: random.pick(MALE_NAMES),
        sex,
        mobile: random.chance(0.8) ? `09${String(random.int(100_000_000, 999_999_999))}` : '',
        countyId: random.chance(0.9) ? random.pick(counties).id : null,
        circumstances: CIRCUMSTANCES.filter(() => random.chance(0.15)),
      },
      returning: random.chance(plan.returningShare),
      clientId: null,
      requests,
      priority: random.chance(0.1) ? random.pick(['urgent', 'disability', 'elderly'] as const) : 'none',
      arrival: arrivalMinute(random, plan.windowMinutes),
      noShow: random.chance(0.03),
      createFirst: random.chance(0.3),
    });
  }
  return people.sort((a, b) => a.arrival - b.arrival);
}
