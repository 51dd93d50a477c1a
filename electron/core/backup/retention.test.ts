import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupPolicy, BackupReason } from '../contract/backup';
import { ADMIN_PASSWORD, createTempCore, logIn, must, steppingClock, type TempCore } from '../testing/tempCore';
import { backupFileName, parseBackupName } from './names';
import { chooseDeletions, type RetentionItem } from './retention';

const policy: BackupPolicy = { everyHours: 4, keepLast: 3, keepDays: 4 };
const NOW = new Date('2026-04-10T08:00:00Z'); // 11:30 in Tehran, 2026-04-10

function item(at: string, reason: BackupReason = 'scheduled', failed = false): RetentionItem {
  return { name: backupFileName(new Date(at), reason), reason, at: new Date(at).toISOString(), failed };
}

describe('the retention rule', () => {
  it('keeps the newest K, the newest of each of the last D Tehran days, and deletes every other routine copy', () => {
    const items = [
      item('2026-04-10T07:00:00Z'), // today: newest 3
      item('2026-04-10T03:00:00Z'),
      item('2026-04-09T19:00:00Z'), // 2026-04-09 22:30 Tehran
      item('2026-04-09T15:00:00Z'), // same day, older: goes
      item('2026-04-08T20:00:00Z'), // 2026-04-08 23:30 Tehran: the day's newest, kept
      item('2026-04-08T21:00:00Z', 'manual'), // 2026-04-09 00:30 Tehran: a day already kept (09) → goes
      item('2026-04-08T05:00:00Z'), // 2026-04-08, older than that day's newest → goes
      item('2026-04-07T10:00:00Z'), // 2026-04-07: fourth day back, newest of it → kept
      item('2026-04-06T19:00:00Z'), // 2026-04-06 22:30 Tehran: outside 4 days → goes
      item('2026-03-30T10:00:00Z'), // long ago → goes
    ];
    const deleted = chooseDeletions(items, policy, NOW);
    expect(deleted.sort()).toEqual(
      [items[3], items[5], items[6], items[8], items[9]].map((i) => i!.name).sort(),
    );
  });

  it('keeps safety copies for D days and always the newest of them; counts failed copies for nothing and drops them after D days', () => {
    const items = [
      item('2026-04-10T06:00:00Z'),
      item('2026-04-09T06:00:00Z', 'before-restore'), // 1 day old: kept
      item('2026-04-02T06:00:00Z', 'before-migration-v110'), // 8 days old, not the newest safety copy → goes
      item('2026-04-01T06:00:00Z', 'before-restore'), // 9 days old → goes
      item('2026-04-10T07:30:00Z', 'scheduled', true), // failed, new: kept (it takes no place of a good copy)
      item('2026-04-03T07:30:00Z', 'manual', true), // failed, old → goes
    ];
    const deleted = chooseDeletions(items, { ...policy, keepLast: 1 }, NOW);
    expect(deleted.sort()).toEqual([items[2], items[3], items[5]].map((i) => i!.name).sort());

    // With no safety copy inside D days, the newest one still stays.
    const old = [item('2026-03-01T06:00:00Z', 'before-migration-v100'), item('2026-02-01T06:00:00Z', 'before-restore')];
    expect(chooseDeletions(old, policy, NOW)).toEqual([old[1]!.name]);
  });

  it('a failed copy is not one of the newest K: the good copy before it is kept', () => {
    const items = [item('2026-04-10T07:00:00Z', 'scheduled', true), item('2026-04-02T03:00:00Z'), item('2026-04-01T03:00:00Z')];
    expect(chooseDeletions(items, { ...policy, keepLast: 1 }, NOW)).toEqual([items[2]!.name]);
  });
});

describe('the schedule and the retention rule on a running host (fake clock)', () => {
  let t: TempCore;
  afterEach(() => t.cleanup());

  it('a backup every N hours, and the folder keeps exactly what the rule says', async () => {
    // A clock that moves only when told (and a millisecond per reading, so names differ).
    const clock = steppingClock('2026-04-01T04:30:00.000Z', 1);
    t = createTempCore(clock);
    const admin = t.as(t.setupAdmin());
    must(admin('backup.savePolicy', { everyHours: 6, keepLast: 2, keepDays: 2, backupFolder: '' }));
    const folder = join(t.dir, 'backups');
    // A file Didar did not name is never touched.
    must(admin('backup.make', {}));
    await t.core.backups.idle();
    writeFileSync(join(folder, 'notes.txt'), 'kept by hand');

    const made: string[] = [];
    // Three days, the scheduler looking every hour.
    for (let hour = 0; hour < 72; hour++) {
      clock.advance(3_600_000);
      t.core.backups.tick();
      await t.core.backups.idle();
      made.push(...readdirSync(folder).filter((n) => parseBackupName(n)?.reason === 'scheduled' && !made.includes(n)));
    }
    // One every 6 hours after the manual one: 72 / 6 = 12.
    expect(made).toHaveLength(12);
    const gaps = made.map((n) => Date.parse(parseBackupName(n)!.at)).map((ms, i, all) => (i === 0 ? 6 * 3_600_000 : ms - all[i - 1]!));
    for (const gap of gaps) expect(Math.round(gap / 3_600_000)).toBe(6);

    const left = readdirSync(folder).filter((n) => n.endsWith('.sqlite')).sort();
    const expected = chooseDeletions(
      [...made.map((n) => ({ name: n, reason: 'scheduled' as const, at: parseBackupName(n)!.at, failed: false }))],
      { everyHours: 6, keepLast: 2, keepDays: 2 },
      clock(),
    );
    // Exactly the copies the rule keeps remain, each with its sidecar, and nothing else went.
    expect(left).toEqual(made.filter((n) => !expected.includes(n)).sort());
    expect(left.length).toBeGreaterThanOrEqual(2);
    for (const n of left) expect(existsSync(join(folder, `${n}.json`))).toBe(true);
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true);

    // Off: no more scheduled copies, whatever the time (three days on, the admin signs in again).
    const again = t.as(logIn(t, 'admin', ADMIN_PASSWORD));
    must(again('backup.savePolicy', { everyHours: 0, keepLast: 2, keepDays: 2, backupFolder: '' }));
    expect(must(again('backup.list', {})).nextAt).toBeNull();
    clock.advance(48 * 3_600_000);
    t.core.backups.tick();
    await t.core.backups.idle();
    expect(readdirSync(folder).filter((n) => n.endsWith('.sqlite')).sort()).toEqual(left);
  });
});
