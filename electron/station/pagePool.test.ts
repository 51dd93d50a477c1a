import { describe, expect, it } from 'vitest';
import { PagePool } from './pagePool';

/** Whether a promise has settled by now (after the microtasks queued so far). */
async function settled<T>(p: Promise<T>): Promise<boolean> {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

const closed: string[] = [];
const close = async (page: string) => void closed.push(page);

describe('the PDF renderer’s page pool', () => {
  it('lets up to `size` pages be opened, then prints wait and get a page back first come, first served', async () => {
    const pool = new PagePool<string>(2);
    expect(await pool.take()).toBeNull();
    expect(await pool.take()).toBeNull();
    const first = pool.take();
    const second = pool.take();
    expect(await settled(first)).toBe(false);
    pool.keep('a');
    expect(await first).toBe('a');
    expect(await settled(second)).toBe(false);
    pool.drop(); // a page closed: its place goes to the next one waiting, which opens a new page
    expect(await second).toBeNull();
    pool.keep('b');
    expect(await pool.take()).toBe('b');
  });

  it('a print that comes while a page settles waits for it instead of opening another; a second one opens another', async () => {
    const pool = new PagePool<string>(2);
    expect(await pool.take()).toBeNull();
    let ready!: (ok: boolean) => void;
    const settling = pool.settle('a', new Promise<boolean>((r) => (ready = r)), close);
    const next = pool.take();
    expect(await settled(next)).toBe(false);
    expect(await pool.take()).toBeNull(); // the settling page is claimed: this one may open the second page
    ready(true);
    await settling;
    expect(await next).toBe('a');
  });

  it('a page that fails to settle is closed, and the print waiting for it opens a new one', async () => {
    closed.length = 0;
    const pool = new PagePool<string>(1);
    expect(await pool.take()).toBeNull();
    const settling = pool.settle('a', Promise.reject(new Error('crashed')), close);
    const next = pool.take();
    await settling;
    expect(closed).toEqual(['a']);
    expect(await next).toBeNull();
  });

  it('closing fails the waiting prints and gives back the idle pages; a page kept after that is closed', async () => {
    closed.length = 0;
    const pool = new PagePool<string>(2);
    await pool.take();
    await pool.take();
    pool.keep('a');
    await pool.take(); // 'a' again
    pool.keep('a');
    const waiting = [pool.take(), pool.take()];
    expect(await waiting[0]).toBe('a');
    expect(pool.close()).toEqual([]);
    await expect(waiting[1]).rejects.toThrow('closed');
    await expect(pool.take()).rejects.toThrow('closed');
    await pool.settle('b', Promise.resolve(true), close);
    expect(closed).toEqual(['b']);
  });
});
