import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../contract';
import { createTempCore, must, mustFail, type TempCore } from '../testing/tempCore';
import { MESSAGES } from './messages';

/**
 * The first run (`auth.setup` with the wizard's settings, counties and backup folder): written in
 * one go, or — when any part is refused — not at all.
 */

const PASSWORD = 'setup-password-1';
const LOGO = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>').toString('base64')}`;
const SEEDED = ['سمنان', 'شاهرود', 'دامغان', 'گرمسار', 'مهدیشهر', 'سرخه', 'آرادان', 'میامی'];

let t: TempCore;
beforeEach(() => {
  t = createTempCore();
});
afterEach(() => t.cleanup());

const pub = () => t.as(null);

/** The fresh database's seeded counties, by name. */
function seededCounties(): Map<string, string> {
  const status = must(pub()('auth.status', {}));
  return new Map(status.setup!.counties.map((c) => [c.name, c.id]));
}

/** Everything a setup could write: every table's row count, and the whole settings and counties tables. */
function snapshot() {
  const db = t.core.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return {
    counts: Object.fromEntries(tables.map((name) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n])),
    settings: db.prepare('SELECT key, value FROM settings ORDER BY key').all(),
    counties: db.prepare('SELECT * FROM counties ORDER BY id').all(),
  };
}

/** A whole wizard's input: the seeded counties with Aradan removed, Mehdishahr renamed and Bastam added. */
function wizardInput(folder: string): Input<'auth.setup'> {
  const ids = seededCounties();
  const counties = SEEDED.filter((n) => n !== 'آرادان').map((name) => ({ id: ids.get(name)!, name: name === 'مهدیشهر' ? 'مهدی‌شهر' : name }));
  return {
    directorateName: 'اداره کل بهزيستي استان سمنان', // Arabic ي, as some keyboards type it
    province: ' سمنان ',
    counties: [...counties, { name: 'بسطام' }],
    logo: LOGO,
    displayName: 'مریم کاظمی',
    username: 'Kazemi',
    password: PASSWORD,
    printer: 'HP LaserJet M404',
    backupFolder: folder,
  };
}

describe('auth.status before the first run', () => {
  it('offers the seeded values the wizard starts from, and only while no user exists', () => {
    const status = must(pub()('auth.status', {}));
    expect(status.needsSetup).toBe(true);
    expect(status.setup).toEqual({
      directorateName: 'اداره کل بهزیستی استان سمنان',
      province: 'سمنان',
      counties: SEEDED.map((name) => ({ id: expect.any(String), name })),
      logo: '',
      printer: '',
      backupFolder: '',
      defaultBackupFolder: join(t.dir, 'backups'),
    });
    t.setupAdmin();
    expect(must(pub()('auth.status', {}))).toEqual({ needsSetup: false, directorateName: 'اداره کل بهزیستی استان سمنان' });
  });
});

