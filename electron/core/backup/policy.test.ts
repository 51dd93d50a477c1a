import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase } from '../db/open';
import { createTempCore, must, mustFail, type Call, type TempCore } from '../testing/tempCore';
import { DEFAULT_POLICY } from './policy';
import { recoverInterruptedSwap } from './recover';

let t: TempCore;
let admin: Call;
beforeEach(() => {
  t = createTempCore();
  admin = t.as(t.setupAdmin());
});
afterEach(async () => {
  await t.core.backups.idle();
  t.cleanup();
});

describe('the backup policy and folder', () => {
  it('starts with the default policy and the folder beside the database', () => {
    const overview = must(admin('backup.list', {}));
    expect(overview).toMatchObject({ folder: join(t.dir, 'backups'), folderSetting: '', policy: DEFAULT_POLICY, backups: [], job: null, last: null });
    expect(overview.nextAt).not.toBeNull();
  });

  it('refuses a relative folder or one the host cannot create, naming the field in Persian, and saves nothing', () => {
    const relative = mustFail(admin('backup.savePolicy', { everyHours: 2, keepLast: 3, keepDays: 7, backupFolder: 'backups/here' }));
    expect(relative).toMatchObject({ code: 'invalid_input', field: 'backupFolder' });
    expect(relative.message).toContain('«پوشه پشتیبان‌ها» باید مسیر کامل');
    // Under a file: no folder can be made there.
    const unwritable = mustFail(admin('backup.savePolicy', { everyHours: 2, keepLast: 3, keepDays: 7, backupFolder: join(t.file, 'inside') }));
    expect(unwritable).toMatchObject({ code: 'invalid_input', field: 'backupFolder' });
    expect(unwritable.message).toContain('نمی‌تواند «پوشه پشتیبان‌ها» را بسازد');
    const numbers = mustFail(admin('backup.savePolicy', { everyHours: 2, keepLast: 0, keepDays: 7, backupFolder: '' }));
    expect(numbers).toMatchObject({ code: 'invalid_input', field: 'keepLast' });
    expect(numbers.message).toContain('شمار تازه‌ترین پشتیبان‌های نگه‌داشته');
    expect(must(admin('backup.list', {})).policy).toEqual(DEFAULT_POLICY);
  });

  it('saves the policy and a new folder (created), audits it, and the next backup goes there', async () => {
    const elsewhere = join(t.dir, 'usb', 'didar-backups');
    const saved = must(admin('backup.savePolicy', { everyHours: 2, keepLast: 3, keepDays: 7, backupFolder: elsewhere }));
    expect(saved).toMatchObject({ folder: elsewhere, folderSetting: elsewhere, policy: { everyHours: 2, keepLast: 3, keepDays: 7 } });
    const entry = t.core.db.prepare(`SELECT after FROM audit_log WHERE entity = 'settings' AND entity_id = 'backupPolicy'`).get() as { after: string };
    expect(JSON.parse(entry.after)).toEqual({ everyHours: 2, keepLast: 3, keepDays: 7, backupFolder: elsewhere });
    const { name } = must(admin('backup.make', {}));
    await t.core.backups.idle();
    expect(readdirSync(elsewhere)).toEqual([name, `${name}.json`]);
    const listed = must(admin('backup.list', {}));
    expect(listed.backups).toEqual([expect.objectContaining({ name, reason: 'manual', check: expect.objectContaining({ state: 'ok' }) })]);
    expect(listed.last).toMatchObject({ kind: 'backup', name, ok: true });
    expect(t.events.filter((e) => e.name === 'backup.changed').length).toBeGreaterThanOrEqual(2);
  });

  it('a scheduled backup into a folder that went away fails with a Persian message and is tried again only after a pause', async () => {
    const usb = join(t.dir, 'usb');
    must(admin('backup.savePolicy', { everyHours: 1, keepLast: 3, keepDays: 7, backupFolder: usb }));
    // The disk is gone: a file now sits where the folder was.
    renameSync(usb, join(t.dir, 'usb-gone'));
    writeFileSync(usb, 'not a folder');
    t.core.backups.tick();
    await t.core.backups.idle();
    const failed = must(admin('backup.list', {})).last!;
    expect(failed).toMatchObject({ kind: 'backup', ok: false });
    expect(failed.message).toContain('نمی‌تواند در پوشه پشتیبان‌ها');
    t.core.backups.tick();
    await t.core.backups.idle();
    expect(must(admin('backup.list', {})).last).toEqual(failed);
    t.clock.advance(16 * 60_000);
    t.core.backups.tick();
    await t.core.backups.idle();
    expect(must(admin('backup.list', {})).last?.name).not.toBe(failed.name);
  });
});

describe('copies made before a migration', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(t.dir, 'older');
    mkdirSync(dir);
  });

  it('go to the configured folder, are listed, and get checked when the schedule starts', async () => {
    const file = join(dir, 'didar.sqlite');
    const folder = join(dir, 'chosen');
    const older = MIGRATIONS.at(-2)!.version;
    const db = openDatabase(file, { upTo: older });
    db.prepare(`INSERT INTO settings (key, value) VALUES ('backupFolder', ?)`).run(JSON.stringify(folder));
    db.close();
    // A leftover of a backup cut off by a power cut.
    mkdirSync(folder);
    writeFileSync(join(folder, '.didar-2026-01-01T00-00-00-000Z-manual.sqlite.partial'), 'half');

    const core = createCore({ file, log: () => undefined });
    try {
      const copies = readdirSync(folder).filter((n) => n.endsWith('.sqlite'));
      expect(copies).toEqual([expect.stringMatching(new RegExp(`^before-v${MIGRATIONS.at(-1)!.version}-.*\\.sqlite$`))]);
      expect(existsSync(join(dir, 'backups'))).toBe(false);
      const overview = core.backups.overview(core.db);
      expect(overview.backups).toEqual([expect.objectContaining({ name: copies[0], reason: `before-migration-v${MIGRATIONS.at(-1)!.version}`, check: expect.objectContaining({ state: 'unchecked' }) })]);
      core.backups.start();
      await core.backups.idle();
      const checked = core.backups.overview(core.db).backups[0]!;
      expect(checked.check).toMatchObject({ state: 'ok', userVersion: older });
      expect(readdirSync(folder).filter((n) => n.includes('partial'))).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('an interrupted swap is settled before the database opens: the previous file comes back', () => {
    const file = join(dir, 'didar.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE kept (x); INSERT INTO kept VALUES (1)');
    db.close();
    renameSync(file, `${file}.replaced`);
    writeFileSync(`${file}.restoring`, 'staged');
    const logged: string[] = [];
    recoverInterruptedSwap(file, (m) => logged.push(m));
    expect(existsSync(`${file}.replaced`)).toBe(false);
    expect(existsSync(`${file}.restoring`)).toBe(false);
    const back = new Database(file, { readonly: true });
    expect(back.prepare('SELECT x FROM kept').get()).toEqual({ x: 1 });
    back.close();
    expect(logged).toHaveLength(1);
  });
});
