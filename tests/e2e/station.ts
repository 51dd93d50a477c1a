import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningStation {
  url: string;
  dataDir: string;
  /** Calls the API as a desk would (POST /api/<method> with a bearer token). */
  api<T = unknown>(method: string, input: unknown, token?: string | null): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } }>;
  stop(): Promise<void>;
}

/** Starts `npm run station` (without rebuilding) on a free port with a fresh temporary data folder. */
export async function startStation(): Promise<RunningStation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'didar-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/station/cli.ts', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not start:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /Didar station: (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`station exited with ${code}:\n${log}`)));
  });
  return {
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
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