describe('auth.setup (the first-run wizard)', () => {
  it('writes the settings, the counties, the admin and the session in one call', () => {
    const folder = join(t.dir, 'nested', 'backups here');
    const seeded = seededCounties();
    const eventsBefore = t.events.length;
    const session = must(pub()('auth.setup', wizardInput(folder)));
    expect(session.user).toMatchObject({ username: 'kazemi', displayName: 'مریم کاظمی', role: 'admin' });
    const admin = t.as(session.token);
    expect(must(admin('auth.me', {})).userId).toBe(session.user.userId);

    expect(must(admin('settings.get', {}))).toMatchObject({
      directorateName: 'اداره کل بهزیستی استان سمنان',
      province: 'سمنان',
      logo: LOGO,
      printer: 'HP LaserJet M404',
      backupFolder: folder,
    });
    const counties = must(admin('lists.all', {})).counties;
    expect(counties.map((c) => c.name)).toEqual(['سمنان', 'شاهرود', 'دامغان', 'گرمسار', 'مهدی‌شهر', 'سرخه', 'میامی', 'بسطام']);
    expect(counties.map((c) => c.sort)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    // The renamed county kept its id; the removed one is gone.
    expect(counties.find((c) => c.name === 'مهدی‌شهر')!.id).toBe(seeded.get('مهدیشهر'));
    expect(t.core.db.prepare("SELECT count(*) AS n FROM counties WHERE name = 'آرادان'").get()).toEqual({ n: 0 });

    // The folder was created and the probe file removed.
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder)).toEqual([]);

    // Audited as the new admin; the desks hear of the settings, the counties and the user.
    const audited = t.core.db.prepare("SELECT action, entity, user_id FROM audit_log WHERE entity IN ('settings', 'counties') ORDER BY seq").all() as {
      action: string;
      entity: string;
      user_id: string;
    }[];
    expect(audited.map((a) => `${a.action} ${a.entity}`)).toEqual([
      'update settings',
      'delete counties', // Aradan
      'update counties', // Mehdishahr renamed
      'update counties', // Meyami moved up
      'create counties', // Bastam
    ]);
    expect(new Set(audited.map((a) => a.user_id))).toEqual(new Set([session.user.userId]));
    expect(t.events.slice(eventsBefore).map((e) => `${e.name} ${JSON.stringify(e.payload)}`)).toEqual([
      'users.changed {}',
      'lists.changed {"kind":"settings"}',
      'lists.changed {"kind":"counties"}',
    ]);
    expect(must(pub()('auth.status', {})).needsSetup).toBe(false);
  });

  it('keeps the ids of kept counties, and lets two counties swap names', () => {
    const ids = seededCounties();
    const counties = SEEDED.map((name) => ({ id: ids.get(name)!, name: name === 'سمنان' ? 'شاهرود' : name === 'شاهرود' ? 'سمنان' : name }));
    const admin = t.as(must(pub()('auth.setup', { displayName: 'مدیر', username: 'admin', password: PASSWORD, counties })).token);
    const after = must(admin('lists.all', {})).counties;
    expect(after.find((c) => c.name === 'شاهرود')!.id).toBe(ids.get('سمنان'));
    expect(after.find((c) => c.name === 'سمنان')!.id).toBe(ids.get('شاهرود'));
    expect(after.find((c) => c.name === 'میامی')!.id).toBe(ids.get('میامی'));
  });

  it('with only the admin, keeps the seeded settings and counties (scripts and tests)', () => {
    const before = snapshot();
    must(pub()('auth.setup', { displayName: 'مدیر', username: 'admin', password: PASSWORD }));
    const after = snapshot();
    expect(after.settings).toEqual(before.settings);
    expect(after.counties).toEqual(before.counties);
    expect(existsSync(join(t.dir, 'backups'))).toBe(false); // no folder asked for, none probed
  });

  it("'' for the backup folder means the backups folder beside the database, checked too", () => {
    const admin = t.as(must(pub()('auth.setup', { ...wizardInput(''), counties: undefined })).token);
    expect(must(admin('settings.get', {})).backupFolder).toBe('');
    expect(existsSync(join(t.dir, 'backups'))).toBe(true);
  });

  describe('a refused setup writes nothing at all', () => {
    function refused(input: Input<'auth.setup'>, expected: { field?: string; message: string; code?: string }) {
      const before = snapshot();
      const error = mustFail(pub()('auth.setup', input));
      expect(error).toEqual({ code: expected.code ?? 'invalid_input', message: expected.message, field: expected.field });
      expect(snapshot()).toEqual(before);
      expect(must(pub()('auth.status', {})).needsSetup).toBe(expected.code !== 'conflict');
      return error;
    }

    it('a county twice once normalized, an empty name, an empty list, an unknown or repeated id', () => {
      const folder = join(t.dir, 'never');
      const base = wizardInput(folder);
      refused({ ...base, counties: [...base.counties!, { name: 'ميامي' }] }, { field: 'counties.8.name', message: MESSAGES['setup.countyDuplicate'] });
      refused({ ...base, counties: [...base.counties!, { name: 'مهدیشهر' }] }, { field: 'counties.8.name', message: MESSAGES['setup.countyDuplicate'] });
      refused({ ...base, counties: [{ name: 'سمنان' }, { name: '  ' }] }, { field: 'counties.1.name', message: '«نام شهرستان» را وارد کنید.' });
      refused({ ...base, counties: [] }, { field: 'counties', message: MESSAGES['setup.countiesEmpty'] });
      refused({ ...base, counties: [{ id: 'no-such-county', name: 'سمنان' }] }, { field: 'counties.0.id', message: MESSAGES['county.notFound'] });
      const first = base.counties![0]!;
      refused({ ...base, counties: [first, { id: first.id, name: 'سمنان دو' }] }, { field: 'counties.1.id', message: MESSAGES['setup.countyTwice'] });
      expect(existsSync(folder)).toBe(false);
    });

    it('a logo that is not a PNG, JPEG or SVG data address', () => {
      const base = wizardInput(join(t.dir, 'never'));
      refused({ ...base, logo: `data:text/html;base64,${Buffer.from('<script>').toString('base64')}` }, { field: 'logo', message: MESSAGES['logo.format'] });
      refused({ ...base, logo: `data:image/png;base64,${'A'.repeat(300_001)}` }, { field: 'logo', message: '«نشان اداره» بیشتر از حد مجاز است (حداکثر ۳۰۰۰۰۰).' });
    });

    it('a backup folder the host cannot create or write into, or one that is not a full path', () => {
      refused(wizardInput('/proc/didar'), { field: 'backupFolder', message: MESSAGES['backup.folder.unwritable'] });
      const file = join(t.dir, 'a-file');
      writeFileSync(file, 'not a folder');
      refused(wizardInput(file), { field: 'backupFolder', message: MESSAGES['backup.folder.unwritable'] });
      refused(wizardInput(join(file, 'below')), { field: 'backupFolder', message: MESSAGES['backup.folder.unwritable'] });
      expect(readFileSync(file, 'utf8')).toBe('not a folder');
      refused(wizardInput('backups'), { field: 'backupFolder', message: MESSAGES['backup.folder.absolute'] });
      refused(wizardInput('/tmp/bad\nname'), { field: 'backupFolder', message: MESSAGES['setup.backupFolderInvalid'] });
    });

    it('a weak password, or one leaning on the username; the backup folder is not even created', () => {
      const folder = join(t.dir, 'not-yet');
      refused({ ...wizardInput(folder), password: 'short1' }, { field: 'password', message: MESSAGES['password.short'] });
      refused({ ...wizardInput(folder), password: 'onlyletters-here' }, { field: 'password', message: MESSAGES['password.digits'] });
      refused({ ...wizardInput(folder), username: 'kazemi', password: 'kazemi12345' }, { field: 'password', message: MESSAGES['password.containsUsername'] });
      refused({ ...wizardInput(folder), directorateName: ' ' }, { field: 'directorateName', message: '«نام اداره کل» را وارد کنید.' });
      expect(existsSync(folder)).toBe(false);
    });

    it('a second setup, whatever it carries', () => {
      const existing = join(t.dir, 'existing');
      mkdirSync(existing);
      const input = { ...wizardInput(join(t.dir, 'second')), username: 'intruder', counties: [{ name: 'تهران' }], directorateName: 'نفوذی' };
      must(pub()('auth.setup', wizardInput(existing)));
      refused(input, { code: 'conflict', message: MESSAGES['setup.done'] });
      expect(existsSync(join(t.dir, 'second'))).toBe(false);
    });
  });
});
