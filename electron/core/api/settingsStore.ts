import type { Settings } from '../contract';
import type { Db } from '../db/open';

export const DEFAULT_SETTINGS: Settings = {
  directorateName: 'اداره کل بهزیستی استان',
  province: '',
  maxPriorityInRow: 3,
  dueDays: { answered: 0, unit: 14, agency: 30, not_possible: 0, review: 7 },
  logo: '',
  autoPrintSlips: true,
  printer: '',
  staleDays: 7,
  smsGateway: { url: '', token: '', sender: '' },
  backupFolder: '',
};

/** The settings, each key falling back to its default. */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    if (Object.hasOwn(DEFAULT_SETTINGS, key)) (out as unknown as Record<string, unknown>)[key] = JSON.parse(value);
  }
  return out;
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && Object.hasOwn(DEFAULT_SETTINGS, key)) put.run(key, JSON.stringify(value));
  }
}
