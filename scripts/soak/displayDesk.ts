import type { QueueBoard } from '../../electron/core/contract';
import type { Day } from './day';
import { type Desk, SoakFailure } from './desk';

/**
 * A waiting-room display: reads the board at every `queue.changed` of its meeting, as the TV
 * page does — one read at a time; changes that arrive during a read cause one more read after
 * it, so the last read always starts after the last change it heard of.
 */
export class DisplayDesk {
  private reading = false;
  private dirty = false;
  private idle: (() => void)[] = [];
  /** `queue.changed` events heard for this meeting. */
  changes = 0;
  reads = 0;
  /** How many changes had been heard when the last completed read started. */
  lastReadAfter = -1;
  board: QueueBoard | null = null;
  failure: unknown = null;

  constructor(
    readonly desk: Desk,
    private readonly day: Day,
  ) {}

  /** Finds the open meeting, checks what a display may not do, and starts following the board. */
  async start(): Promise<void> {
    const open = await this.desk.call('meetings.list', { status: 'open' });
    if (!open.some((m) => m.id === this.day.meetingId)) throw new SoakFailure(`${this.desk.name}: the day's meeting is not listed as open`);
    // Provoked: a display may not call visitors.
    await this.desk.refuse('queue.callNext', { meetingId: this.day.meetingId, desk: 'نمایشگر' }, { code: 'forbidden' });
    this.desk.on((e) => {
      if (e.name === 'queue.changed' && e.payload.meetingId === this.day.meetingId) {
        this.changes += 1;
        this.schedule();
      }
    });
    this.schedule();
  }

  private schedule(): void {
    if (this.reading) {
      this.dirty = true;
      return;
    }
    this.reading = true;
    const heard = this.changes;
    this.desk
      .call('queue.board', { meetingId: this.day.meetingId })
      .then((board) => {
        this.board = board;
        this.reads += 1;
        this.lastReadAfter = heard;
      })
      .catch((e: unknown) => {
        this.failure = e;
        this.day.world.abort(String(e));
      })
      .finally(() => {
        this.reading = false;
        if (this.dirty && this.failure === null) {
          this.dirty = false;
          this.schedule();
        } else {
          for (const resolve of this.idle.splice(0)) resolve();
        }
      });
  }

  /** Resolves when no read is running or due. */
  settled(): Promise<void> {
    return this.reading ? new Promise((resolve) => this.idle.push(resolve)) : Promise.resolve();
  }
}
