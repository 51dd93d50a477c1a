import { isAbsolute, resolve } from 'node:path';
import { defaultBackupFolder, folderIsWritable } from '../backup/folder';
import type { Parsed, Settings } from '../contract';
import type { SetupDefaults } from '../contract/auth';
import type { Db } from '../db/open';
import { audit, type Ctx } from './context';
import { fail } from './errors';
import { insertListItem, readList } from './lists';
import { readSettings, writeSettings } from './settingsStore';

/**
 * The first run's settings and counties (the admin and the session are auth.ts's part of
 * `auth.setup`). Everything is checked before anything is written, so a refused setup leaves the
 * fresh database exactly as it was.
 */

type SetupInput = Parsed<'auth.setup'>;

/** Where backups go when the setting is '': the `backups` folder beside the database file. */
const besideDatabase = (db: Db) => defaultBackupFolder(resolve(db.name));

/** What the wizard starts from: the seeded settings and counties of the fresh database. */
export function setupDefaults(db: Db): SetupDefaults {
  const s = readSettings(db);
  return {
    directorateName: s.directorateName,
    province: s.province,
    counties: readList(db, 'counties')
      .filter((c) => c.active)
      .map((c) => ({ id: c.id, name: c.name })),
    logo: s.logo,
    printer: s.printer,
    backupFolder: s.backupFolder,
    defaultBackupFolder: besideDatabase(db),
  };
}

/** The counties as they will be: each listed id must be a county of this database, listed once. */
function checkCounties(db: Db, counties: NonNullable<SetupInput['counties']>): void {
  const known = new Set(readList(db, 'counties').map((c) => c.id));
  const listed = new Set<string>();
  counties.forEach((c, i) => {
    if (c.id === undefined) return;
    if (!known.has(c.id)) throw fail.invalid('county.notFound', `counties.${i}.id`);
    if (listed.has(c.id)) throw fail.invalid('setup.countyTwice', `counties.${i}.id`);
    listed.add(c.id);
  });
}

/**
 * Checks what the database cannot check for itself: the counties against the seeded ones, then
 * (last, as it touches the disk) the backup folder. Throws a Persian error naming the field;
 * writes nothing to the database.
 */
export function checkSetup(ctx: Ctx, input: SetupInput): void {
  if (input.counties) checkCounties(ctx.db, input.counties);
  if (input.backupFolder === undefined) return;
  if (input.backupFolder !== '' && !isAbsolute(input.backupFolder)) throw fail.invalid('backup.folder.absolute', 'backupFolder');
  const folder = input.backupFolder === '' ? besideDatabase(ctx.db) : input.backupFolder;
  if (!folderIsWritable(folder)) throw fail.invalid('backup.folder.unwritable', 'backupFolder');
}

/** Writes the settings and counties of a checked setup, audited as `ctx.actor` (the new admin). */
export function applySetup(ctx: Ctx, input: SetupInput): void {
  const changes: Partial<Settings> = {
    directorateName: input.directorateName,
    province: input.province,
    logo: input.logo,
    printer: input.printer,
    backupFolder: input.backupFolder,
  };
  if (Object.values(changes).some((v) => v !== undefined)) {
    const before = readSettings(ctx.db);
    writeSettings(ctx.db, changes);
    audit(ctx, 'update', 'settings', 'settings', before, readSettings(ctx.db));
    ctx.emit('lists.changed', { kind: 'settings' });
  }
  if (input.counties) {
    replaceCounties(ctx, input.counties);
    ctx.emit('lists.changed', { kind: 'counties' });
  }
}

/**
 * Makes the counties list the given one, in its order: kept ones renamed and re-sorted, missing
 * ones deleted (nothing can refer to a county before the first user exists), new ones added.
 * Names are unique in the table, so renamed rows first take their id as a stand-in name: two
 * counties may swap names, or a new one take a renamed one's old name.
 */
function replaceCounties(ctx: Ctx, counties: NonNullable<SetupInput['counties']>): void {
  const before = new Map(readList(ctx.db, 'counties').map((c) => [c.id, c]));
  const kept = new Set(counties.flatMap((c) => (c.id ? [c.id] : [])));
  for (const old of before.values()) {
    if (kept.has(old.id)) continue;
    ctx.db.prepare('DELETE FROM counties WHERE id = ?').run(old.id);
    audit(ctx, 'delete', 'counties', old.id, old, null);
  }
  const renamed = counties.filter((c) => c.id !== undefined && before.get(c.id)!.name !== c.name);
  for (const c of renamed) ctx.db.prepare('UPDATE counties SET name = id WHERE id = ?').run(c.id);
  counties.forEach((c, i) => {
    const sort = (i + 1) * 10;
    const old = c.id === undefined ? undefined : before.get(c.id);
    if (!old) {
      const id = insertListItem(ctx.db, 'counties', c.name, sort, ctx.now);
      audit(ctx, 'create', 'counties', id, null, { name: c.name, sort });
    } else if (old.name !== c.name || old.sort !== sort || !old.active) {
      ctx.db.prepare('UPDATE counties SET name = ?, sort = ?, active = 1 WHERE id = ?').run(c.name, sort, old.id);
      audit(ctx, 'update', 'counties', old.id, old, { name: c.name, sort, active: true });
    }
  });
}
