import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../contract';
import {
  TEST_TODAY,
  countIn,
  createOpenMeeting,
  createTempCore,
  must,
  mustFail,
  nationalIdFor,
  signInUser,
  type Call,
  type TempCore,
} from '../testing/tempCore';
import { MESSAGES } from './messages';
import { similarity } from './sharedIssues';

type Fields = Input<'sharedIssues.issue'>['fields'];

let t: TempCore;
let adminToken: string;
let admin: Call;
let operator: Call;
let official: Call;
let followup: Call;
let unitRep: Call;
let countyA: string;
let countyB: string;
let categoryGas: string;
let categoryOther: string;
let unitId: string;
let reasonId: string;
let meetingId: string;
let seed = 9000;

beforeAll(() => {
  t = createTempCore();
  adminToken = t.setupAdmin();
  admin = t.as(adminToken);
  operator = t.as(t.signIn('operator', 'operator1'));
  official = t.as(t.signIn('official', 'official1'));
  followup = t.as(t.signIn('followup', 'followup1'));
  const lists = must(admin('lists.all', {}));
  countyA = lists.counties[0]!.id;
  countyB = lists.counties[1]!.id;
  categoryGas = lists.categories[0]!.id;
  categoryOther = lists.categories[1]!.id;
  unitId = lists.units[0]!.id;
  reasonId = lists.outcomeReasons[0]!.id;
  unitRep = t.as(signInUser(t, adminToken, { username: 'unit.rep', role: 'unit', unitId }));
  meetingId = createOpenMeeting(admin);
});
afterAll(() => t.cleanup());

const toUnit = (): Fields => ({ kind: 'unit', text: 'پیگیری گازرسانی به کوچه با اداره گاز', unitId, dueDate: TEST_TODAY });

/** Registers a new client of `countyA` with one request, optionally joined to a shared issue at registration; returns the request id. */
function register(text: string, sharedIssueId: string | null = null, mobile = ''): { requestId: string; visitId: string } {
  seed += 1;
  const ticket = must(
    operator('visits.register', {
      meetingId,
      newClient: { nationalId: nationalIdFor(seed), firstName: 'ساکن', lastName: `کوچه ${seed}`, sex: 'male', countyId: countyA, mobile },
      requests: [{ categoryId: categoryGas, text, sharedIssueId }],
    }),
  );
  const detail = must(operator('visits.detail', { visitId: ticket.visitId }));
  return { requestId: detail.requests[0]!.id, visitId: ticket.visitId };
}

function newIssue(call: Call = operator, overrides: Partial<Input<'sharedIssues.create'>> = {}) {
  return must(
    call('sharedIssues.create', {
      title: 'نبود گاز لوله‌کشی',
      countyId: countyA,
      place: 'خیابان امام، کوچه شهید رجایی',
      categoryId: categoryGas,
      description: 'بیست خانوار کوچه هنوز گاز ندارند.',
      ...overrides,
    }),
  );
}

const instructionsOf = (sharedIssueId: string) =>
  t.core.db.prepare(`SELECT * FROM instructions WHERE shared_issue_id = ? ORDER BY issued_at, id`).all(sharedIssueId) as {
    id: string;
    request_id: string;
    tracking_code: string;
    status: string;
    outcome: string | null;
    kind: string;
    unit_id: string | null;
    due_date: string | null;
  }[];
const stepsOf = (instructionId: string) =>
  t.core.db.prepare('SELECT kind, text FROM follow_ups WHERE instruction_id = ? ORDER BY at, created_at').all(instructionId) as { kind: string; text: string }[];

