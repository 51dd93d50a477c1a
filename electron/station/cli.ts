import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { startOutboxSender } from '../core/outbox/sender';
import { fillDemo } from './demo';
import { startStation } from './server';

/**
 * `npm run station -- [--port 8080] [--host 0.0.0.0] [--data ./folder] [--demo]`: the host
 * without a window. Serves the renderer build and the API; prints where it listens and
 * which data folder it uses.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
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

const station = await startStation({ core, rendererDir, host: values.host!, port: Number(values.port) });
const stopOutbox = startOutboxSender(core.db);
console.log(`Didar station: ${station.url}`);
console.log(`Data folder:   ${dataDir}`);

const stop = () => {
  stopOutbox();
  void station.close().then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
