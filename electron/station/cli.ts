import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { startOutboxSender } from '../core/outbox/sender';
import { startBackupScheduler } from '../core/backup/scheduler';
import { fillDemo } from './demo';
import { startStation } from './server';
import { resolveListenOptions } from './listenOptions';
import { announceStation } from './mdns';
import { readSettings } from '../core/api/settingsStore';

/**
 * `npm run station -- [--port 8080] [--host 0.0.0.0] [--tls-cert cert.pem --tls-key key.pem]
 * [--no-mdns] [--data ./folder] [--demo]`: the host without a window. Serves the renderer build
 * and the API; prints where it listens and which data folder it uses. Without `--host`,
 * `--port` or the TLS flags, the station's settings (set by the admin) apply; their defaults are
 * 127.0.0.1 (this PC only) and 8080. On any address but loopback the host announces itself on
 * the LAN by mDNS so desktop desks can find it.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'no-mdns': { type: 'boolean', default: false },
    data: { type: 'string', default: './data' },
    demo: { type: 'boolean', default: false },
  },
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(values.data!);
const rendererDir = join(root, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built: run `npm run build` (or `npm run station`, which builds first).');
  process.exit(1);
}

/**
 * DIDAR_CLOCK_OFFSET_DAYS — for tests and demos only: a whole or fractional number of days
 * added to the real time for everything the host stamps and compares (due dates, staleness,
 * sessions). The end-to-end tests use it to see a referral become overdue; never set it on
 * a station people work with.
 */
const offsetDays = Number(process.env.DIDAR_CLOCK_OFFSET_DAYS ?? '0');
if (!Number.isFinite(offsetDays)) {
  console.error('DIDAR_CLOCK_OFFSET_DAYS must be a number of days.');
  process.exit(1);
}
const now = offsetDays === 0 ? undefined : () => new Date(Date.now() + offsetDays * 86_400_000);
if (now) console.log(`Clock offset:  ${offsetDays} days (DIDAR_CLOCK_OFFSET_DAYS, for tests and demos only)`);

const core = createCore({ file: join(dataDir, 'didar.db'), ...(now ? { now } : {}) });
if (values.demo) {
  const users = fillDemo(core);
  if (users) {
    console.log('Demo data written. Users (username / password):');
    for (const u of users) console.log(`  ${u.role.padEnd(9)} ${u.username.padEnd(10)} ${u.password}`);
  } else {
    console.log('The database already has users: demo data not written.');
  }
}

const listen = resolveListenOptions(core.db, { host: values.host, port: values.port, tlsCert: values['tls-cert'], tlsKey: values['tls-key'] });
for (const w of listen.warnings) console.warn(`Warning: ${w}`);
const station = await startStation({ core, rendererDir, host: listen.host, port: listen.port, ...(listen.tls ? { tls: listen.tls } : {}) });
const announcement = values['no-mdns'] || listen.host.startsWith('127.') ? null : announceStation({ port: station.port, tls: Boolean(listen.tls), name: readSettings(core.db).directorateName });
const stopOutbox = startOutboxSender(core.db);
startBackupScheduler(core);
console.log(`Didar station: ${station.url}`);
console.log(`Data folder:   ${dataDir}`);

const stop = () => {
  stopOutbox();
  announcement?.stop();
  void station.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