describe('sharedIssues.create / update / list', () => {
  it('creates an open issue, audits it, emits an event, and finds it by words of its title or place', () => {
    const audits = countIn(t.core, 'audit_log');
    const events = t.events.length;
    const issue = newIssue(operator, { title: 'قطعي برق روستا', place: 'روستاي كلاته' });
    expect(issue.status).toBe('open');
    expect(issue.title).toBe('قطعی برق روستا'); // Arabic ي/ك cleaned
    expect(issue.members).toEqual([]);
    expect(issue.joinedCount).toBe(0);
    expect(countIn(t.core, 'audit_log')).toBe(audits + 1);
    expect(t.events.slice(events)).toContainEqual({ name: 'sharedIssues.changed', payload: { sharedIssueId: issue.id } });
    expect(must(followup('sharedIssues.list', { query: 'کلاته' })).map((i) => i.id)).toContain(issue.id);
    expect(must(followup('sharedIssues.list', { query: 'كلاته برق' })).map((i) => i.id)).toContain(issue.id);
    expect(must(followup('sharedIssues.list', { query: 'کلاته آب' })).map((i) => i.id)).not.toContain(issue.id);
    expect(must(followup('sharedIssues.list', { countyId: countyB })).map((i) => i.id)).not.toContain(issue.id);

    const closed = must(admin('sharedIssues.update', { id: issue.id, title: issue.title, countyId: countyA, place: issue.place, categoryId: categoryGas, status: 'closed' }));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(must(followup('sharedIssues.list', {})).map((i) => i.id)).not.toContain(issue.id);
    expect(must(followup('sharedIssues.list', { status: 'closed' })).map((i) => i.id)).toContain(issue.id);
  });

  it('refuses bad input with a Persian message naming the field, writing nothing', () => {
    const audits = countIn(t.core, 'audit_log');
    const noTitle = mustFail(operator('sharedIssues.create', { title: '  ', countyId: countyA, categoryId: categoryGas }));
    expect(noTitle).toMatchObject({ code: 'invalid_input', field: 'title' });
    expect(noTitle.message).toContain('عنوان');
    expect(mustFail(operator('sharedIssues.create', { title: 'الف', countyId: 'nope', categoryId: categoryGas }))).toMatchObject({
      code: 'invalid_input',
      field: 'countyId',
      message: MESSAGES['county.notFound'],
    });
    expect(mustFail(operator('sharedIssues.create', { title: 'الف', countyId: '', categoryId: categoryGas }))).toMatchObject({
      field: 'countyId',
      message: MESSAGES['sharedIssue.countyRequired'],
    });
    expect(mustFail(operator('sharedIssues.create', { title: 'الف', countyId: countyA, categoryId: 'nope' }))).toMatchObject({
      field: 'categoryId',
      message: MESSAGES['category.notFound'],
    });
    expect(mustFail(operator('sharedIssues.create', { title: 'الف', countyId: countyA, categoryId: categoryGas, place: 'پ'.repeat(201) }))).toMatchObject({
      field: 'place',
      message: MESSAGES['sharedIssue.placeTooLong'],
    });
    expect(mustFail(operator('sharedIssues.get', { id: 'missing' }))).toMatchObject({ code: 'not_found', message: MESSAGES['sharedIssue.notFound'] });
    expect(countIn(t.core, 'audit_log')).toBe(audits);
  });

  it('is for the directorate staff; issuing is for the official and the admin', () => {
    expect(mustFail(unitRep('sharedIssues.list', {})).code).toBe('forbidden');
    const issue = newIssue(followup, { title: 'آب آشامیدنی' });
    expect(mustFail(operator('sharedIssues.issue', { sharedIssueId: issue.id, fields: toUnit() })).code).toBe('forbidden');
    expect(mustFail(followup('sharedIssues.issue', { sharedIssueId: issue.id, fields: toUnit() })).code).toBe('forbidden');
  });
});

describe('sharedIssues.suggest', () => {
  it('offers open issues of the same county and category whose place or title words the request shares, best first', () => {
    const gas = newIssue(operator, { title: 'نبود گاز', place: 'محله سرخه، کوچه بهار' });
    const elsewhere = newIssue(operator, { title: 'نبود گاز', place: 'کوچه بهار', countyId: countyB });
    const otherCategory = newIssue(operator, { title: 'نبود گاز', place: 'کوچه بهار', categoryId: categoryOther });
    const weaker = newIssue(operator, { title: 'گازرسانی ناقص', place: 'شهرک صنعتی' });

    const found = must(operator('sharedIssues.suggest', { countyId: countyA, categoryId: categoryGas, text: 'خانه ما در كوچه بهار سرخه گاز ندارد' }));
    const ids = found.map((s) => s.id);
    expect(ids[0]).toBe(gas.id);
    expect(ids).toContain(weaker.id); // گاز ~ گازرسانی, a title word
    expect(ids.indexOf(weaker.id)).toBeGreaterThan(0);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(otherCategory.id);
    expect(found[0]!.score).toBeGreaterThan(found[ids.indexOf(weaker.id)]!.score);

    // Nothing in common: no offer. Closed issues are never offered.
    expect(must(operator('sharedIssues.suggest', { countyId: countyA, categoryId: categoryGas, text: 'درخواست ویلچر' })).map((s) => s.id)).not.toContain(gas.id);
    must(operator('sharedIssues.update', { id: gas.id, title: gas.title, countyId: countyA, place: gas.place, categoryId: categoryGas, status: 'closed' }));
    expect(must(operator('sharedIssues.suggest', { countyId: countyA, categoryId: categoryGas, text: 'کوچه بهار سرخه' })).map((s) => s.id)).not.toContain(gas.id);
  });

  it('scores place words above title words and ignores filler words', () => {
    const issue = { title: 'نبود گاز', place: 'کوچه بهار' };
    expect(similarity('بهار', issue)).toBe(2);
    expect(similarity('گاز', issue)).toBe(1);
    expect(similarity('در و به کوچه', issue)).toBe(0);
  });
});

