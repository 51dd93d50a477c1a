/**
 * `npm run bench:report [-- --db bench/province.db]`: how long `reports.build` takes through
 * dispatch over a year of a whole province, a county's year and one meeting. With no --db it
 * generates a year of a province first (200,000 clients, 600,000 visits, 1,000,000 requests,
 * about three minutes) into a temporary folder. Not a test: run by hand; `npm run bench`
 * (issue 9) includes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { typedCall } from '../electron/core/api/dispatch';
import { createCore } from '../electron/core';
import { PROVINCE_PASSWORD, generateProvince } from './province/generate';

const { values } = parseArgs({ options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, password: { type: 'string', default: PROVINCE_PASSWORD }, runs: { type: 'string', default: '10' } } });
const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'didar-bench-report-'));
const file = values.db ?? join(dir!, 'province.db');
try {
  if (!values.db) generateProvince({ out: file, clients: 200_000, visits: 600_000, requests: 1_000_000, years: 1, end: '2026-11-20', seed: 1404 });
  const core = createCore({ file });
  const login = typedCall(core.dispatch, null)('auth.login', { username: 'admin', password: values.password });
  if (!login.ok) throw new Error(login.error.message);
  const call = typedCall(core.dispatch, login.value.token);
  const db = core.db;
  const last = (db.prepare('SELECT max(date) AS d FROM meetings').get() as { d: string }).d;
  const from = values.from ?? new Date(Date.parse(`${last}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const county = db.prepare("SELECT id FROM counties WHERE name = 'شاهرود'").pluck().get() as string;
  const meeting = db.prepare("SELECT id FROM meetings WHERE kind = 'province_day' ORDER BY date DESC LIMIT 1").pluck().get() as string;
  const inYear = db.prepare('SELECT count(*) AS visits, count(DISTINCT meeting_id) AS meetings FROM visits WHERE day BETWEEN ? AND ?').get(from, values.to ?? last) as {
    visits: number;
    meetings: number;
  };
  console.log(`year ${from} … ${values.to ?? last}: ${inYear.visits.toLocaleString('en')} visits in ${inYear.meetings.toLocaleString('en')} meetings`);
  const scopes = {
    'province, one year': { from, to: values.to ?? last },
    'county (Shahrud), one year': { from, to: values.to ?? last, countyId: county },
    'one province-day meeting': { meetingId: meeting },
  };
  for (const [name, scope] of Object.entries(scopes)) {
    const times: number[] = [];
    let requests = 0;
    for (let k = 0; k < Number(values.runs); k++) {
      const t = process.hrtime.bigint();
      const report = call('reports.build', scope);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (!report.ok) throw new Error(report.error.message);
      requests = report.value.headline.requests;
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor((q / 100) * times.length))]!.toFixed(0);
    console.log(`${name}: ${requests.toLocaleString('en')} requests — p50 ${p(50)} ms, p95 ${p(95)} ms`);
  }
  core.close();
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
