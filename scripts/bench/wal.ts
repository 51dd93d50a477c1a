import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A scratch database beside `file` (same disk), WAL and synchronous=FULL like the program's, whose
 * `commit()` writes `pages` pages in one transaction: what the disk charges for a commit of that
 * many pages, whatever writes them.
 */
export function scratchCommit(file: string, pages: number): { commit(): void; close(): void } {
  const path = join(dirname(file), `didar-bench-commit-${process.pid}.db`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS pages (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, fill BLOB NOT NULL)');
  // One row per page: a 3,000-byte value leaves no room for a second row in a 4,096-byte page.
  const insert = db.prepare('INSERT INTO pages (id, n, fill) VALUES (?, 0, zeroblob(3000))');
  db.transaction(() => {
    for (let i = 1; i <= pages; i++) insert.run(i);
  })();
  const touch = db.prepare('UPDATE pages SET n = n + 1');
  const commit = db.transaction(() => touch.run());
  return {
    commit: () => commit.immediate(),
    close: () => {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    },
  };
}
