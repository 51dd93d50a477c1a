import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningStation {
  url: string;
  dataDir: string;
  /** Calls the API as a desk would (POST /api/<method> with a bearer token). */
  api<T = unknown>(method: string, input: unknown, token?: string | null): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } }>;
  /** Calls the API and returns the value; a refused call fails the test with the method and the host's message. */
  must<T = unknown>(method: string, input: unknown, token?: string | null): Promise<T>;
  /** Stops the station; the data folder is removed unless `keepData` (to start again on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface StationOptions {
  /** An existing data folder (e.g. a stopped station's, kept with `stop({ keepData: true })`); default: a fresh temporary one. */
  dataDir?: string;
  /** Extra environment for the station process (e.g. `DIDAR_CLOCK_OFFSET_DAYS`). */
  env?: Record<string, string>;
  /** The port to listen on (e.g. a stopped station's, to come back where the browsers expect it); default: a free one. */
  port?: number;
  /** More command-line flags (e.g. `--host 0.0.0.0`, to be announced on the LAN). */
  args?: string[];
}

/** Starts `npm run station` (without rebuilding) on a free port with a fresh temporary data folder (or the one given). */
export async function startStation(options: StationOptions = {}): Promise<RunningStation> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'didar-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/station/cli.ts', '--port', String(options.port ?? 0), '--data', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /Didar station: (https?:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`station exited with ${code}:\n${log}`)));
  });
  const running: RunningStation = {
    url,
    dataDir,
    async api(method, input, token) {
      const res = await fetch(new URL(`/api/${method}`, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      return (await res.json()) as never;
    },
    async must(method, input, token) {
      const r = await running.api(method, input, token);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}${r.error.field ? ` (${r.error.field})` : ''}`);
      return r.value as never;
    },
    async stop(stopOptions) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!stopOptions?.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return running;
}
