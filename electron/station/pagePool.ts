/**
 * The PDF renderer's kept pages: at most `size` of them, each used by one print at a time. A
 * print that finds none free waits its turn, first come first served (a page handed back goes
 * straight to the print that has waited longest).
 *
 * `take` gives a kept page, or null when the caller may open a new one: from then on that page
 * counts as one of the `size`, and the caller hands it back with `keep` (it may serve the next
 * print), `settle` (it is being made ready for the next print) or `drop` (it was closed). A print
 * that comes while a page is settling waits for it (a few milliseconds) rather than open another
 * page (a second or two).
 */
export class PagePool<T> {
  private readonly idle: T[] = [];
  private open = 0;
  private settling = 0;
  private readonly waiting: { resolve: (page: T | null) => void; reject: (e: Error) => void }[] = [];
  private closed = false;

  constructor(private readonly size: number) {}

  take(): Promise<T | null> {
    if (this.closed) return Promise.reject(closedError());
    const kept = this.idle.pop();
    if (kept !== undefined) return Promise.resolve(kept);
    if (this.open < this.size && this.waiting.length >= this.settling) {
      this.open += 1;
      return Promise.resolve(null);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** The page may serve the next print; false when the pool is closed (the caller closes it). */
  keep(page: T): boolean {
    if (this.closed) {
      this.open -= 1;
      return false;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(page);
    else this.idle.push(page);
    return true;
  }

  /** The page is kept once `ready` says it may serve again; otherwise it is dropped and closed with `close`. */
  async settle(page: T, ready: Promise<boolean>, close: (page: T) => Promise<void>): Promise<void> {
    this.settling += 1;
    const ok = await ready.catch(() => false);
    this.settling -= 1;
    if (ok && this.keep(page)) return;
    if (!ok) this.drop();
    await close(page);
  }

  /** The page was closed: its place goes to the print waiting longest (which opens a new one). */
  drop(): void {
    if (this.closed) {
      this.open -= 1;
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(null);
    else this.open -= 1;
  }

  /** No more prints: the waiting ones fail; the idle pages are given back to be closed. */
  close(): T[] {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(closedError());
    const idle = this.idle.splice(0);
    this.open -= idle.length;
    return idle;
  }

}

function closedError(): Error {
  return new Error('the PDF renderer is closed');
}
