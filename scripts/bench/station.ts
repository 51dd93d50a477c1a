import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStation, type Station } from '../../electron/station/server';
import type { BenchSession } from './session';

/** The built renderer the station serves (the PDF figure prints its pages). */
export const RENDERER_DIR = resolve('out/renderer');
export const rendererBuilt = () => existsSync(join(RENDERER_DIR, 'index.html'));

/** The station host in this process, over the benchmark's core, on a free port of 127.0.0.1. */
export function benchStation(session: BenchSession): Promise<Station> {
  return startStation({ core: session.core, rendererDir: RENDERER_DIR, port: 0 });
}
