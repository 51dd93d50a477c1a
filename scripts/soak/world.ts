import type { SoakClock } from './clock';
import type { Person } from './people';

/** What the desks know of one visit, to be compared with the database at the end. */
export interface VisitTrack {
  visitId: string;
  person: Person;
  /** Requests registered, plus any the official added at the desk. */
  requests: number;
  /** Instructions issued for them. */
  instructions: number;
  /** Times a desk was handed this visit by "call next". */
  calls: number;
  requeues: number;
  finished: boolean;
}

/**
 * The waiting hall and the day's ledger, shared by the desks: who is at the door, who went
 * away and will come back (a no-show, requeued at the intake desk), every visit and what was
 * done with it. Desks wait on `changed()` instead of polling.
 */
export class World {
  private door = 0;
  readonly visits = new Map<string, VisitTrack>();
  private readonly comeBack: { visitId: string; at: number }[] = [];
  private waiters: (() => void)[] = [];
  registered = 0;
  finished = 0;
  /** Set when a desk met a failure: every desk stops. */
  aborted: string | null = null;
  /** Follow-up work done, to compare with the rows. */
  followupSteps = 0;
  followupResults = 0;
  /** Called with the number finished, each time one more visit finishes (memory milestones). */
  onFinished: (finished: number) => void = () => undefined;

  constructor(
    readonly people: Person[],
    readonly clock: SoakClock,
  ) {}

  /** The next person who has arrived by now, if any (intake desks take them in arrival order). */
  nextArrival(): Person | null {
    const p = this.people[this.door];
    if (!p || p.arrival > this.clock.dayMinutes()) return null;
    this.door += 1;
    return p;
  }

  /** A no-show who has come back by now, if any. */
  nextReturn(): string | null {
    const now = this.clock.dayMinutes();
    const i = this.comeBack.findIndex((r) => r.at <= now);
    if (i < 0) return null;
    return this.comeBack.splice(i, 1)[0]!.visitId;
  }

  /** Minutes until the next arrival or return is due (Infinity when none is left). */
  minutesToNextJob(): number {
    const now = this.clock.dayMinutes();
    const times = [this.people[this.door]?.arrival ?? Infinity, ...this.comeBack.map((r) => r.at)];
    return Math.max(0, Math.min(...times) - now);
  }

  registeredVisit(visitId: string, person: Person): void {
    this.visits.set(visitId, { visitId, person, requests: person.requests.length, instructions: 0, calls: 0, requeues: 0, finished: false });
    this.registered += 1;
    this.notify();
  }

  track(visitId: string): VisitTrack {
    const v = this.visits.get(visitId);
    if (!v) throw new Error(`a desk was handed visit ${visitId}, which no intake desk registered`);
    return v;
  }

  wentAway(visitId: string, backInMinutes: number): void {
    this.comeBack.push({ visitId, at: this.clock.dayMinutes() + backInMinutes });
    this.notify();
  }

  requeued(visitId: string): void {
    this.track(visitId).requeues += 1;
    this.notify();
  }

  finishedVisit(visitId: string): void {
    const v = this.track(visitId);
    if (v.finished) throw new Error(`visit ${visitId} finished twice`);
    v.finished = true;
    this.finished += 1;
    this.onFinished(this.finished);
    this.notify();
  }

  abort(reason: string): void {
    this.aborted ??= reason;
    this.notify();
  }

  /** Everyone came, was queued, called and seen, and nobody is still to come back. */
  dayOver(): boolean {
    return this.aborted !== null || (this.door >= this.people.length && this.comeBack.length === 0 && this.finished === this.registered && this.registered === this.people.length);
  }

  /** A number that moves whenever anything of the day happens (for the stall watchdog). */
  progress(): number {
    let calls = 0;
    for (const v of this.visits.values()) calls += v.calls + v.requeues;
    return this.registered + this.finished + this.followupSteps + this.followupResults + calls;
  }

  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }

  /** Resolves at the next change of the ledger, or after `ms`. */
  changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(1, ms));
      this.waiters.push(done);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
