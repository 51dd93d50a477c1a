/**
 * `npm run bench:report [-- --visits 30000]`: builds the whole-province report over a generated
 * year (50 meetings, N visits with two requests and an instruction each) and prints how long
 * `reports.build` takes through dispatch. Not a test: run by hand; issue 9's benchmark replaces it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { typedCall } from '../electron/core/api/dispatch';
import { newId } from '../electron/core/domain/ids';
import { withCheckDigit } from '../electron/core/domain/nationalId';
import { createCore } from '../electron/core';

const { values } = parseArgs({ options: { visits: { type: 'string', default: '30000' } } });
const N = Number(values.visits);
const dir = mkdtempSync(join(tmpdir(), 'didar-bench-report-'));
try {
  const core = createCore({ file: join(dir, 'didar.db') });
  const setup = typedCall(core.dispatch, null)('auth.setup', { username: 'admin', displayName: 'مدیر', password: 'bench-password' });
  if (!setup.ok) throw new Error(setup.error.message);
  const call = typedCall(core.dispatch, setup.value.token);
  const lists = call('lists.all', {});
  if (!lists.ok) throw new Error(lists.error.message);
  const uid = setup.value.user.userId;
  const now = new Date().toISOString();
  const db = core.db;
  const t0 = Date.now();
  db.transaction(() => {
    const meetings = Array.from({ length: 50 }, (_, m) => {
      const id = newId();
      db.prepare(`INSERT INTO meetings (id, kind, title, date, place, status, created_by, created_at) VALUES (?, 'weekly_public', 'ملاقات', ?, 'اداره کل', 'closed', ?, ?)`).run(
        id,
        `2026-${String(1 + (m % 12)).padStart(2, '0')}-10`,
        uid,
        now,
      );
      return id;
    });
    const client = db.prepare(
      `INSERT INTO clients (id, national_id, first_name, last_name, sex, county_id, circumstances, search_text, created_by, created_at, updated_at)
       VALUES (?, ?, 'مددجو', 'نمونه', 'male', ?, '[]', 'مددجو نمونه', ?, ?, ?)`,
    );
    const visit = db.prepare(
      `INSERT INTO visits (id, meeting_id, client_id, ticket, sort_key, status, desk, registered_by, registered_at, called_at, first_called_at, started_at, finished_at)
       VALUES (?, ?, ?, ?, ?, 'done', 'میز ۱', ?, ?, ?, ?, ?, ?)`,
    );
    const request = db.prepare(`INSERT INTO requests (id, visit_id, position, category_id, text, created_by, created_at) VALUES (?, ?, ?, ?, 'درخواست', ?, ?)`);
    const instruction = db.prepare(
      `INSERT INTO instructions (id, request_id, visit_id, client_id, tracking_code, kind, text, unit_id, due_date, amount_rials, funder, status, issued_by, issued_at, last_step_at)
       VALUES (?, ?, ?, ?, ?, 'unit', 'دستور', ?, '2026-12-01', 1000000, 'welfare', 'open', ?, ?, ?)`,
    );
    let code = 100_000_000;
    for (let i = 0; i < N; i++) {
      const c = newId();
      client.run(c, withCheckDigit(String(300_000_000 + i).slice(-9)), lists.value.counties[i % lists.value.counties.length]!.id, uid, now, now);
      const v = newId();
      visit.run(v, meetings[i % meetings.length], c, i + 1, i + 1, uid, now, now, now, now, now);
      for (let r = 0; r < 2; r++) {
        const rid = newId();
        request.run(rid, v, r + 1, lists.value.categories[(i + r) % lists.value.categories.length]!.id, uid, now);
        instruction.run(newId(), rid, v, c, String(code++), lists.value.units[0]!.id, uid, now, now);
      }
    }
  })();
  console.log(`generated ${N.toLocaleString('en')} visits, ${(2 * N).toLocaleString('en')} requests and instructions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (let k = 0; k < 3; k++) {
    const t = process.hrtime.bigint();
    const report = call('reports.build', {});
    if (!report.ok) throw new Error(report.error.message);
    console.log(`reports.build (whole province): ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms`);
  }
  core.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
