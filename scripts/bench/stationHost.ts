/**
 * The station host alone in a process of its own, over the benchmark's database, for the memory
 * figure (scripts/bench/figures/memory.ts starts it). Prints one line of JSON with its address
 * once it listens; ends on SIGTERM.
 */
import { parseArgs } from 'node:util';
import { createCore } from '../../electron/core';
import { startStation } from '../../electron/station/server';
import { RENDERER_DIR } from './station';

const { values } = parseArgs({ options: { db: { type: 'string' } } });
if (!values.db) throw new Error('--db is required');
const core = createCore({ file: values.db });
const station = await startStation({ core, rendererDir: RENDERER_DIR, port: 0 });
process.stdout.write(`${JSON.stringify({ url: station.url })}\n`);
process.on('SIGTERM', () => {
  void station.close().then(() => {
    core.close();
    process.exit(0);
  });
});
