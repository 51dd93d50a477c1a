import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Circumstance } from '../contract';
import { CALLER_KINDS, type CallerKind, type CampaignCounts, type CampaignReport, type WorklistItem } from '../contract/campaigns';
import { ADMIN_PASSWORD, createTempCore, firstCategoryId, logIn, must, mustFail, nationalIdFor, type Call, type TempCore } from '../testing/tempCore';

/**
 * Issue 7, the phone outreach campaign (seed 000): the call list drawn by county and
 * circumstances, shared by caller kind; calls by three callers of different kinds on two
 * days; the report's counts checked against independent SQL counts, every total the sum of
 * its parts; a reached call's requests are a visit the official calls and instructs.
 */

const PERSIAN = /[\u0600-\u06FF]/;
const DAY_MS = 24 * 60 * 60 * 1000;

let t: TempCore;
let admin: Call;
let official: Call;
let categoryId: string;
let countyA: string;
let countyB: string;
let countyC: string;
const callers: Record<'s1' | 's2' | 'p1' | 'i1', { call: Call; id: string; kind: CallerKind; username: string }> = {} as never;
let outsider: Call;
let unitUserId: string;
let seed = 900;

function client(countyId: string, circumstances: Circumstance[], mobile = '09121234567'): string {
  seed += 1;
  return must(
    admin('clients.create', {
      nationalId: nationalIdFor(seed),
      firstName: 'مددجو',
      lastName: `شماره ${seed}`,
      sex: seed % 2 ? 'female' : 'male',
      mobile,
      countyId,
      circumstances,
    }),
  ).id;
}

beforeAll(() => {
  t = createTempCore();
  admin = t.as(t.setupAdmin());
  official = t.as(t.signIn('official', 'official1'));
  const sign = (role: 'operator' | 'followup' | 'official', username: string, kind: CallerKind) => {
    const call = t.as(t.signIn(role, username));
    return { call, id: must(call('auth.me', {})).userId, kind, username };
  };
  callers.s1 = sign('operator', 'state1', 'state_social_worker');
  callers.s2 = sign('followup', 'state2', 'state_social_worker');
  callers.p1 = sign('operator', 'private1', 'private_social_worker');
  callers.i1 = sign('operator', 'inst1', 'supervised_institution');
  outsider = t.as(t.signIn('operator', 'outsider'));
  categoryId = firstCategoryId(admin);
  const lists = must(admin('lists.all', {}));
  [countyA, countyB, countyC] = lists.counties.map((c) => c.id) as [string, string, string];
  const unit = lists.units[0]!;
  must(admin('users.create', { username: 'unit1', displayName: 'نماینده واحد', role: 'unit', unitId: unit.id, password: 'user-password-1' }));
  unitUserId = (t.core.db.prepare(`SELECT id FROM users WHERE username = 'unit1'`).get() as { id: string }).id;
});
afterAll(() => {
  // Every refusal above was on purpose: nothing reached a caller as `internal`.
  expect(t.internalErrors).toEqual([]);
  t.cleanup();
});

