/**
 * `npm run bench:synchronous [-- --intakes 2000]`: what each `synchronous` level costs an
 * intake (a new client, a visit, three requests and a ticket, through dispatch) on this disk,
 * in WAL mode, measured side by side in one run. The choice and what a power cut can cost at it
 * are written in docs/PERFORMANCE.md. Not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { typedCall } from '../electron/core/api/dispatch';
import { withCheckDigit } from '../electron/core/domain/nationalId';
import { createCore } from '../electron/core';

const { values } = parseArgs({ options: { intakes: { type: 'string', default: '2000' } } });
const N = Number(values.intakes);
const LEVELS = ['OFF', 'NORMAL', 'FULL'] as const;

function measure(level: (typeof LEVELS)[number]) {
  const dir = mkdtempSync(join(tmpdir(), 'didar-bench-sync-'));
  try {
    const core = createCore({ file: join(dir, 'didar.db') });
    core.db.pragma(`synchronous = ${level}`);
    const setup = typedCall(core.dispatch, null)('auth.setup', { username: 'admin', displayName: 'مدیر', password: 'bench-password-1' });
    if (!setup.ok) throw new Error(setup.error.message);
    const call = typedCall(core.dispatch, setup.value.token);
    const meeting = call('meetings.create', { kind: 'weekly_public', title: 'سنجش', date: '2026-11-23', place: 'اداره کل', presiding: '' });
    if (!meeting.ok) throw new Error(meeting.error.message);
    call('meetings.open', { id: meeting.value.id });
    const lists = call('lists.all', {});
    if (!lists.ok) throw new Error(lists.error.message);
    const categoryId = lists.value.categories[0]!.id;
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = process.hrtime.bigint();
      const r = call('visits.register', {
        meetingId: meeting.value.id,
        newClient: { nationalId: withCheckDigit(String(300_000_000 + i * 7).slice(-9)), firstName: 'مددجو', lastName: `شماره ${i}`, sex: 'female' },
        requests: [1, 2, 3].map((k) => ({ categoryId, text: `درخواست ${k}` })),
      });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (!r.ok) throw new Error(r.error.message);
    }
    core.close();
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.floor((q / 100) * (times.length - 1))]!;
    return { level, p50: at(50), p95: at(95), p99: at(99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`${N} intakes per level (WAL), through dispatch, on ${tmpdir()}`);
for (const level of LEVELS) {
  const r = measure(level);
  console.log(`synchronous=${r.level.padEnd(6)} p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms`);
}