describe('shared issue fan-out', () => {
  it('one instruction reaches every joined client, and one result closes all their follow-ups', () => {
    const issue = newIssue(operator, { title: 'قطع گاز کوچه نسترن', place: 'کوچه نسترن' });
    // Two joined at registration, one joined afterwards, one joined after the instruction.
    const a = register('گاز کوچه نسترن قطع است', issue.id, '09121111111');
    const b = register('نبود گاز', issue.id, '09122222222');
    const c = register('گاز نداریم');
    const joined = must(operator('sharedIssues.join', { requestId: c.requestId, sharedIssueId: issue.id }));
    expect(joined.members.map((m) => m.requestId).sort()).toEqual([a.requestId, b.requestId, c.requestId].sort());
    expect(joined.waitingCount).toBe(3);
    expect(must(operator('visits.detail', { visitId: a.visitId })).requests[0]).toMatchObject({ sharedIssueId: issue.id, sharedIssueTitle: 'قطع گاز کوچه نسترن' });

    const outbox = countIn(t.core, 'outbox');
    const { issued, detail } = must(official('sharedIssues.issue', { sharedIssueId: issue.id, fields: toUnit() }));
    expect(issued).toHaveLength(3);
    expect(new Set(issued.map((i) => i.trackingCode)).size).toBe(3);
    expect(issued.map((i) => i.requestId).sort()).toEqual([a.requestId, b.requestId, c.requestId].sort());
    expect(issued.every((i) => i.kind === 'unit' && i.unitId === unitId && i.status === 'open')).toBe(true);
    expect(countIn(t.core, 'outbox')).toBe(outbox + 2); // the two with a mobile
    expect(detail.members.every((m) => m.instruction?.shared === true && m.instruction.status === 'open')).toBe(true);
    expect(detail.openCount).toBe(3);
    expect(detail.waitingCount).toBe(0);
    expect(detail.instruction?.text).toBe(toUnit().text);
    // Nothing left to issue.
    expect(mustFail(official('sharedIssues.issue', { sharedIssueId: issue.id, fields: toUnit() }))).toMatchObject({
      code: 'conflict',
      message: MESSAGES['sharedIssue.nothingToIssue'],
    });

    // Joined later: gets the same instruction at once, with its own tracking code.
    const d = register('گاز', issue.id);
    const rows = instructionsOf(issue.id);
    expect(rows).toHaveLength(4);
    const dRow = rows.find((r) => r.request_id === d.requestId)!;
    expect(dRow).toMatchObject({ kind: 'unit', unit_id: unitId, due_date: TEST_TODAY, status: 'open' });
    expect(new Set(rows.map((r) => r.tracking_code)).size).toBe(4);

    // A step on one is a step on each.
    const first = issued[0]!;
    must(followup('followups.addStep', { instructionId: first.id, kind: 'call', text: 'با اداره گاز تماس گرفته شد' }));
    for (const r of rows) expect(stepsOf(r.id)).toEqual([{ kind: 'call', text: 'با اداره گاز تماس گرفته شد' }]);

    // One result closes every joined client's follow-up, in one call.
    const events = t.events.length;
    const closedMessages = countIn(t.core, 'outbox');
    const closed = must(followup('followups.close', { instructionId: dRow.id, outcome: 'done', note: 'گازرسانی انجام شد' }));
    expect(closed.status).toBe('closed');
    for (const r of instructionsOf(issue.id)) {
      expect(r).toMatchObject({ status: 'closed', outcome: 'done' });
      expect(stepsOf(r.id).at(-1)).toEqual({ kind: 'result', text: 'گازرسانی انجام شد' });
    }
    expect(countIn(t.core, 'outbox')).toBe(closedMessages + 2);
    const followupEvents = t.events.slice(events).filter((e) => e.name === 'followups.changed');
    expect(followupEvents).toHaveLength(4);
    expect(t.events.slice(events)).toContainEqual({ name: 'sharedIssues.changed', payload: { sharedIssueId: issue.id } });
    expect(must(followup('followups.list', { status: 'open', query: 'کوچه' })).items.map((i) => i.instruction.id)).not.toContain(first.id);
    expect(must(followup('sharedIssues.get', { id: issue.id })).openCount).toBe(0);

    // Reopen reaches them all too; a client who leaves keeps the instruction, apart from the group.
    must(official('followups.reopen', { instructionId: first.id, reason: 'گاز دوباره قطع شد' }));
    expect(instructionsOf(issue.id).every((r) => r.status === 'open')).toBe(true);
    const left = must(operator('sharedIssues.leave', { requestId: b.requestId, reason: 'اشتباه پیوسته بود' }));
    expect(left.members.map((m) => m.requestId)).not.toContain(b.requestId);
    const bInstruction = issued.find((i) => i.requestId === b.requestId)!;
    must(followup('followups.close', { instructionId: first.id, outcome: 'not_possible', reasonId, note: 'لوله‌کشی ممکن نشد' }));
    expect(instructionsOf(issue.id)).toHaveLength(3);
    expect(instructionsOf(issue.id).every((r) => r.status === 'closed' && r.outcome === 'not_possible')).toBe(true);
    expect(t.core.db.prepare('SELECT status, shared_issue_id FROM instructions WHERE id = ?').get(bInstruction.id)).toEqual({ status: 'open', shared_issue_id: null });
  });

  it('refuses joins that cannot be, and a bad issue at registration writes nothing', () => {
    const one = newIssue(operator, { title: 'مسئله یک' });
    const two = newIssue(operator, { title: 'مسئله دو' });
    const r = register('درخواست', one.id);
    expect(mustFail(operator('sharedIssues.join', { requestId: r.requestId, sharedIssueId: one.id }))).toMatchObject({
      code: 'conflict',
      message: MESSAGES['sharedIssue.alreadyJoined'],
    });
    const elsewhere = mustFail(operator('sharedIssues.join', { requestId: r.requestId, sharedIssueId: two.id }));
    expect(elsewhere).toMatchObject({ code: 'conflict', field: 'requestId' });
    expect(elsewhere.message).toContain('مسئله یک');
    expect(mustFail(operator('sharedIssues.join', { requestId: 'nope', sharedIssueId: two.id }))).toMatchObject({ code: 'not_found', field: 'requestId' });
    expect(mustFail(operator('sharedIssues.leave', { requestId: register('تنها').requestId, reason: 'x' }))).toMatchObject({
      code: 'conflict',
      message: MESSAGES['sharedIssue.notJoined'],
    });
    const closed = newIssue(operator, { title: 'بسته' });
    must(operator('sharedIssues.update', { id: closed.id, title: 'بسته', countyId: countyA, categoryId: categoryGas, status: 'closed' }));
    expect(mustFail(operator('sharedIssues.join', { requestId: register('باز').requestId, sharedIssueId: closed.id }))).toMatchObject({
      code: 'conflict',
      message: MESSAGES['sharedIssue.closed'],
    });
    expect(mustFail(official('sharedIssues.issue', { sharedIssueId: closed.id, fields: toUnit() })).message).toBe(MESSAGES['sharedIssue.closed']);

    const visits = countIn(t.core, 'visits');
    const requests = countIn(t.core, 'requests');
    seed += 1;
    const bad = mustFail(
      operator('visits.register', {
        meetingId,
        newClient: { nationalId: nationalIdFor(seed), firstName: 'الف', lastName: 'ب', sex: 'male' },
        requests: [{ categoryId: categoryGas, text: 'یک' }, { categoryId: categoryGas, text: 'دو', sharedIssueId: 'missing' }],
      }),
    );
    expect(bad).toMatchObject({ code: 'not_found', field: 'requests.1.sharedIssueId', message: MESSAGES['sharedIssue.notFound'] });
    expect(countIn(t.core, 'visits')).toBe(visits);
    expect(countIn(t.core, 'requests')).toBe(requests);
  });

  it('checks the shared instruction like the desk does, naming the field', () => {
    const issue = newIssue(operator, { title: 'بررسی' });
    register('درخواست', issue.id);
    const before = countIn(t.core, 'instructions');
    expect(mustFail(official('sharedIssues.issue', { sharedIssueId: issue.id, fields: { kind: 'unit', text: 'الف', dueDate: TEST_TODAY } }))).toMatchObject({
      code: 'invalid_input',
      field: 'fields.unitId',
      message: MESSAGES['instruction.unitRequired'],
    });
    expect(mustFail(official('sharedIssues.issue', { sharedIssueId: issue.id, fields: { ...toUnit(), dueDate: '2020-01-01' } }))).toMatchObject({
      field: 'fields.dueDate',
      message: MESSAGES['instruction.duePast'],
    });
    expect(countIn(t.core, 'instructions')).toBe(before);
    // An answer given on the spot is a result at once, for every joined client.
    const { issued } = must(admin('sharedIssues.issue', { sharedIssueId: issue.id, fields: { kind: 'answered', text: 'پاسخ', answer: 'انجام شد' } }));
    expect(issued.map((i) => i.status)).toEqual(['closed']);
  });
});
