import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * For tests that open database files themselves (migrations): before each test a fresh
 * temporary folder and a file path in it are handed to `use`; after it, every connection
 * passed to the returned `track` is closed and the folder deleted.
 */
export function tempDatabaseFiles(prefix: string, use: (dir: string, file: string) => void) {
  const opened: Database.Database[] = [];
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    use(dir, join(dir, 'didar.sqlite'));
  });
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return <T extends Database.Database>(db: T): T => {
    opened.push(db);
    return db;
  };
}
