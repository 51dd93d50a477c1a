import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Written } from '../results';
import type { BenchSession } from '../session';

/** Resident and peak memory of a process, in bytes, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/**
 * The station's memory with the data set: the host started alone in a child process over the
 * benchmark's file, then worked through HTTP the way a day's desks work it (searches, histories,
 * queue lists, two year-of-province reports), then its resident and peak memory read from /proc.
 * The headless Chromium it launches for PDFs is a separate process, not counted here.
 */
export async function stationMemory(session: BenchSession, file: string, quick: boolean): Promise<Written[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../stationHost.ts', import.meta.url)), '--db', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the station host ended (${code}) before listening`)));
    });
    const { url } = JSON.parse(first) as { url: string };
    const post = async (method: string, input: unknown) => {
      const res = await fetch(`${url}api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body;
    };
    const db = session.core.db;
    const started = memoryOf(child.pid!);
    const clients = db.prepare('SELECT id, last_name FROM clients WHERE rowid % 4999 = 11 LIMIT ?').all(quick ? 20 : 200) as { id: string; last_name: string }[];
    for (const c of clients) {
      await post('clients.search', { query: c.last_name.slice(0, 4) });
      await post('clients.history', { clientId: c.id });
    }
    await post('queue.list', { meetingId: session.meetingId });
    const last = (db.prepare('SELECT max(date) AS d FROM meetings').get() as { d: string }).d;
    for (const from of ['2020-01-01', new Date(Date.parse(last) - 364 * 86_400_000).toISOString().slice(0, 10)]) await post('reports.build', { from, to: last });
    const worked = memoryOf(child.pid!);
    return [
      { id: 'station.rss.start', name: 'station host memory at start (RSS)', value: started.rss / 2 ** 20, unit: 'MiB' },
      {
        id: 'station.rss',
        name: 'station host memory after a day\'s kinds of calls (RSS)',
        value: worked.rss / 2 ** 20,
        unit: 'MiB',
        note: `${clients.length} searches and histories, the queue, a report of all years and one of the last year; peak ${(worked.peak / 2 ** 20).toFixed(0)} MiB; Chromium for PDFs not included`,
      },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}
