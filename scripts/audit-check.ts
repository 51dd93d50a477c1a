/**
 * `npx tsx scripts/audit-check.ts --data <folder> | --db <file>`: checks the audit chain of a
 * Didar database read-only and prints the head (the last entry's number and hash) or where the
 * chain breaks. Exit code 0 when whole, 1 when broken, 2 when the file cannot be read.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAudit } from '../electron/core/api/audit';

const { values } = parseArgs({ options: { data: { type: 'string' }, db: { type: 'string' } } });
const file = values.db ?? (values.data ? join(values.data, 'didar.db') : null);
if (!file || !existsSync(file)) {
  console.error('usage: audit-check --data <data folder> | --db <database file>');
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const check = verifyAudit(db);
db.close();
if (check.broken) {
  console.log(`BROKEN at entry ${check.broken.seq} (${check.broken.reason}); ${check.entries} entries`);
  process.exit(1);
}
console.log(`OK: ${check.entries} entries; head ${check.head ? `${check.head.seq} ${check.head.hash}` : '(empty)'}`);
