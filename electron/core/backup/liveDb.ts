import type { Db } from '../db/open';

/**
 * A restore replaces the host's connection with one on the restored file. Code that was handed
 * the old connection once (the outbox sender, started with `core.db`) finds the current one
 * with `followSwaps`; and while a restore is copying the current database and swapping it,
 * writes to it are paused (they would be lost with the replaced file). Other connections the
 * host keeps to the same file (the checkpoint worker's, db/checkpointer.ts) are closed by the
 * swap before it moves the file (`releaseFile`); the host starts them again in `replace`.
 */

const successor = new WeakMap<Db, Db>();
const paused = new WeakSet<Db>();
const releasers = new WeakMap<Db, () => void>();

/** The connection that replaced `db` (after any number of restores), or `db` itself. */
export function followSwaps(db: Db): Db {
  let current = db;
  for (let next = successor.get(current); next; next = successor.get(current)) current = next;
  return current;
}

export function markReplaced(old: Db, next: Db): void {
  if (old !== next) successor.set(old, next);
}

export function setWritesPaused(db: Db, on: boolean): void {
  if (on) paused.add(db);
  else paused.delete(db);
}

export function writesPaused(db: Db): boolean {
  return paused.has(db);
}

/** Registers what closes the host's other connections to `db`'s file (synchronously) before a restore moves it. */
export function onFileRelease(db: Db, release: () => void): void {
  releasers.set(db, release);
}

/** Called by the swap just before it closes `db` and moves its file. */
export function releaseFile(db: Db): void {
  const release = releasers.get(db);
  releasers.delete(db);
  release?.();
}
