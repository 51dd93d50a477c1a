import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../contract';
import type { SyncImportResult } from '../contract/sync';
import {
  TEST_TODAY,
  createTempCore,
  must,
  mustFail,
  nationalIdFor,
  steppingClock,
  type Call,
  type TempCore,
} from '../testing/tempCore';

/**
 * The province-wide desk day (seed 004): two sites, each on its own station (its own temporary
 * database, its own seeded list ids), run a meeting through the API; the directorate imports
 * both files. Counts add up, the province report equals the sum of the sites', importing again
 * changes nothing, the same person at both sites is linked with the difference listed, and a
 * damaged file is refused before anything is written.
 */

const SHARED_SEED = 999;

interface Site {
  t: TempCore;
  admin: Call;
  official: Call;
  followup: Call;
  meetingId: string;
  siteName: string;
}

/** Runs a meeting day at a site: `visitors` new clients with two requests each, plus the shared client; all called, instructed, some referrals closed. */
function runSite(siteName: string, seedBase: number, visitors: number, sharedMobile: string): Site {
  const t = createTempCore(steppingClock(`${TEST_TODAY}T05:30:00.000Z`));
  const adminToken = t.setupAdmin();
  const admin = t.as(adminToken);
  const official = t.as(t.signIn('official', 'official1'));
  const followup = t.as(t.signIn('followup', 'followup1'));
  const lists = must(admin('lists.all', {}));
  const [catA, catB] = [lists.categories[0]!.id, lists.categories[1]!.id];
  const unitId = lists.units[0]!.id;
  const countyId = lists.counties[0]!.id;
  const meetingId = must(
    admin('meetings.create', { kind: 'province_day', title: `میز خدمت ${siteName}`, date: TEST_TODAY, place: siteName, presiding: 'رئیس سازمان', countyId }),
  ).id;
  must(admin('meetings.open', { id: meetingId }));
  for (let i = 0; i < visitors; i++) {
    must(
      admin('visits.register', {
        meetingId,
        newClient: { nationalId: nationalIdFor(seedBase + i), firstName: 'مددجو', lastName: `${siteName} ${i}`, sex: i % 2 ? 'male' : 'female', countyId },
        requests: [
          { categoryId: catA, text: 'درخواست وسایل کمک توانبخشی' },
          { categoryId: catB, text: 'درخواست مستمری' },
        ],
      }),
    );
  }
  must(
    admin('visits.register', {
      meetingId,
      newClient: { nationalId: nationalIdFor(SHARED_SEED), firstName: 'زهرا', lastName: 'احمدی', sex: 'female', mobile: sharedMobile, countyId },
      requests: [{ categoryId: catA, text: 'مناسب‌سازی منزل' }],
    }),
  );
  let n = 0;
  for (;;) {
    const called = must(official('queue.callNext', { meetingId, desk: 'میز ۱' }));
    if (!called) break;
    const detail = must(official('visits.detail', { visitId: called.visitId }));
    for (const r of detail.requests) {
      const answered = n++ % 3 === 0;
      const ins = must(
        official('instructions.issue', {
          requestId: r.id,
          fields: answered ? { kind: 'answered', text: 'پاسخ داده شد', answer: 'در جلسه انجام شد' } : { kind: 'unit', text: 'بررسی و اقدام', unitId, dueDate: TEST_TODAY },
        }),
      );
      if (!answered && n % 2 === 0) must(followup('followups.close', { instructionId: ins.id, outcome: 'done', note: 'انجام شد' }));
      else if (!answered) must(followup('followups.addStep', { instructionId: ins.id, kind: 'call', text: 'تماس گرفته شد' }));
    }
    must(official('visits.finish', { visitId: called.visitId }));
  }
  return { t, admin, official, followup, meetingId, siteName };
}

