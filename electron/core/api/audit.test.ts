import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHash } from '../domain/auditChain';
import { createOpenMeeting, createTempCore, firstCategoryId, must, mustFail, registerVisitor, type Call, type TempCore } from '../testing/tempCore';
import { verifyAudit } from './audit';

let t: TempCore;
let admin: Call;
beforeEach(() => {
  t = createTempCore();
  admin = t.as(t.setupAdmin());
  const meetingId = createOpenMeeting(admin);
  const categoryId = firstCategoryId(admin);
  for (let seed = 1; seed <= 3; seed++) registerVisitor(admin, meetingId, categoryId, seed);
});
afterEach(() => t.cleanup());

const entries = () => (t.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const row = (seq: number) => t.core.db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Record<string, string | number | null>;

describe('the audit chain', () => {
  it('links every entry to the one before; the check finds it whole and names the head', () => {
    const n = entries();
    expect(n).toBeGreaterThanOrEqual(5);
    const check = must(admin('audit.verify', {}));
    expect(check).toEqual({ entries: n, head: { seq: n, hash: row(n).hash }, broken: null });
    expect(row(1).prev_hash).toBe('0'.repeat(64));
    for (let seq = 2; seq <= n; seq++) expect(row(seq).prev_hash).toBe(row(seq - 1).hash);
  });

  it('finds an entry changed in place', () => {
    t.core.db.prepare(`UPDATE audit_log SET after = '{"firstName":"دیگری"}' WHERE seq = 3`).run();
    expect(verifyAudit(t.core.db).broken).toEqual({ seq: 3, reason: 'hash' });
  });

  it('finds an entry changed with its own hash made again: the next link no longer fits', () => {
    const r = row(3);
    const after = '{"firstName":"دیگری"}';
    const hash = auditHash({
      seq: 3,
      id: r.id as string,
      at: r.at as string,
      user_id: r.user_id as string | null,
      action: r.action as string,
      entity: r.entity as string,
      entity_id: r.entity_id as string,
      before: r.before as string | null,
      after,
      prev_hash: r.prev_hash as string,
    });
    t.core.db.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE seq = 3').run(after, hash);
    expect(verifyAudit(t.core.db).broken).toEqual({ seq: 4, reason: 'link' });
  });

  it('finds an entry deleted', () => {
    t.core.db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAudit(t.core.db).broken).toEqual({ seq: 2, reason: 'gap' });
  });

  it('the check command says OK or BROKEN with its exit code, reading the file of a running core', () => {
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-check.ts', '--db', t.file], { encoding: 'utf8' });
    const ok = run();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`OK: ${entries()} entries; head ${entries()} ${row(entries()).hash}`);
    t.core.db.prepare('DELETE FROM audit_log WHERE seq = 1').run();
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('BROKEN at entry 1 (gap)');
  });

  it('the viewer filters by record, person and action, newest first; only the admin sees it', () => {
    const all = must(admin('audit.list', {}));
    expect(all.total).toBe(entries());
    expect(all.rows[0]!.seq).toBe(entries());
    // The first admin was created before anyone signed in; every later entry names its person.
    expect(all.rows.filter((r) => r.userId !== null).every((r) => r.userName === 'مدیر سامانه')).toBe(true);
    expect(all.rows.at(-1)).toMatchObject({ seq: 1, userId: null, entity: 'user', action: 'create' });
    const visits = must(admin('audit.list', { entity: 'visit' }));
    expect(visits.total).toBe(3);
    expect(visits.rows.every((r) => r.entity === 'visit')).toBe(true);
    const one = must(admin('audit.list', { entity: 'visit', entityId: visits.rows[0]!.entityId }));
    expect(one.rows.map((r) => r.seq)).toEqual([visits.rows[0]!.seq]);
    const operator = t.as(t.signIn('operator', 'operator1'));
    expect(mustFail(operator('audit.list', {})).code).toBe('forbidden');
    expect(mustFail(operator('audit.verify', {})).code).toBe('forbidden');
  });
});
