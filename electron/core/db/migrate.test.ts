import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDatabaseFiles } from '../testing/tempDatabaseFile';
import { checkOrder, NewerDatabaseError, pendingMigrations, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { openDatabase, type Db } from './open';

const SNAPSHOT = join(import.meta.dirname, 'schema.snapshot.sql');
const LATEST = MIGRATIONS.at(-1)!.version;
const REAL_0010 = MIGRATIONS.find((m) => m.version === 10)!;
const FAKE_0020: Migration = {
  version: 20,
  name: '0020-fake',
  sql: 'CREATE TABLE x (id INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT; INSERT INTO x (note) VALUES (\'added by 0020\');',
};

/** The schema as text: every object SQLite keeps for it, by name, without SQLite's own internal ones. */
function dumpSchema(db: Db): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { type: string; name: string; sql: string | null }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql ?? ''};\n`).join('\n');
}

const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);

let dir: string;
let file: string;
const track = tempDatabaseFiles('didar-migrate-', (d, f) => {
  dir = d;
  file = f;
});

describe('migration list', () => {
  it('is numbered upwards in steps of 10 with file names that carry the number', () => {
    expect(() => checkOrder(MIGRATIONS)).not.toThrow();
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
      if (i > 0) expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version);
    });
  });

  it('refuses lists out of order, repeated or with a non-integer version', () => {
    expect(() => checkOrder([REAL_0010, FAKE_0020])).not.toThrow();
    expect(() => checkOrder([FAKE_0020, REAL_0010])).toThrow(/out of order: 0010-init/);
    expect(() => checkOrder([REAL_0010, { ...FAKE_0020, version: 10 }])).toThrow(/out of order/);
    expect(() => checkOrder([{ ...REAL_0010, version: 10.5 }])).toThrow(/out of order/);
    expect(() => checkOrder([{ ...REAL_0010, version: 0 }])).toThrow(/out of order/);
    const db = track(new Database(file));
    expect(() => pendingMigrations(db, [FAKE_0020, REAL_0010])).toThrow(/out of order/);
  });
});

describe('openDatabase', () => {
  it('brings a fresh file to the latest version with Didar pragmas and writes no backup', () => {
    const db = track(openDatabase(file));
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(tableNames(db)).toEqual(expect.arrayContaining(['clients', 'visits', 'requests', 'audit_log', 'meetings', 'users']));
    expect(pendingMigrations(db)).toEqual([]);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('stops at upTo and lists the rest as pending', () => {
    const db = track(openDatabase(file, { migrations: [REAL_0010, FAKE_0020], upTo: 10 }));
    expect(schemaVersion(db)).toBe(10);
    expect(tableNames(db)).not.toContain('x');
    expect(pendingMigrations(db, [REAL_0010, FAKE_0020]).map((m) => m.name)).toEqual(['0020-fake']);
  });

  it('refuses a database written by a newer program and leaves it as it was', () => {
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST + 990}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer than this program knows/);
    const check = track(new Database(file, { readonly: true }));
    expect(schemaVersion(check)).toBe(LATEST + 990);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('keeps the rows through a later migration and writes a backup copy before migrating', () => {
    const migrations = [REAL_0010, FAKE_0020];
    const first = openDatabase(file, { migrations, upTo: 10 });
    first.prepare("INSERT INTO counties (id, name, active, sort, created_at) VALUES ('c1', 'شاهرود', 1, 10, '2026-04-01T06:00:00.000Z')").run();
    first.prepare("INSERT INTO settings (key, value) VALUES ('province', '\"سمنان\"')").run();
    first.close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);

    const second = track(openDatabase(file, { migrations }));
    expect(schemaVersion(second)).toBe(20);
    expect(second.prepare('SELECT name FROM counties WHERE id = ?').get('c1')).toEqual({ name: 'شاهرود' });
    expect(second.prepare("SELECT value FROM settings WHERE key = 'province'").get()).toEqual({ value: '"سمنان"' });
    expect(second.prepare('SELECT note FROM x').all()).toEqual([{ note: 'added by 0020' }]);

    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^before-v20-.*\.sqlite$/);
    const backup = track(new Database(join(dir, 'backups', backups[0]!), { readonly: true }));
    expect(schemaVersion(backup)).toBe(10);
    expect(backup.prepare('SELECT name FROM counties').all()).toEqual([{ name: 'شاهرود' }]);
    expect(tableNames(backup)).not.toContain('x');
    second.close();

    // Nothing pending: no new copy.
    track(openDatabase(file, { migrations }));
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('writes the backup where it is told to', () => {
    openDatabase(file, { migrations: [REAL_0010], upTo: 10 }).close();
    const elsewhere = join(dir, 'copies', 'before-upgrade');
    track(openDatabase(file, { migrations: [REAL_0010, FAKE_0020], backupDir: elsewhere }));
    expect(readdirSync(elsewhere)).toHaveLength(1);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('rolls a failing migration back entirely and keeps the previous version', () => {
    openDatabase(file, { migrations: [REAL_0010] }).close();
    const broken: Migration = { version: 20, name: '0020-broken', sql: 'CREATE TABLE y (a TEXT); INSERT INTO no_such_table VALUES (1);' };
    expect(() => openDatabase(file, { migrations: [REAL_0010, broken] })).toThrow(/no such table/);
    const check = track(new Database(file, { readonly: true }));
    expect(schemaVersion(check)).toBe(10);
    expect(tableNames(check)).not.toContain('y');
  });
});

describe('schema snapshot', () => {
  it('equals the committed electron/core/db/schema.snapshot.sql', () => {
    const db = track(openDatabase(file));
    const schema = dumpSchema(db);
    expect(schema).toContain('CREATE TABLE clients');
    // After a deliberate schema change (a new migration), regenerate with
    //   DIDAR_UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run electron/core/db/migrate.test.ts
    // and review the difference like any other code change.
    if (process.env.DIDAR_UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, schema);
    expect(existsSync(SNAPSHOT)).toBe(true);
    expect(schema).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});