const count = (t: TempCore, table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Every row of every table (the FTS index's shadow tables too), for "nothing changed". */
function dump(t: TempCore, except: string[] = []): Record<string, unknown[]> {
  const tables = t.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) if (!except.includes(name)) out[name] = t.core.db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all();
  return out;
}

const HEADLINE_SUMMED = ['meetings', 'visits', 'requests', 'instructions', 'answeredOnSpot', 'open', 'closed', 'overdue', 'promisedToman', 'deliveredToman'] as const;

let a: Site;
let b: Site;
let d: TempCore;
let dir: Call;
let fileA: { fileName: string; content: string };
let fileB: { fileName: string; content: string };
let first: SyncImportResult;
let second: SyncImportResult;

beforeAll(() => {
  a = runSite('شهرستان سرخه', 100, 6, '09121111111');
  b = runSite('شهرستان گرمسار', 200, 4, '09122222222');
  // The tracking code of one of B's instructions happens to be one of A's (nine digits drawn at each site on its own).
  const codeA = (a.t.core.db.prepare('SELECT tracking_code FROM instructions ORDER BY issued_at LIMIT 1').get() as { tracking_code: string }).tracking_code;
  b.t.core.db.prepare("UPDATE instructions SET tracking_code = ? WHERE id = (SELECT id FROM instructions WHERE kind = 'answered' ORDER BY issued_at DESC LIMIT 1)").run(codeA);
  fileA = must(a.admin('sync.export', { meetingIds: [a.meetingId], siteName: a.siteName }));
  fileB = must(b.admin('sync.export', { meetingIds: [b.meetingId], siteName: b.siteName }));
  d = createTempCore(steppingClock(`${TEST_TODAY}T12:30:00.000Z`));
  dir = d.as(d.setupAdmin());
  first = must(dir('sync.import', { content: fileA.content, fileName: fileA.fileName }));
  second = must(dir('sync.import', { content: fileB.content, fileName: fileB.fileName }));
});
afterAll(() => {
  for (const t of [a?.t, b?.t, d]) t?.cleanup();
});

describe('site export', () => {
  it('is a versioned, checksummed Didar file without password hashes', () => {
    const file = JSON.parse(fileA.content) as { format: string; version: number; checksum: string; site: { siteName: string }; data: Record<string, { columns: string[]; rows: unknown[][] }> };
    expect(file.format).toBe('didar-site-export');
    expect(file.version).toBe(1);
    expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(file.site.siteName).toBe('شهرستان سرخه');
    expect(file.data.users!.columns).not.toContain('password_hash');
    expect(fileA.content).not.toContain('scrypt$');
    expect(file.data.visits!.columns).not.toContain('cmask');
    expect(file.data.visits!.rows).toHaveLength(7);
    expect(file.data.instructions!.columns).toContain('at_table');
    expect(fileA.fileName).toMatch(/^didar-site-2026-04-01-.*\.json$/);
  });

  it('sites seed their own list ids', () => {
    expect(must(a.admin('lists.all', {})).categories[0]!.id).not.toBe(must(b.admin('lists.all', {})).categories[0]!.id);
  });

  it('is for the admin only, and names meetings that exist', () => {
    expect(mustFail(a.official('sync.export', { meetingIds: [a.meetingId] })).code).toBe('forbidden');
    expect(mustFail(a.admin('sync.export', { meetingIds: ['no-such-meeting'] })).code).toBe('not_found');
    expect(mustFail(a.admin('sync.export', { meetingIds: [] })).code).toBe('invalid_input');
  });
});

describe('directorate import', () => {
  it('keeps every record of both sites: counts are the sums', () => {
    for (const table of ['meetings', 'visits', 'requests', 'instructions', 'follow_ups', 'calls']) {
      expect(count(d, table), table).toBe(count(a.t, table) + count(b.t, table));
    }
    // The same person (national ID) at both sites is one client here.
    expect(count(d, 'clients')).toBe(count(a.t, 'clients') + count(b.t, 'clients') - 1);
    expect(second.summary.linkedClients).toBe(1);
    expect(count(d, 'sync_client_links')).toBe(1);
    // Ids are kept: the visits of site A are here under the same UUIDv7 ids.
    const idsA = (a.t.core.db.prepare('SELECT id FROM visits ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    const here = d.core.db.prepare('SELECT count(*) AS n FROM visits WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(idsA)) as { n: number };
    expect(here.n).toBe(idsA.length);
  });

  it('the province report counts the whole day: the sum of the sites’ reports', () => {
    const ra = must(a.admin('reports.build', {})).headline;
    const rb = must(b.admin('reports.build', {})).headline;
    const province: Report = must(dir('reports.build', {}));
    for (const k of HEADLINE_SUMMED) expect(province.headline[k], k).toBe(ra[k] + rb[k]);
    expect(province.headline.clients).toBe(ra.clients + rb.clients - 1);
    expect(province.headline.requests).toBe(6 * 2 + 1 + 4 * 2 + 1);
  });

  it('maps list items by name and adds site users as placeholders that cannot sign in', () => {
    expect(count(d, 'categories')).toBe(count(a.t, 'categories'));
    const unknownCategory = d.core.db.prepare('SELECT count(*) AS n FROM requests WHERE category_id NOT IN (SELECT id FROM categories)').get() as { n: number };
    expect(unknownCategory.n).toBe(0);
    const placeholders = d.core.db.prepare("SELECT username, active, role FROM users WHERE username LIKE 'official1@site-%'").all() as { username: string; active: number; role: string }[];
    expect(placeholders).toHaveLength(2);
    expect(placeholders.every((u) => u.active === 0 && u.role === 'official')).toBe(true);
    expect(mustFail(d.as(null)('auth.login', { username: placeholders[0]!.username, password: 'user-password-1' })).code).toBe('unauthenticated');
  });

  it('summarizes per table and lists the imports', () => {
    const visits = first.summary.tables.find((x) => x.table === 'visits')!;
    expect(visits).toEqual({ table: 'visits', new: 7, present: 0, conflicts: 0 });
    expect(first.alreadyImported).toBe(false);
    const list = must(dir('sync.imports', {}));
    expect(list.map((i) => i.siteName).sort()).toEqual(['شهرستان سرخه', 'شهرستان گرمسار'].sort());
    const audits = d.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.import'").get() as { n: number };
    expect(audits.n).toBe(2);
  });

  it('a tracking code already taken here: the incoming instruction is kept with a new code and the clash is listed', () => {
    expect(second.summary.recodedInstructions).toBe(1);
    const conflicts = must(dir('sync.conflicts', {})).items.filter((c) => c.kind === 'tracking_code');
    expect(conflicts).toHaveLength(1);
    const c = conflicts[0]!;
    expect(c.local.tracking_code).toBe(c.incoming.tracking_code);
    expect(c.local.id).not.toBe(c.incoming.id);
    const stored = d.core.db.prepare('SELECT tracking_code FROM instructions WHERE id = ?').get(c.incoming.id) as { tracking_code: string };
    expect(stored.tracking_code).not.toBe(c.incoming.tracking_code);
    expect(mustFail(dir('sync.resolve', { conflictId: c.id, keep: 'incoming' })).code).toBe('invalid_input');
  });

  it('importing the same file again changes nothing', () => {
    const before = dump(d);
    const again = must(dir('sync.import', { content: fileA.content, fileName: fileA.fileName }));
    expect(again.alreadyImported).toBe(true);
    expect(again.id).toBe(first.id);
    expect(dump(d)).toEqual(before);
  });

  it('a new export of the same day (another file) adds nothing and records no conflict twice', () => {
    const before = dump(d, ['sync_imports', 'audit_log']);
    const reexport = must(b.admin('sync.export', { meetingIds: [b.meetingId], siteName: b.siteName }));
    expect(reexport.content).not.toBe(fileB.content);
    const result = must(dir('sync.import', { content: reexport.content, fileName: reexport.fileName }));
    expect(result.alreadyImported).toBe(false);
    expect(result.summary.newTotal).toBe(0);
    expect(result.summary.tables.find((x) => x.table === 'visits')).toEqual({ table: 'visits', new: 0, present: 5, conflicts: 0 });
    expect(dump(d, ['sync_imports', 'audit_log'])).toEqual(before);
  });

  it('the same client edited differently is a conflict with both versions; the person decides', () => {
    const open = must(dir('sync.conflicts', {}));
    const c = open.items.find((x) => x.entity === 'clients')!;
    expect(c.kind).toBe('different');
    expect(c.differences).toEqual(['mobile']);
    expect(c.local.mobile).toBe('09121111111');
    expect(c.incoming.mobile).toBe('09122222222');
    expect(c.title).toContain(nationalIdFor(SHARED_SEED));
    const resolved = must(dir('sync.resolve', { conflictId: c.id, keep: 'incoming' }));
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolution).toBe('incoming');
    expect(resolved.local.mobile).toBe('09121111111');
    expect(resolved.incoming.mobile).toBe('09122222222');
    const client = must(dir('clients.byNationalId', { nationalId: nationalIdFor(SHARED_SEED) }));
    expect(client?.mobile).toBe('09122222222');
    expect(mustFail(dir('sync.resolve', { conflictId: c.id, keep: 'local' })).code).toBe('conflict');
    const audits = d.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.resolve' AND entity = 'clients'").get() as { n: number };
    expect(audits.n).toBe(1);
    expect(d.events.some((e) => e.name === 'sync.changed')).toBe(true);
    const all = must(dir('sync.conflicts', { status: 'all' }));
    expect(all.items.find((x) => x.id === c.id)?.status).toBe('resolved');
    expect(all.open).toBe(open.open - 1);
  });

  it('a tampered, foreign or newer file is refused with a Persian error naming it, and writes nothing', () => {
    const before = dump(d);
    const tampered = fileA.content.replace('درخواست مستمری', 'درخواست مستمری ویژه');
    expect(tampered).not.toBe(fileA.content);
    const e1 = mustFail(dir('sync.import', { content: tampered, fileName: 'sorkheh.json' }));
    expect(e1.code).toBe('invalid_input');
    expect(e1.message).toContain('sorkheh.json');
    expect(e1.message).toContain('آسیب');
    const e2 = mustFail(dir('sync.import', { content: '{"hello": 1}', fileName: 'x.json' }));
    expect(e2.message).toContain('پرونده خروجی میز دیدار نیست');
    const e3 = mustFail(dir('sync.import', { content: 'not json at all', fileName: 'y.txt' }));
    expect(e3.message).toContain('y.txt');
    const newer = JSON.parse(fileA.content) as { version: number };
    newer.version = 2;
    expect(mustFail(dir('sync.import', { content: JSON.stringify(newer), fileName: 'z.json' })).message).toContain('نسخه تازه‌تری');
    expect(mustFail(b.official('sync.import', { content: fileA.content })).code).toBe('forbidden');
    expect(dump(d)).toEqual(before);
  });

  it('a site record changed after it came in is a conflict; the local one is kept until a person takes the incoming one', () => {
    // Site A reopens nothing but closes one more referral after its first export, then exports again.
    const open = a.t.core.db.prepare("SELECT id FROM instructions WHERE status = 'open' ORDER BY issued_at LIMIT 1").get() as { id: string };
    must(a.followup('followups.close', { instructionId: open.id, outcome: 'done', note: 'بعداً انجام شد' }));
    const later = must(a.admin('sync.export', { meetingIds: [a.meetingId], siteName: a.siteName }));
    const closedBefore = must(dir('reports.build', {})).headline.closed;
    const result = must(dir('sync.import', { content: later.content, fileName: later.fileName }));
    expect(result.summary.tables.find((x) => x.table === 'instructions')?.conflicts).toBe(1);
    expect(result.summary.tables.find((x) => x.table === 'follow_ups')?.new).toBe(1);
    expect((d.core.db.prepare('SELECT status FROM instructions WHERE id = ?').get(open.id) as { status: string }).status).toBe('open');
    const c = must(dir('sync.conflicts', {})).items.find((x) => x.entity === 'instructions' && x.entityId === open.id)!;
    expect(c.differences).toContain('status');
    must(dir('sync.resolve', { conflictId: c.id, keep: 'incoming' }));
    expect((d.core.db.prepare('SELECT status FROM instructions WHERE id = ?').get(open.id) as { status: string }).status).toBe('closed');
    expect(must(dir('reports.build', {})).headline.closed).toBe(closedBefore + 1);
  });
});
