/**
 * `npm run soak -- [--desks 20] [--visitors 900] [--minutes-per-hour 1] [--hours 7] [--returning 0.35] [--seed 8] [--sample-seconds 2] [--out bench/soak.json] [--no-backups] [--no-memory-check]`
 *
 * One accelerated meeting day on an in-process station (see runSoak); prints the table,
 * writes the figures to bench/soak.json and exits 1 when any check fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { canCollect, DEFAULT_BOUNDS } from './memory';
import { summary, table } from './report';
import { runSoak } from './soak';

const { values } = parseArgs({
  options: {
    desks: { type: 'string', default: '20' },
    visitors: { type: 'string', default: '900' },
    'minutes-per-hour': { type: 'string', default: '1' },
    hours: { type: 'string', default: '7' },
    returning: { type: 'string', default: '0.35' },
    seed: { type: 'string', default: '8' },
    'sample-seconds': { type: 'string', default: '2' },
    out: { type: 'string', default: 'bench/soak.json' },
    'no-memory-check': { type: 'boolean', default: false },
    'no-backups': { type: 'boolean', default: false },
  },
});

const number = (name: keyof typeof values, min: number) => {
  const x = Number(values[name]);
  if (!Number.isFinite(x) || x < min) {
    console.error(`--${name} must be a number ≥ ${min}`);
    process.exit(2);
  }
  return x;
};

const checkMemory = !values['no-memory-check'];
if (checkMemory && !canCollect) {
  console.error('The memory check needs a full garbage collection before each sample: run with node --expose-gc (npm run soak does).');
  process.exit(2);
}

const loadAtStart = loadavg();
const result = await runSoak({
  desks: number('desks', 4),
  visitors: number('visitors', 1),
  minutesPerHour: number('minutes-per-hour', 0),
  hours: number('hours', 0.1),
  returning: Math.min(1, number('returning', 0)),
  seed: number('seed', 0),
  sampleSeconds: number('sample-seconds', 0.1),
  backups: !values['no-backups'],
  checkMemory,
  bounds: DEFAULT_BOUNDS,
  log: (line) => console.log(line),
}).catch((e: unknown) => {
  // A failure outside the desks (setup, the station): no figures to print.
  console.error('The soak could not run:', e);
  process.exit(1);
});
const s = summary(result, loadAtStart);
console.log(`\n${table(s)}`);
const out = resolve(values.out!);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ ...s, memorySamples: result.sampler.samples }, null, 2)}\n`);
console.log(`\nFigures written to ${out}`);
process.exit(result.passed ? 0 : 1);
