import type Database from 'better-sqlite3';
import m0010 from './0010-init';
import m0020 from './0020-instructions';
import m0030 from './0030-followup';
import m0040 from './0040-report-counts';
import m0050 from './0050-field-desk';
import m0060 from './0060-shared-issues';
import m0070 from './0070-site-sync';
import m0080 from './0080-campaigns';
import m0090 from './0090-security';
import { chainExistingEntries, sql as m0100 } from './0100-audit-chain';
import m0110 from './0110-intake-triggers';

export interface Migration {
  version: number;
  name: string;
  /** The migration's SQL (a function when it is built from the program's own definitions). */
  sql: string | (() => string);
  /** Rebuilds a table: runs with foreign keys off, then checks every reference. */
  rebuildsTables?: boolean;
  /** Work SQL alone cannot do (e.g. hashing), run after the SQL in the same transaction. */
  after?: (db: Database.Database) => void;
}

/** Every schema change, in order. Versions go in steps of 10; `user_version` holds the last applied. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: '0010-init', sql: m0010 },
  { version: 20, name: '0020-instructions', sql: m0020 },
  { version: 30, name: '0030-followup', sql: m0030, rebuildsTables: true },
  { version: 40, name: '0040-report-counts', sql: m0040 },
  { version: 50, name: '0050-field-desk', sql: m0050 },
  { version: 60, name: '0060-shared-issues', sql: m0060 },
  { version: 70, name: '0070-site-sync', sql: m0070 },
  { version: 80, name: '0080-campaigns', sql: m0080 },
  { version: 90, name: '0090-security', sql: m0090 },
  { version: 100, name: '0100-audit-chain', sql: m0100, after: chainExistingEntries },
  { version: 110, name: '0110-intake-triggers', sql: m0110 },
];
