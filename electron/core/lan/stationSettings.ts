import type { Db } from '../db/open';

/**
 * The LAN station's own settings, kept in the `settings` table under `station.*` keys (apart
 * from the screen settings in `Settings`, so the key never travels with them). The host reads
 * them when it starts; command-line flags of `npm run station` win over them.
 */
export interface StationSettings {
  /** The address the host listens on: '127.0.0.1' (this PC only), '0.0.0.0' (every network card), or one card's IPv4 address. */
  bind: string;
  port: number;
  /** Serve only over TLS, with the certificate below. */
  requireTls: boolean;
  /** The admin's certificate and private key (PEM), or '' for none. The key is never sent to any desk. */
  certificatePem: string;
  keyPem: string;
}

export const DEFAULT_STATION: StationSettings = { bind: '127.0.0.1', port: 8080, requireTls: false, certificatePem: '', keyPem: '' };

const KEYS: Record<keyof StationSettings, string> = {
  bind: 'station.bind',
  port: 'station.port',
  requireTls: 'station.requireTls',
  certificatePem: 'station.certificatePem',
  keyPem: 'station.keyPem',
};

export function readStationSettings(db: Db): StationSettings {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'station.%'").all() as { key: string; value: string }[];
  const byKey = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const out = { ...DEFAULT_STATION } as Record<keyof StationSettings, unknown>;
  for (const [field, key] of Object.entries(KEYS) as [keyof StationSettings, string][]) {
    if (byKey.has(key) && typeof byKey.get(key) === typeof DEFAULT_STATION[field]) out[field] = byKey.get(key);
  }
  return out as unknown as StationSettings;
}

export function writeStationSettings(db: Db, next: StationSettings): void {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [field, key] of Object.entries(KEYS) as [keyof StationSettings, string][]) put.run(key, JSON.stringify(next[field]));
}
