import type { BackupPolicy } from '../contract/backup';
import type { Db } from '../db/open';

/** Every 4 hours covers a meeting day with two or three copies; a week and a half of daily copies. */
export const DEFAULT_POLICY: BackupPolicy = { everyHours: 4, keepLast: 6, keepDays: 14 };

const KEY = 'backupPolicy';

/** The schedule and retention rule, kept in the settings table under its own key. */
export function readPolicy(db: Db): BackupPolicy {
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
    if (!row) return { ...DEFAULT_POLICY };
    const saved = JSON.parse(row.value) as Partial<BackupPolicy>;
    const pick = (k: keyof BackupPolicy) => (Number.isInteger(saved[k]) ? (saved[k] as number) : DEFAULT_POLICY[k]);
    return { everyHours: pick('everyHours'), keepLast: pick('keepLast'), keepDays: pick('keepDays') };
  } catch {
    return { ...DEFAULT_POLICY };
  }
}

export function writePolicy(db: Db, policy: BackupPolicy): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(policy));
}
