import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * A restore cut off by a crash or a power cut in the middle of its swap (restore.ts) is
 * settled before the database is opened: if the database file is missing but the moved-aside
 * one is there, the move is undone (the old database comes back as it was); if both are
 * there, the swap had finished and the moved-aside file — whose content is in the checked
 * before-restore copy — is removed. A staged copy that was never swapped in is removed.
 */
export function recoverInterruptedSwap(file: string, log: (message: string) => void): void {
  const aside = `${file}.replaced`;
  const sides = ['', '-wal', '-shm', '-journal'];
  if (existsSync(aside)) {
    if (!existsSync(file)) {
      for (const s of sides) if (existsSync(aside + s)) renameSync(aside + s, file + s);
      log(`restore was interrupted before the new database was in place: the previous database was put back (${file})`);
    } else {
      for (const s of sides) rmSync(aside + s, { force: true });
    }
  }
  for (const s of sides) rmSync(`${file}.restoring${s}`, { force: true });
}