describe('campaigns: the call list and shares', () => {
  let campaignId: string;
  const expected = new Set<string>();

  beforeAll(() => {
    // County A: six with a disability (one also elderly), one without a mobile, two orphans only.
    for (let i = 0; i < 5; i++) expected.add(client(countyA, ['disability']));
    expected.add(client(countyA, ['disability', 'elderly']));
    client(countyA, ['disability'], '');
    client(countyA, ['orphan']);
    client(countyA, ['orphan']);
    // County B: five elderly, one female head of household.
    for (let i = 0; i < 5; i++) expected.add(client(countyB, ['elderly']));
    client(countyB, ['female_head']);
    // County C is not chosen.
    for (let i = 0; i < 3; i++) client(countyC, ['disability']);
  });

  it('creates a campaign with its own open phone-outreach meeting', () => {
    const c = must(official('campaigns.create', { title: 'تماس با مددجویان فروردین', from: '2026-04-01', to: '2026-04-14', countyIds: [countyA, countyB], circumstances: ['disability', 'elderly'] }));
    campaignId = c.id;
    expect(c.countyIds).toEqual([countyA, countyB]);
    expect(c.meetingStatus).toBe('open');
    const meeting = must(official('meetings.get', { id: c.meetingId }));
    expect(meeting.kind).toBe('phone_outreach');
    expect(meeting.status).toBe('open');
    expect(t.events.some((e) => e.name === 'campaigns.changed' && e.payload.campaignId === c.id)).toBe(true);
    expect(t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'campaign' AND entity_id = ?`).get(c.id)).toEqual({ n: 1 });
  });

  it('refuses bad input with a Persian message naming the field, and callers other than staff', () => {
    const period = mustFail(official('campaigns.create', { title: 'پویش', from: '2026-04-10', to: '2026-04-01' }));
    expect(period).toMatchObject({ code: 'invalid_input', field: 'to' });
    expect(period.message).toMatch(PERSIAN);
    const county = mustFail(official('campaigns.create', { title: 'پویش', from: '2026-04-01', to: '2026-04-02', countyIds: ['no-such-county'] }));
    expect(county).toMatchObject({ code: 'invalid_input', field: 'countyIds' });
    const kind = mustFail(t.core.dispatch('campaigns.setCallers', { campaignId, callers: [{ userId: callers.s1.id, kind: 'volunteer' }] }, tokenOf('official1')));
    expect(kind).toMatchObject({ code: 'invalid_input', field: 'callers.0.kind' });
    expect(kind.message).toMatch(/نوع تماس‌گیرنده/);
    const rep = mustFail(official('campaigns.setCallers', { campaignId, callers: [{ userId: unitUserId, kind: 'state_social_worker' }] }));
    expect(rep).toMatchObject({ code: 'invalid_input', field: 'callers.0.userId' });
    const twice = mustFail(official('campaigns.setCallers', { campaignId, callers: [{ userId: callers.s1.id, kind: 'state_social_worker' }, { userId: callers.s1.id, kind: 'private_social_worker' }] }));
    expect(twice).toMatchObject({ code: 'invalid_input', field: 'callers.1.userId' });
    expect(mustFail(callers.s1.call('campaigns.create', { title: 'پویش', from: '2026-04-01', to: '2026-04-02' })).code).toBe('forbidden');
    expect(mustFail(official('campaigns.draw', { campaignId })).code).toBe('conflict');
    expect(mustFail(official('campaigns.get', { campaignId: 'missing' }))).toMatchObject({ code: 'not_found', field: 'campaignId' });
  });

  it('draws clients of the chosen counties with any chosen circumstance and a mobile, and shares them by kind', () => {
    must(official('campaigns.setCallers', { campaignId, callers: Object.values(callers).map((c) => ({ userId: c.id, kind: c.kind })) }));
    const drawn = must(official('campaigns.draw', { campaignId }));
    expect(drawn.added).toBe(11);
    const rows = t.core.db.prepare('SELECT client_id, county_id, caller_id FROM campaign_targets WHERE campaign_id = ?').all(campaignId) as {
      client_id: string;
      county_id: string;
      caller_id: string;
    }[];
    expect(new Set(rows.map((r) => r.client_id))).toEqual(expected);
    const kindOf = new Map(Object.values(callers).map((c) => [c.id, c.kind]));
    // Each kind an equal share (±1) of the whole list and of each county's part of it.
    for (const part of [rows, rows.filter((r) => r.county_id === countyA), rows.filter((r) => r.county_id === countyB)]) {
      const perKind = CALLER_KINDS.map((k) => part.filter((r) => kindOf.get(r.caller_id) === k).length);
      expect(Math.max(...perKind) - Math.min(...perKind)).toBeLessThanOrEqual(1);
      expect(perKind.reduce((a, b) => a + b, 0)).toBe(part.length);
    }
    // The two state social workers share their kind's part.
    const s1 = rows.filter((r) => r.caller_id === callers.s1.id).length;
    const s2 = rows.filter((r) => r.caller_id === callers.s2.id).length;
    expect(s1 + s2).toBe(4);
    expect(Math.abs(s1 - s2)).toBeLessThanOrEqual(1);
    expect(drawn.campaign.callers.map((c) => c.targets).reduce((a, b) => a + b, 0)).toBe(11);
    // Drawing again adds no one twice.
    expect(must(official('campaigns.draw', { campaignId })).added).toBe(0);
    expect(must(official('campaigns.get', { campaignId })).targets.total).toBe(11);
  });

  it("shows a caller only their own list, a manager all of it, and an outsider nothing", () => {
    const own = must(callers.s1.call('campaigns.worklist', { campaignId }));
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((i) => i.callerId === callers.s1.id)).toBe(true);
    // A caller cannot widen their list by naming another caller.
    const asked = must(callers.s1.call('campaigns.worklist', { campaignId, callerId: callers.p1.id }));
    expect(asked.items.every((i) => i.callerId === callers.s1.id)).toBe(true);
    expect(must(official('campaigns.worklist', { campaignId })).total).toBe(11);
    expect(must(official('campaigns.worklist', { campaignId, callerId: callers.p1.id })).items.every((i) => i.callerId === callers.p1.id)).toBe(true);
    expect(mustFail(outsider('campaigns.worklist', { campaignId })).code).toBe('forbidden');
  });
});

/** Signs everyone in again (after the clock moved past the sessions' lifetime). */
function relogin(): void {
  admin = t.as(logIn(t, 'admin', ADMIN_PASSWORD));
  official = t.as(logIn(t, 'official1'));
  outsider = t.as(logIn(t, 'outsider'));
  for (const c of Object.values(callers)) c.call = t.as(logIn(t, c.username));
}

/** The official's token, for dispatching an input of the wrong shape. */
function tokenOf(username: string): string {
  return must(t.as(null)('auth.login', { username, password: 'user-password-1' })).token;
}

describe('campaigns: calls on two days and the report', () => {
  let campaignId: string;
  let meetingId: string;
  let recorded = 0;
  const reachedWithRequests: { visitId: string; requests: number }[] = [];

  const next = (who: keyof typeof callers): WorklistItem => {
    const item = must(callers[who].call('campaigns.worklist', { campaignId })).items[0];
    if (!item) throw new Error(`${who} has nothing to call`);
    return item;
  };
  function record(who: keyof typeof callers, result: 'reached' | 'not_reached' | 'call_back', texts: string[] = [], callbackOn: string | null = null) {
    const item = next(who);
    const r = must(
      callers[who].call('campaigns.recordCall', { targetId: item.targetId, result, note: 'تماس گرفته شد', callbackOn, requests: texts.map((text) => ({ categoryId, text })) }),
    );
    recorded += 1;
    if (r.ticket) reachedWithRequests.push({ visitId: r.ticket.visitId, requests: texts.length });
    return r;
  }

  beforeAll(() => {
    for (let i = 0; i < 4; i++) client(countyA, ['low_income']);
    for (let i = 0; i < 5; i++) client(countyB, ['low_income']);
    for (let i = 0; i < 3; i++) client(countyC, ['low_income']);
    const c = must(official('campaigns.create', { title: 'پویش کم‌درآمدها', from: '2026-04-01', to: '2026-04-10', circumstances: ['low_income'] }));
    campaignId = c.id;
    meetingId = c.meetingId;
    must(official('campaigns.setCallers', { campaignId, callers: [callers.s1, callers.p1, callers.i1].map((x) => ({ userId: x.id, kind: x.kind })) }));
    expect(must(official('campaigns.draw', { campaignId })).added).toBe(12);
  });

  it('records calls: checks, results and a visit for the requests raised', () => {
    // Day one (1 Farvardin… the test clock's 2026-04-01).
    const first = record('s1', 'reached', ['درخواست ویلچر', 'درخواست مستمری']);
    expect(first.call).toMatchObject({ result: 'reached', requests: 2, callerKind: 'state_social_worker', day: '2026-04-01' });
    expect(first.target.status).toBe('reached');
    expect(first.ticket?.meetingId).toBe(meetingId);
    // A reached client is not called again, and leaves the worklist.
    const again = mustFail(callers.s1.call('campaigns.recordCall', { targetId: first.target.targetId, result: 'not_reached' }));
    expect(again.code).toBe('conflict');
    expect(must(callers.s1.call('campaigns.worklist', { campaignId })).items.some((i) => i.targetId === first.target.targetId)).toBe(false);

    record('s1', 'not_reached');
    const target = next('p1');
    const noRequests = mustFail(callers.p1.call('campaigns.recordCall', { targetId: target.targetId, result: 'not_reached', requests: [{ categoryId, text: 'درخواست' }] }));
    expect(noRequests).toMatchObject({ code: 'invalid_input', field: 'requests' });
    expect(noRequests.message).toMatch(PERSIAN);
    expect(mustFail(callers.p1.call('campaigns.recordCall', { targetId: target.targetId, result: 'call_back', callbackOn: '2026-03-30' }))).toMatchObject({
      code: 'invalid_input',
      field: 'callbackOn',
    });
    expect(mustFail(callers.p1.call('campaigns.recordCall', { targetId: target.targetId, result: 'reached', requests: [{ categoryId: 'nope', text: 'درخواست' }] }))).toMatchObject({
      code: 'invalid_input',
      field: 'requests.0.categoryId',
    });
    expect(mustFail(callers.p1.call('campaigns.recordCall', { targetId: target.targetId, result: 'maybe' as never })).message).toMatch(/نتیجه تماس/);
    // Not one of the callers, or another caller's client.
    expect(mustFail(outsider('campaigns.recordCall', { targetId: target.targetId, result: 'reached' })).code).toBe('forbidden');
    expect(mustFail(callers.s1.call('campaigns.recordCall', { targetId: target.targetId, result: 'reached' })).code).toBe('forbidden');
    expect(t.core.db.prepare('SELECT count(*) AS n FROM campaign_calls WHERE target_id = ?').get(target.targetId)).toEqual({ n: 0 });

    // A call-back with no day set waits until the next day: the pending clients come first.
    const undated = record('i1', 'call_back');
    expect(undated.target).toMatchObject({ status: 'call_back', callbackOn: null });
    const iList = must(callers.i1.call('campaigns.worklist', { campaignId })).items;
    expect(iList.at(-1)!.targetId).toBe(undated.target.targetId);
    expect(iList.slice(0, -1).every((i) => i.status === 'pending')).toBe(true);
    const back = record('p1', 'call_back', [], '2026-04-02');
    expect(back.target).toMatchObject({ status: 'call_back', callbackOn: '2026-04-02', attempts: 1 });
    record('p1', 'reached');
    record('i1', 'not_reached');
    record('i1', 'reached', ['درخواست مناسب‌سازی منزل']);

    // Day two: a new working day, everyone signs in again.
    t.clock.advance(DAY_MS);
    relogin();
    // The call-back due today comes first in the caller's list.
    expect(next('p1').targetId).toBe(back.target.targetId);
    const second = record('p1', 'reached', ['درخواست اشتغال']);
    expect(second.call.day).toBe('2026-04-02');
    expect(second.target.attempts).toBe(2);
    record('s1', 'call_back');
    record('s1', 'reached', ['درخواست کمک هزینه درمان']);
    record('i1', 'reached');
    record('i1', 'not_reached');
    // The admin, not a caller, records for the client's caller.
    const item = must(admin('campaigns.worklist', { campaignId, callerId: callers.p1.id })).items[0]!;
    const byAdmin = must(admin('campaigns.recordCall', { targetId: item.targetId, result: 'not_reached' }));
    recorded += 1;
    expect(byAdmin.call).toMatchObject({ callerId: callers.p1.id, callerKind: 'private_social_worker' });
    expect(recorded).toBe(13);
  });

  it("adds up: per county and per caller kind by day, against independent counts", () => {
    const r: CampaignReport = must(official('campaigns.report', { campaignId }));
    expect(r.days).toEqual(['2026-04-01', '2026-04-02']);
    expect(r.total.calls).toBe(recorded);

    // Independent counts: county from the client's record, kind from the campaign's callers,
    // day from the instant, requests from the requests table of the visits registered.
    const tehranDay = `date(k.at, '+210 minutes')`;
    const base = `FROM campaign_calls k JOIN campaign_targets tg ON tg.id = k.target_id JOIN clients cl ON cl.id = tg.client_id
      JOIN campaign_callers cc ON cc.campaign_id = k.campaign_id AND cc.user_id = k.caller_id WHERE k.campaign_id = ?`;
    const independent = (group: string) =>
      t.core.db
        .prepare(
          `SELECT ${tehranDay} AS day, ${group} AS g, count(*) AS calls, sum(k.result = 'reached') AS reached, sum(k.result = 'not_reached') AS notReached,
             sum(k.result = 'call_back') AS callBack, sum((SELECT count(*) FROM requests rq WHERE rq.visit_id = k.visit_id)) AS requests
           ${base} GROUP BY 1, 2`,
        )
        .all(campaignId) as (CampaignCounts & { day: string; g: string })[];
    const key = (day: string, g: string) => `${day}|${g}`;
    const strip = (c: CampaignCounts): CampaignCounts => ({ calls: c.calls, reached: c.reached, notReached: c.notReached, callBack: c.callBack, requests: c.requests });
    const byCountySql = new Map(independent('cl.county_id').map((x) => [key(x.day, x.g), strip(x)]));
    const byKindSql = new Map(independent('cc.caller_kind').map((x) => [key(x.day, x.g), strip(x)]));
    expect(new Map(r.byCounty.map((x) => [key(x.day, x.countyId), strip(x)]))).toEqual(byCountySql);
    expect(new Map(r.byKind.map((x) => [key(x.day, x.kind), strip(x)]))).toEqual(byKindSql);
    // Each kind called on both days; the counties of the list all appear.
    expect(new Set(r.byKind.map((x) => x.kind))).toEqual(new Set(CALLER_KINDS));
    expect(r.counties.map((c) => c.id)).toEqual(expect.arrayContaining([countyA, countyB, countyC]));

    const sum = (rows: readonly CampaignCounts[]): CampaignCounts =>
      rows.reduce((a, c) => ({ calls: a.calls + c.calls, reached: a.reached + c.reached, notReached: a.notReached + c.notReached, callBack: a.callBack + c.callBack, requests: a.requests + c.requests }), {
        calls: 0,
        reached: 0,
        notReached: 0,
        callBack: 0,
        requests: 0,
      });
    // Every total is the sum of its parts, and the two tables agree.
    for (const d of r.dayTotals) {
      expect(strip(d)).toEqual(sum(r.byCounty.filter((x) => x.day === d.day)));
      expect(strip(d)).toEqual(sum(r.byKind.filter((x) => x.day === d.day)));
    }
    for (const c of r.countyTotals) expect(strip(c)).toEqual(sum(r.byCounty.filter((x) => x.countyId === c.countyId)));
    for (const k of r.kindTotals) expect(strip(k)).toEqual(sum(r.byKind.filter((x) => x.kind === k.kind)));
    expect(r.total).toEqual(sum(r.dayTotals));
    expect(r.total).toEqual(sum(r.countyTotals));
    expect(r.total).toEqual(sum(r.kindTotals));
    expect(r.total).toEqual(sum(r.byCaller));
    for (const x of [r.total]) expect(x.calls).toBe(x.reached + x.notReached + x.callBack);
    // Per caller: the three callers' own calls.
    const calls = (id: string) => (t.core.db.prepare('SELECT count(*) AS n FROM campaign_calls WHERE caller_id = ? AND campaign_id = ?').get(id, campaignId) as { n: number }).n;
    for (const c of r.byCaller) expect(c.calls).toBe(calls(c.userId));
    // The requests raised are the meeting's requests, as the directorate's report counters hold them.
    expect(r.total.requests).toBe(reachedWithRequests.reduce((a, x) => a + x.requests, 0));
    const counted = t.core.db.prepare(`SELECT coalesce(sum(n), 0) AS n FROM report_counts WHERE meeting_id = ? AND measure = 'requests'`).get(meetingId) as { n: number };
    expect(counted.n).toBe(r.total.requests);
    // Target states follow the last call.
    const c = must(official('campaigns.get', { campaignId }));
    expect(c.calls).toBe(recorded);
    expect(c.targets.reached).toBe(r.total.reached);
  });

  it("puts a reached call's requests before the official like any visit: called and instructed", () => {
    const first = reachedWithRequests[0]!;
    const called = must(official('queue.callNext', { meetingId, desk: 'میز تلفنی' }));
    expect(called?.visitId).toBe(first.visitId);
    expect(called!.requests).toHaveLength(first.requests);
    for (const req of called!.requests) {
      const ins = must(official('instructions.issue', { requestId: req.id, fields: { kind: 'answered', text: 'پاسخ تلفنی', answer: 'پرونده بررسی و پاسخ داده شد' } }));
      expect(ins.status).toBe('closed');
    }
    must(official('visits.finish', { visitId: first.visitId }));
    const q = must(official('queue.list', { meetingId }));
    expect(q.waiting.length).toBe(reachedWithRequests.length - 1);
  });

  it('shares open work again when callers change, keeping the calls already made', () => {
    const before = t.core.db.prepare('SELECT count(*) AS n FROM campaign_calls WHERE campaign_id = ?').get(campaignId);
    const set = must(official('campaigns.setCallers', { campaignId, callers: [callers.s1, callers.p1, callers.s2].map((x) => ({ userId: x.id, kind: x.kind })) }));
    expect(set.campaign.callers.map((c) => c.userId).sort()).toEqual([callers.s1.id, callers.p1.id, callers.s2.id].sort());
    const open = t.core.db
      .prepare(`SELECT count(*) AS n FROM campaign_targets WHERE campaign_id = ? AND status IN ('pending', 'call_back') AND (caller_id IS NULL OR caller_id = ?)`)
      .get(campaignId, callers.i1.id) as { n: number };
    expect(open.n).toBe(0);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM campaign_calls WHERE campaign_id = ?').get(campaignId)).toEqual(before);
    // The removed caller's calls still count under their kind.
    const r = must(official('campaigns.report', { campaignId }));
    expect(r.kindTotals.find((k) => k.kind === 'supervised_institution')!.calls).toBeGreaterThan(0);
    expect(mustFail(callers.i1.call('campaigns.worklist', { campaignId })).code).toBe('forbidden');
  });
});
