import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Instruction } from '../contract';
import { toPersianDigits } from '../domain/digits';
import { groupTrackingCode, isValidTrackingCode, newTrackingCode } from '../domain/trackingCode';
import {
  TEST_TODAY,
  countTableRows,
  createOpenMeeting,
  createTempCore,
  USER_PASSWORD,
  firstCategoryId,
  must,
  mustFail,
  registerVisitor,
  steppingClock,
  type Call,
  type TempCore,
} from '../testing/tempCore';
import { message, MESSAGES } from './messages';

type Fields = Input<'instructions.issue'>['fields'];

const PERSIAN = /[\u0600-\u06FF]/;

let t: TempCore;
let admin: Call;
let official: Call;
let officialToken: string;
let officialId: string;
let operatorToken: string;
let followupToken: string;
let categoryId: string;
let unitId: string;
let unitName: string;
let inactiveUnitId: string;
let agencyId: string;
let agencyName: string;
let inactiveAgencyId: string;
let seed = 500;

beforeAll(() => {
  t = createTempCore();
  admin = t.as(t.setupAdmin());
  officialToken = t.signIn('official', 'official1');
  official = t.as(officialToken);
  officialId = must(official('auth.me', {})).userId;
  operatorToken = t.signIn('operator', 'operator1');
  followupToken = t.signIn('followup', 'followup1');
  categoryId = firstCategoryId(admin);
  const lists = must(admin('lists.all', {}));
  const unit = lists.units[0]!;
  unitId = must(admin('lists.save', { kind: 'units', id: unit.id, name: unit.name, room: 'اتاق ۲۰۴، طبقه دوم' })).id;
  unitName = unit.name;
  inactiveUnitId = must(admin('lists.save', { kind: 'units', name: 'واحد منحل‌شده', active: false })).id;
  agencyId = lists.agencies[0]!.id;
  agencyName = lists.agencies[0]!.name;
  inactiveAgencyId = must(admin('lists.save', { kind: 'agencies', name: 'دستگاه غیرفعال', active: false })).id;
});
afterAll(() => t.cleanup());

// ---- helpers ----------------------------------------------------------------------------

interface AtDesk {
  meetingId: string;
  visitId: string;
  clientId: string;
  requestIds: string[];
}

/** A new visitor with one request per text at a fresh open meeting, called to `desk` by the official (not started). */
function calledVisitor(texts = ['درخواست ویلچر'], desk = 'میز ۱', title = 'ملاقات عمومی'): AtDesk {
  const meetingId = createOpenMeeting(admin, title);
  seed += 1;
  const ticket = registerVisitor(admin, meetingId, categoryId, seed, { texts });
  const called = must(official('queue.callNext', { meetingId, desk }))!;
  expect(called.visitId).toBe(ticket.visitId);
  return { meetingId, visitId: ticket.visitId, clientId: ticket.clientId, requestIds: called.requests.map((r) => r.id) };
}

/** As `calledVisitor`, and the official has started the visit. */
function startedVisitor(texts?: string[]): AtDesk {
  const v = calledVisitor(texts);
  expect(must(official('visits.start', { visitId: v.visitId })).visit.status).toBe('with_official');
  return v;
}

const answered = (answer = 'به کارگاه اشتغال معرفی شد'): Fields => ({ kind: 'answered', text: 'پاسخ در جلسه', answer });
const toUnit = (dueDate: string | null = TEST_TODAY): Fields => ({ kind: 'unit', text: 'بررسی و اقدام', unitId, dueDate });

function issue(requestId: string, fields: Fields = answered()): Instruction {
  return must(official('instructions.issue', { requestId, fields }));
}

/** Issues through dispatch without the typed input, for inputs of the wrong shape. */
function issueRaw(requestId: string, fields: unknown, token = officialToken) {
  return t.core.dispatch('instructions.issue', { requestId, fields }, token);
}

const snapshot = () => ({
  instructions: countTableRows(t.core, 'instructions'),
  audit: countTableRows(t.core, 'audit_log'),
  requests: countTableRows(t.core, 'requests'),
  visits: countTableRows(t.core, 'visits'),
  printLog: countTableRows(t.core, 'print_log'),
  events: t.events.length,
});

const visitRow = (visitId: string) =>
  t.core.db.prepare('SELECT status, desk, started_at, finished_at FROM visits WHERE id = ?').get(visitId) as {
    status: string;
    desk: string | null;
    started_at: string | null;
    finished_at: string | null;
  };

const auditOf = (entityId: string) =>
  t.core.db.prepare('SELECT action, entity, user_id, before, after FROM audit_log WHERE entity_id = ? ORDER BY rowid').all(entityId) as {
    action: string;
    entity: string;
    user_id: string;
    before: string | null;
    after: string | null;
  }[];

// ---- issuing --------------------------------------------------------------------------------

describe('instructions.issue: what each kind requires', () => {
  it('refuses a missing or unknown required field with its path and Persian message, writing nothing', () => {
    const v = calledVisitor();
    const requestId = v.requestIds[0]!;
    const text = 'متن دستور';
    const cases: [unknown, string, string][] = [
      [{ kind: 'answered', text }, 'fields.answer', MESSAGES['instruction.answerRequired']],
      [{ kind: 'answered', text, answer: '   ' }, 'fields.answer', MESSAGES['instruction.answerRequired']],
      [{ kind: 'unit', text, dueDate: TEST_TODAY }, 'fields.unitId', MESSAGES['instruction.unitRequired']],
      [{ kind: 'unit', text, unitId: 'no-such-unit', dueDate: TEST_TODAY }, 'fields.unitId', MESSAGES['unit.notFound']],
      [{ kind: 'unit', text, unitId: inactiveUnitId, dueDate: TEST_TODAY }, 'fields.unitId', MESSAGES['unit.notFound']],
      [{ kind: 'unit', text, unitId: agencyId, dueDate: TEST_TODAY }, 'fields.unitId', MESSAGES['unit.notFound']],
      [{ kind: 'agency', text, dueDate: TEST_TODAY }, 'fields.agencyId', MESSAGES['instruction.agencyRequired']],
      [{ kind: 'agency', text, agencyId: 'no-such-agency', dueDate: TEST_TODAY }, 'fields.agencyId', MESSAGES['agency.notFound']],
      [{ kind: 'agency', text, agencyId: inactiveAgencyId, dueDate: TEST_TODAY }, 'fields.agencyId', MESSAGES['agency.notFound']],
      [{ kind: 'agency', text, agencyId: unitId, dueDate: TEST_TODAY }, 'fields.agencyId', MESSAGES['agency.notFound']],
      [{ kind: 'not_possible', text }, 'fields.reason', MESSAGES['instruction.reasonRequired']],
      [{ kind: 'review', text, dueDate: TEST_TODAY }, 'fields.reviewer', MESSAGES['instruction.reviewerRequired']],
      [{ kind: 'unit', text, unitId }, 'fields.dueDate', MESSAGES['instruction.dueRequired']],
      [{ kind: 'agency', text, agencyId }, 'fields.dueDate', MESSAGES['instruction.dueRequired']],
      [{ kind: 'review', text, reviewer: 'کارشناس مددکاری' }, 'fields.dueDate', MESSAGES['instruction.dueRequired']],
      [{ kind: 'unit', text, unitId, dueDate: '2026-03-31' }, 'fields.dueDate', MESSAGES['instruction.duePast']],
      [{ kind: 'review', text, reviewer: 'کارشناس', dueDate: '2025-12-31' }, 'fields.dueDate', MESSAGES['instruction.duePast']],
      [{ kind: 'answered', text, answer: 'پاسخ', dueDate: '2026-03-31' }, 'fields.dueDate', MESSAGES['instruction.duePast']],
      [{ kind: 'unit', text, unitId, dueDate: '2026-02-30' }, 'fields.dueDate', MESSAGES['date.invalid']],
      [{ kind: 'answered', text, answer: 'پاسخ', amountToman: 500_000 }, 'fields.funder', MESSAGES['instruction.funderRequired']],
      [{ kind: 'answered', text: '  ', answer: 'پاسخ' }, 'fields.text', '«متن دستور» را وارد کنید.'],
      [{ kind: 'referral', text, answer: 'پاسخ' }, 'fields.kind', 'مقدار «نوع دستور» از گزینه‌های مجاز نیست.'],
    ];
    const before = snapshot();
    for (const [fields, field, text] of cases) {
      const error = mustFail(issueRaw(requestId, fields));
      expect(error, JSON.stringify(fields)).toEqual({ code: 'invalid_input', message: text, field });
      expect(snapshot()).toEqual(before);
    }
    // nothing was half-done: the visit was not marked as started either
    expect(visitRow(v.visitId)).toMatchObject({ status: 'called', started_at: null });

    // the same request, corrected, takes its instruction
    expect(issue(requestId, toUnit()).kind).toBe('unit');
    expect(countTableRows(t.core, 'instructions')).toBe(before.instructions + 1);
    expect(visitRow(v.visitId).status).toBe('with_official');
  });

  it('refuses amounts that are negative, fractional, text or too large, on fields.amountToman', () => {
    const v = calledVisitor();
    const before = snapshot();
    const cases: [unknown, string][] = [
      [-1, MESSAGES['amount.negative']],
      [-0.5, MESSAGES['amount.integer']],
      [1.5, MESSAGES['amount.integer']],
      [100_000.25, MESSAGES['amount.integer']],
      ['۱۰۰', MESSAGES['amount.number']],
      ['100', MESSAGES['amount.number']],
      ['abc', MESSAGES['amount.number']],
      [true, MESSAGES['amount.number']],
      [1e13, MESSAGES['amount.tooLarge']],
    ];
    for (const [amountToman, text] of cases) {
      const error = mustFail(issueRaw(v.requestIds[0]!, { ...answered(), amountToman, funder: 'welfare' }));
      expect(error.code, String(amountToman)).toBe('invalid_input');
      expect(error.field).toBe('fields.amountToman');
      expect(error.message).toMatch(PERSIAN);
      expect(error.message).toBe(text);
    }
    expect(snapshot()).toEqual(before);
  });

  it('accepts a due date of today (Tehran) and later', () => {
    const v = calledVisitor(['یک', 'دو']);
    expect(issue(v.requestIds[0]!, toUnit(TEST_TODAY)).dueDate).toBe(TEST_TODAY);
    expect(issue(v.requestIds[1]!, toUnit('2027-01-01')).dueDate).toBe('2027-01-01');
  });

  it('stores each kind with only its own fields, amounts as integer rials, open or closed by kind', () => {
    const v = calledVisitor(['پاسخ', 'واحد', 'دستگاه', 'ممکن نیست', 'بررسی']);
    const [r1, r2, r3, r4, r5] = v.requestIds as [string, string, string, string, string];
    const eventsBefore = t.events.length;
    const extra = { answer: 'پاسخ اضافی', reason: 'دلیل اضافی', reviewer: 'بررسی‌کننده اضافی', unitId, agencyId };

    const a = issue(r1, { ...extra, kind: 'answered', text: 'پاسخ داده شد', answer: 'معرفی به بانک برای وام اشتغال' });
    const u = issue(r2, { ...extra, kind: 'unit', text: 'بررسی پرونده', dueDate: TEST_TODAY });
    const g = issue(r3, { ...extra, kind: 'agency', text: 'وصل انشعاب', dueDate: '2026-04-20', amountToman: 2_500_000, funder: 'agency' });
    const n = issue(r4, { ...extra, kind: 'not_possible', text: 'خارج از ضوابط', reason: 'درآمد بیش از سقف', amountToman: 0 });
    const r = issue(r5, { ...extra, kind: 'review', text: 'بررسی میدانی', reviewer: 'مددکار شهرستان', dueDate: '2026-04-15', funder: 'welfare' });

    expect(a).toMatchObject({ kind: 'answered', answer: 'معرفی به بانک برای وام اشتغال', reason: '', reviewer: '', unitId: null, unitName: null, agencyId: null, room: '', status: 'closed' });
    expect(u).toMatchObject({ kind: 'unit', answer: '', reason: '', reviewer: '', unitId, unitName, agencyId: null, agencyName: null, room: 'اتاق ۲۰۴، طبقه دوم', dueDate: TEST_TODAY, status: 'open' });
    expect(g).toMatchObject({ kind: 'agency', answer: '', unitId: null, agencyId, agencyName, amountRials: 25_000_000, funder: 'agency', status: 'open' });
    expect(n).toMatchObject({ kind: 'not_possible', reason: 'درآمد بیش از سقف', answer: '', reviewer: '', unitId: null, agencyId: null, amountRials: 0, funder: null, status: 'closed' });
    expect(r).toMatchObject({ kind: 'review', reviewer: 'مددکار شهرستان', answer: '', reason: '', unitId: null, agencyId: null, amountRials: null, funder: null, status: 'open' });

    const all = [a, u, g, n, r];
    for (const i of all) {
      expect(i).toMatchObject({ visitId: v.visitId, clientId: v.clientId, version: 1, issuedBy: officialId, issuedByName: 'کاربر official1', amendedAt: null, cancelledAt: null });
      expect(i.trackingCode).toMatch(/^\d{9}$/);
      expect(isValidTrackingCode(i.trackingCode)).toBe(true);
    }
    expect(new Set(all.map((i) => i.trackingCode)).size).toBe(5);
    expect(all.map((i) => i.requestId)).toEqual(v.requestIds);

    // as stored: cleared columns, integer rials
    const row = (id: string) =>
      t.core.db
        .prepare('SELECT unit_id, agency_id, answer, reason, reviewer, amount_rials, typeof(amount_rials) AS amount_type, funder FROM instructions WHERE id = ?')
        .get(id);
    expect(row(a.id)).toEqual({ unit_id: null, agency_id: null, answer: 'معرفی به بانک برای وام اشتغال', reason: '', reviewer: '', amount_rials: null, amount_type: 'null', funder: null });
    expect(row(g.id)).toEqual({ unit_id: null, agency_id: agencyId, answer: '', reason: '', reviewer: '', amount_rials: 25_000_000, amount_type: 'integer', funder: 'agency' });
    expect(row(u.id)).toMatchObject({ unit_id: unitId, agency_id: null });

    // the desk sees them, the visit is now with the official, one event per instruction
    const detail = must(official('visits.detail', { visitId: v.visitId }));
    expect(detail.requests.map((q) => q.instruction?.id)).toEqual(all.map((i) => i.id));
    expect(detail.visit.status).toBe('with_official');
    expect(detail.visit.startedAt).not.toBeNull();
    const instructionEvents = t.events.slice(eventsBefore).filter((e) => e.name === 'instructions.changed');
    expect(instructionEvents.map((e) => e.payload)).toEqual(all.map((i) => ({ visitId: v.visitId, instructionId: i.id, unitId: i.unitId, agencyId: i.agencyId })));

    // each issue is audited with the instruction as it was stored
    for (const i of all) {
      const entries = auditOf(i.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'issue', entity: 'instruction', user_id: officialId, before: null });
      expect(JSON.parse(entries[0]!.after!)).toEqual(i);
    }
  });

  it('refuses a second live instruction on the same request, writing nothing', () => {
    const v = startedVisitor();
    const first = issue(v.requestIds[0]!);
    const before = snapshot();
    const error = mustFail(official('instructions.issue', { requestId: v.requestIds[0]!, fields: toUnit() }));
    expect(error).toEqual({ code: 'conflict', message: MESSAGES['request.hasInstruction'], field: 'requestId' });
    expect(snapshot()).toEqual(before);
    expect(must(official('visits.detail', { visitId: v.visitId })).requests[0]!.instruction).toEqual(first);
  });

  it('refuses an unknown request', () => {
    expect(mustFail(official('instructions.issue', { requestId: 'no-such-request', fields: answered() }))).toEqual({
      code: 'not_found',
      message: MESSAGES['request.notFound'],
      field: 'requestId',
    });
  });

  it('is refused to operators and follow-up staff, as are the other desk actions', () => {
    const v = calledVisitor(['یک', 'دو']);
    const issued = issue(v.requestIds[0]!);
    const before = snapshot();
    const rowBefore = visitRow(v.visitId);
    const attempts: [string, unknown][] = [
      ['instructions.issue', { requestId: v.requestIds[1]!, fields: answered() }],
      ['instructions.amend', { id: issued.id, reason: 'اصلاح', fields: answered('دیگر') }],
      ['instructions.cancel', { id: issued.id, reason: 'لغو' }],
      ['visits.start', { visitId: v.visitId }],
      ['visits.finish', { visitId: v.visitId }],
      ['requests.add', { visitId: v.visitId, categoryId, text: 'درخواست تازه' }],
      ['desk.mine', { meetingId: v.meetingId }],
    ];
    for (const token of [operatorToken, followupToken]) {
      for (const [method, input] of attempts) {
        expect(mustFail(t.core.dispatch(method, input, token)), method).toEqual({ code: 'forbidden', message: MESSAGES['role.forbidden'] });
      }
    }
    expect(snapshot()).toEqual(before);
    expect(visitRow(v.visitId)).toEqual(rowBefore);
    expect(must(official('instructions.byTrackingCode', { code: issued.trackingCode })).instruction).toEqual(issued);
    // they may still read the visit
    expect(must(t.as(followupToken)('visits.detail', { visitId: v.visitId })).requests[0]!.instruction!.id).toBe(issued.id);
  });
});

// ---- the visit at the desk ------------------------------------------------------------------

describe('visits at the desk', () => {
  it('start marks the visit as with the official once, and desk.mine lists the official’s visits', () => {
    const v = calledVisitor();
    expect(must(official('desk.mine', { meetingId: v.meetingId }))).toEqual([v.visitId]);
    expect(visitRow(v.visitId)).toMatchObject({ status: 'called', started_at: null });
    const started = must(official('visits.start', { visitId: v.visitId }));
    expect(started.visit.status).toBe('with_official');
    expect(started.visit.startedAt).not.toBeNull();
    expect(started.requests.map((r) => r.instruction)).toEqual([null]);
    const again = must(official('visits.start', { visitId: v.visitId }));
    expect(again.visit.startedAt).toBe(started.visit.startedAt);
    expect(must(official('desk.mine', { meetingId: v.meetingId }))).toEqual([v.visitId]);
    expect(must(admin('desk.mine', { meetingId: v.meetingId }))).toEqual([]);
  });

  it('refuses instructions, requests and start for a visit that is waiting (another meeting) or finished', () => {
    const v = startedVisitor();
    // the same client waiting at another meeting, not called
    const otherMeeting = createOpenMeeting(admin, 'میز خدمت شهرستان');
    const waiting = must(admin('visits.register', { meetingId: otherMeeting, clientId: v.clientId, requests: [{ categoryId, text: 'درخواست دیگر' }] }));
    const waitingRequest = (must(official('visits.detail', { visitId: waiting.visitId })).requests[0]!).id;

    issue(v.requestIds[0]!);
    must(official('visits.finish', { visitId: v.visitId }));

    const notAtDesk = { code: 'conflict', message: MESSAGES['visit.notAtDesk'], field: 'visitId' };
    const before = snapshot();
    for (const requestId of [waitingRequest, v.requestIds[0]!]) {
      expect(mustFail(official('instructions.issue', { requestId, fields: answered() }))).toEqual(notAtDesk);
    }
    for (const visitId of [waiting.visitId, v.visitId]) {
      expect(mustFail(official('visits.start', { visitId }))).toEqual(notAtDesk);
      expect(mustFail(official('requests.add', { visitId, categoryId, text: 'درخواست تازه' }))).toEqual(notAtDesk);
      expect(mustFail(official('visits.finish', { visitId }))).toEqual(notAtDesk);
    }
    expect(snapshot()).toEqual(before);
    expect(visitRow(waiting.visitId)).toMatchObject({ status: 'waiting', started_at: null });
    expect(visitRow(v.visitId).status).toBe('done');
    expect(mustFail(official('visits.start', { visitId: 'no-such-visit' }))).toEqual({ code: 'not_found', message: MESSAGES['visit.notFound'], field: 'visitId' });
  });

  it('requests.add adds a request after the others, which then needs its instruction', () => {
    const v = startedVisitor(['اول', 'دوم']);
    issue(v.requestIds[0]!);
    issue(v.requestIds[1]!);
    const before = snapshot();
    expect(mustFail(official('requests.add', { visitId: v.visitId, categoryId: 'no-such-category', text: 'متن' }))).toEqual({
      code: 'invalid_input',
      message: MESSAGES['category.notFound'],
      field: 'categoryId',
    });
    expect(snapshot()).toEqual(before);

    const detail = must(official('requests.add', { visitId: v.visitId, categoryId, text: 'درخواست مطرح‌شده در جلسه', urgency: 'urgent' }));
    expect(detail.requests.map((r) => r.text)).toEqual(['اول', 'دوم', 'درخواست مطرح‌شده در جلسه']);
    const added = detail.requests[2]!;
    expect(added).toMatchObject({ categoryId, urgency: 'urgent', instruction: null });
    expect(detail.visit.requestCount).toBe(3);
    expect(t.core.db.prepare('SELECT position FROM requests WHERE visit_id = ? ORDER BY position').all(v.visitId)).toEqual([
      { position: 1 },
      { position: 2 },
      { position: 3 },
    ]);
    expect(auditOf(added.id).map((a) => a.action)).toEqual(['add']);

    const refused = mustFail(official('visits.finish', { visitId: v.visitId }));
    expect(refused).toEqual({ code: 'conflict', message: message('visit.openRequests', { n: '۱' }), field: 'requests' });
    issue(added.id, toUnit());
    expect(must(official('visits.finish', { visitId: v.visitId })).finished).toBe(v.visitId);
  });
});

describe('amending and cancelling', () => {
  it('needs a reason for each', () => {
    const v = startedVisitor();
    const i = issue(v.requestIds[0]!);
    const before = snapshot();
    for (const reason of ['', '   ']) {
      expect(mustFail(official('instructions.amend', { id: i.id, reason, fields: answered('پاسخ دیگر') }))).toEqual({
        code: 'invalid_input',
        message: '«دلیل» را وارد کنید.',
        field: 'reason',
      });
      expect(mustFail(official('instructions.cancel', { id: i.id, reason }))).toEqual({ code: 'invalid_input', message: '«دلیل» را وارد کنید.', field: 'reason' });
    }
    expect(mustFail(t.core.dispatch('instructions.cancel', { id: i.id }, officialToken)).field).toBe('reason');
    expect(snapshot()).toEqual(before);
    expect(must(official('instructions.byTrackingCode', { code: i.trackingCode })).instruction).toEqual(i);
  });

  it('an amendment may keep a due date that has passed since, but not move it to another past day', () => {
    // Its own core: the clock jumps days ahead, past every session of the shared one.
    const own = createTempCore();
    try {
      const ownAdmin = own.as(own.setupAdmin());
      own.signIn('official', 'official.late');
      const meetingId = createOpenMeeting(ownAdmin);
      registerVisitor(ownAdmin, meetingId, firstCategoryId(ownAdmin), 1);
      const unit = must(ownAdmin('lists.all', {})).units[0]!.id;
      const late = () => own.as(must(own.as(null)('auth.login', { username: 'official.late', password: USER_PASSWORD })).token);
      const called = must(late()('queue.callNext', { meetingId, desk: 'میز ۱' }))!;
      const fields = { kind: 'unit' as const, text: 'بررسی و اقدام', unitId: unit, dueDate: TEST_TODAY };
      const issued = must(late()('instructions.issue', { requestId: called.requests[0]!.id, fields }));
      own.clock.advance(3 * 86_400_000); // three days later the due date is in the past
      const official3 = late();
      const kept = must(official3('instructions.amend', { id: issued.id, reason: 'اصلاح متن', fields: { ...fields, text: 'بررسی و اقدام فوری' } }));
      expect(kept).toMatchObject({ dueDate: TEST_TODAY, version: 2, text: 'بررسی و اقدام فوری' });
      expect(mustFail(official3('instructions.amend', { id: issued.id, reason: 'تغییر مهلت', fields: { ...fields, dueDate: '2026-04-02' } }))).toMatchObject({
        code: 'invalid_input',
        field: 'fields.dueDate',
      });
    } finally {
      own.cleanup();
    }
  });

  it('amend keeps the tracking code, counts the version, records the reason and audits before and after', () => {
    const v = startedVisitor();
    const issued = issue(v.requestIds[0]!, toUnit());
    expect(issued.status).toBe('open');

    // the fields are checked as when issuing, and a refused amendment changes nothing
    const before = snapshot();
    expect(mustFail(official('instructions.amend', { id: issued.id, reason: 'تغییر مهلت', fields: toUnit('2026-03-30') }))).toMatchObject({
      code: 'invalid_input',
      field: 'fields.dueDate',
      message: MESSAGES['instruction.duePast'],
    });
    expect(snapshot()).toEqual(before);

    const amended = must(
      official('instructions.amend', {
        id: issued.id,
        reason: 'در جلسه پاسخ داده شد',
        fields: { kind: 'answered', text: 'پاسخ در جلسه', answer: 'معرفی به خیریه', unitId, amountToman: 1_000, funder: 'charity' },
      }),
    );
    expect(amended).toMatchObject({
      id: issued.id,
      trackingCode: issued.trackingCode,
      issuedAt: issued.issuedAt,
      version: 2,
      kind: 'answered',
      answer: 'معرفی به خیریه',
      unitId: null,
      room: '',
      amountRials: 10_000,
      funder: 'charity',
      status: 'closed',
      amendReason: 'در جلسه پاسخ داده شد',
    });
    expect(amended.amendedAt).not.toBeNull();
    expect(t.core.db.prepare('SELECT amended_by, unit_id FROM instructions WHERE id = ?').get(issued.id)).toEqual({ amended_by: officialId, unit_id: null });

    const again = must(official('instructions.amend', { id: issued.id, reason: 'اصلاح متن', fields: answered('معرفی به خیریه محله') }));
    expect(again).toMatchObject({ version: 3, trackingCode: issued.trackingCode, amendReason: 'اصلاح متن', amountRials: null, funder: null });

    const entries = auditOf(issued.id);
    expect(entries.map((e) => e.action)).toEqual(['issue', 'amend', 'amend']);
    expect(JSON.parse(entries[1]!.before!)).toEqual(issued);
    expect(JSON.parse(entries[1]!.after!)).toEqual(amended);
    expect(JSON.parse(entries[2]!.before!)).toEqual(amended);
    expect(JSON.parse(entries[2]!.after!)).toEqual(again);
    expect(countTableRows(t.core, 'instructions')).toBe(before.instructions);
  });

  it('a cancelled instruction cannot be amended or cancelled again; its request takes a new one', () => {
    const v = startedVisitor(['اول', 'دوم']);
    issue(v.requestIds[1]!);
    const issued = issue(v.requestIds[0]!, toUnit());
    const eventsBefore = t.events.length;
    const cancelled = must(official('instructions.cancel', { id: issued.id, reason: 'واحد اشتباه انتخاب شده بود' }));
    expect(cancelled).toMatchObject({ id: issued.id, status: 'cancelled', cancelReason: 'واحد اشتباه انتخاب شده بود', version: 2, trackingCode: issued.trackingCode });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(t.events.slice(eventsBefore)).toEqual([{ name: 'instructions.changed', payload: { visitId: v.visitId, instructionId: issued.id, unitId: issued.unitId, agencyId: issued.agencyId } }]);
    const entries = auditOf(issued.id);
    expect(entries.map((e) => e.action)).toEqual(['issue', 'cancel']);
    expect(JSON.parse(entries[1]!.before!)).toEqual(issued);
    expect(JSON.parse(entries[1]!.after!)).toEqual(cancelled);

    const before = snapshot();
    const isCancelled = { code: 'conflict', message: MESSAGES['instruction.cancelled'], field: 'id' };
    expect(mustFail(official('instructions.amend', { id: issued.id, reason: 'اصلاح', fields: answered() }))).toEqual(isCancelled);
    expect(mustFail(official('instructions.cancel', { id: issued.id, reason: 'دوباره' }))).toEqual(isCancelled);
    expect(snapshot()).toEqual(before);
    for (const method of ['instructions.amend', 'instructions.cancel'] as const) {
      const input = method === 'instructions.amend' ? { id: 'no-such-id', reason: 'x', fields: answered() } : { id: 'no-such-id', reason: 'x' };
      expect(mustFail(t.core.dispatch(method, input, officialToken))).toEqual({ code: 'not_found', message: MESSAGES['instruction.notFound'], field: 'id' });
    }

    // the request is open again: the desk shows no instruction and the visit cannot finish
    expect(must(official('visits.detail', { visitId: v.visitId })).requests[0]!.instruction).toBeNull();
    expect(mustFail(official('visits.finish', { visitId: v.visitId }))).toEqual({
      code: 'conflict',
      message: message('visit.openRequests', { n: '۱' }),
      field: 'requests',
    });
    expect(visitRow(v.visitId).status).toBe('with_official');

    const replacement = issue(v.requestIds[0]!, toUnit('2026-04-10'));
    expect(replacement.id).not.toBe(issued.id);
    expect(replacement.trackingCode).not.toBe(issued.trackingCode);
    expect(replacement).toMatchObject({ status: 'open', version: 1 });
    expect(must(official('visits.detail', { visitId: v.visitId })).requests[0]!.instruction!.id).toBe(replacement.id);
    expect(t.core.db.prepare('SELECT status FROM instructions WHERE request_id = ? ORDER BY issued_at').all(v.requestIds[0]!)).toEqual([
      { status: 'cancelled' },
      { status: 'open' },
    ]);
    expect(must(official('visits.finish', { visitId: v.visitId })).finished).toBe(v.visitId);
  });
});

describe('visits.finish', () => {
  it('is refused while a request has no live instruction, naming the count in Persian and writing nothing', () => {
    const v = startedVisitor(['اول', 'دوم', 'سوم']);
    issue(v.requestIds[1]!);
    const before = snapshot();
    const rowBefore = visitRow(v.visitId);
    const refused = mustFail(official('visits.finish', { visitId: v.visitId, callNext: true, desk: 'میز ۱' }));
    expect(refused).toEqual({ code: 'conflict', message: message('visit.openRequests', { n: '۲' }), field: 'requests' });
    expect(refused.message).toContain('۲');
    expect(snapshot()).toEqual(before);
    expect(visitRow(v.visitId)).toEqual(rowBefore);

    issue(v.requestIds[0]!);
    expect(mustFail(official('visits.finish', { visitId: v.visitId })).message).toContain('۱');
    issue(v.requestIds[2]!, toUnit());
    const eventsBefore = t.events.length;
    expect(must(official('visits.finish', { visitId: v.visitId }))).toEqual({ finished: v.visitId, next: null });
    const row = visitRow(v.visitId);
    expect(row.status).toBe('done');
    expect(row.finished_at).not.toBeNull();
    expect(row.started_at).toBe(rowBefore.started_at);
    expect(auditOf(v.visitId).at(-1)).toMatchObject({ action: 'finish', before: JSON.stringify({ status: 'with_official' }), after: JSON.stringify({ status: 'done' }) });
    expect(t.events.slice(eventsBefore).map((e) => e.name)).toEqual(['queue.changed', 'visits.changed', 'meetings.changed']);
    expect(must(official('desk.mine', { meetingId: v.meetingId }))).toEqual([]);
  });

  it('with callNext finishes and calls the next visitor to the same desk in one call', () => {
    const meetingId = createOpenMeeting(admin, 'ملاقات پنجشنبه');
    const first = registerVisitor(admin, meetingId, categoryId, ++seed);
    const second = registerVisitor(admin, meetingId, categoryId, ++seed, { texts: ['مستمری', 'مسکن'] });
    expect(must(official('queue.callNext', { meetingId, desk: 'میز معاون' }))!.visitId).toBe(first.visitId);
    const request = must(official('visits.start', { visitId: first.visitId })).requests[0]!;
    issue(request.id);

    const auditBefore = countTableRows(t.core, 'audit_log');
    const result = must(official('visits.finish', { visitId: first.visitId, callNext: true }));
    expect(result.finished).toBe(first.visitId);
    expect(result.next).toMatchObject({ visitId: second.visitId, ticket: 2, status: 'called', desk: 'میز معاون' });
    expect(result.next!.requests.map((r) => r.text)).toEqual(['مستمری', 'مسکن']);
    expect(visitRow(first.visitId).status).toBe('done');
    expect(visitRow(second.visitId)).toMatchObject({ status: 'called', desk: 'میز معاون' });
    expect(countTableRows(t.core, 'audit_log')).toBe(auditBefore + 2);
    const queue = must(admin('queue.list', { meetingId }));
    expect(queue.waiting).toEqual([]);
    expect(queue.called.map((e) => e.visitId)).toEqual([second.visitId]);

    // a desk given with the call wins; nobody left to call gives null
    const nextRequests = result.next!.requests;
    nextRequests.forEach((r) => issue(r.id));
    expect(must(official('visits.finish', { visitId: second.visitId, callNext: true, desk: 'میز ۹' }))).toEqual({ finished: second.visitId, next: null });
    const third = registerVisitor(admin, meetingId, categoryId, ++seed);
    const fourth = registerVisitor(admin, meetingId, categoryId, ++seed);
    must(official('queue.callNext', { meetingId, desk: 'میز معاون' }));
    issue(must(official('visits.detail', { visitId: third.visitId })).requests[0]!.id);
    expect(must(official('visits.finish', { visitId: third.visitId, callNext: true, desk: 'میز ۹' })).next).toMatchObject({ visitId: fourth.visitId, desk: 'میز ۹' });
  });
});

describe('history', () => {
  it('shows the client’s earlier visits at other meetings, newest first, with their requests and live instructions', () => {
    // first meeting: two requests; one instruction cancelled and replaced
    const a = startedVisitor(['ویلچر', 'مستمری']);
    const cancelled = issue(a.requestIds[0]!, toUnit());
    must(official('instructions.cancel', { id: cancelled.id, reason: 'در جلسه پاسخ داده شد' }));
    const aFirst = issue(a.requestIds[0]!, answered('ویلچر از محل خیرین'));
    const aSecond = issue(a.requestIds[1]!, { kind: 'review', text: 'بررسی', reviewer: 'کارشناس', dueDate: '2026-04-08' });
    must(official('visits.finish', { visitId: a.visitId }));

    // second meeting: one request, referred to an agency
    const meetingB = createOpenMeeting(admin, 'میز خدمت شاهرود');
    const b = must(admin('visits.register', { meetingId: meetingB, clientId: a.clientId, requests: [{ categoryId, text: 'انشعاب برق' }] }));
    must(official('queue.callNext', { meetingId: meetingB, desk: 'میز ۲' }));
    const bRequest = must(official('visits.start', { visitId: b.visitId })).requests[0]!;
    const bInstruction = issue(bRequest.id, { kind: 'agency', text: 'وصل برق', agencyId, dueDate: '2026-05-01' });
    must(official('visits.finish', { visitId: b.visitId }));

    // third meeting: the current visit
    const meetingC = createOpenMeeting(admin, 'ملاقات عمومی اردیبهشت');
    const c = must(admin('visits.register', { meetingId: meetingC, clientId: a.clientId, requests: [{ categoryId, text: 'پیگیری' }] }));
    must(official('queue.callNext', { meetingId: meetingC, desk: 'میز ۱' }));

    const detail = must(official('visits.detail', { visitId: c.visitId }));
    expect(detail.client.id).toBe(a.clientId);
    expect(detail.history.map((h) => h.visitId)).toEqual([b.visitId, a.visitId]);
    const [hb, ha] = detail.history as [(typeof detail.history)[0], (typeof detail.history)[0]];
    expect(hb).toMatchObject({ meetingId: meetingB, meetingTitle: 'میز خدمت شاهرود', ticket: 1, status: 'done' });
    expect(hb.requests.map((r) => [r.text, r.instruction?.id, r.instruction?.status])).toEqual([['انشعاب برق', bInstruction.id, 'open']]);
    expect(ha).toMatchObject({ meetingId: a.meetingId, meetingTitle: 'ملاقات عمومی', meetingDate: '2026-04-01', status: 'done' });
    expect(ha.requests.map((r) => [r.text, r.instruction?.id, r.instruction?.status])).toEqual([
      ['ویلچر', aFirst.id, 'closed'],
      ['مستمری', aSecond.id, 'open'],
    ]);
    expect(JSON.stringify(detail.history)).not.toContain(cancelled.id);

    // clients.history has every visit, the current one first; any role may read it
    const history = must(t.as(followupToken)('clients.history', { clientId: a.clientId }));
    expect(history.map((h) => [h.visitId, h.status])).toEqual([
      [c.visitId, 'called'],
      [b.visitId, 'done'],
      [a.visitId, 'done'],
    ]);
    expect(history[0]!.requests.map((r) => r.instruction)).toEqual([null]);
    expect(history.slice(1)).toEqual(detail.history);

    // a first-time client has no history
    const fresh = calledVisitor();
    expect(must(official('visits.detail', { visitId: fresh.visitId })).history).toEqual([]);
  });
});

describe('instructions.byTrackingCode', () => {
  it('finds an instruction by its code typed in Persian digits with dashes', () => {
    const v = startedVisitor(['درخواست وام اشتغال']);
    const issued = issue(v.requestIds[0]!, toUnit());
    const typed = toPersianDigits(groupTrackingCode(issued.trackingCode));
    expect(typed).toMatch(/^[۰-۹]{3}-[۰-۹]{3}-[۰-۹]{3}$/);
    const found = must(t.as(followupToken)('instructions.byTrackingCode', { code: typed }));
    const client = must(admin('clients.get', { id: v.clientId }));
    expect(found.instruction).toEqual(issued);
    expect(found).toMatchObject({
      clientName: `${client.firstName} ${client.lastName}`,
      nationalIdTail: client.nationalId.slice(-4),
      request: { id: v.requestIds[0], text: 'درخواست وام اشتغال', categoryId },
      meetingTitle: 'ملاقات عمومی',
      meetingDate: '2026-04-01',
    });
    expect(found.nationalIdTail).toHaveLength(4);
    expect(JSON.stringify(found)).not.toContain(client.nationalId);

    // after an amendment the same code shows the new version
    must(official('instructions.amend', { id: issued.id, reason: 'تمدید مهلت', fields: toUnit('2026-05-01') }));
    expect(must(official('instructions.byTrackingCode', { code: ` ${issued.trackingCode} ` })).instruction).toMatchObject({ version: 2, dueDate: '2026-05-01' });
  });

  it('tells a wrong check digit, an unknown code and a wrong length apart', () => {
    const v = startedVisitor();
    const code = issue(v.requestIds[0]!).trackingCode;
    const lookup = (c: string) => mustFail(official('instructions.byTrackingCode', { code: c }));

    const wrongCheck = code.slice(0, 8) + String((Number(code[8]) + 1) % 10);
    expect(lookup(toPersianDigits(groupTrackingCode(wrongCheck)))).toEqual({ code: 'invalid_input', message: MESSAGES['tracking.checksum'], field: 'code' });
    const swapped = code[0] === code[1] ? null : code[1]! + code[0]! + code.slice(2);
    if (swapped) expect(lookup(swapped).message).toBe(MESSAGES['tracking.checksum']);

    let seedValue = 0;
    let unknown = code;
    while (unknown === code) unknown = newTrackingCode(() => ((seedValue = (seedValue * 7 + 3) % 10) + 0.5) / 10);
    expect(isValidTrackingCode(unknown)).toBe(true);
    expect(lookup(unknown)).toEqual({ code: 'not_found', message: MESSAGES['tracking.notFound'], field: 'code' });

    for (const wrongLength of ['', code.slice(0, 8), `${code}1`, toPersianDigits(code.slice(0, 5)), 'کد رهگیری']) {
      expect(lookup(wrongLength), wrongLength).toEqual({ code: 'invalid_input', message: MESSAGES['tracking.format'], field: 'code' });
    }
  });
});

describe('due dates follow the Tehran calendar', () => {
  it('after midnight in Tehran (still the day before in UTC) yesterday’s date is refused', () => {
    // 20:45 UTC on 1 April is 00:15 on 2 April in Tehran
    const late = createTempCore(steppingClock('2026-04-01T20:45:00.000Z'));
    try {
      const lateAdmin = late.as(late.setupAdmin());
      const meetingId = createOpenMeeting(lateAdmin);
      const categoryId = firstCategoryId(lateAdmin);
      const units = must(lateAdmin('lists.all', {})).units;
      const { visitId } = registerVisitor(lateAdmin, meetingId, categoryId, 1);
      const requestId = must(lateAdmin('queue.callNext', { meetingId, desk: 'میز ۱' }))!.requests[0]!.id;
      const fields = { kind: 'unit', text: 'ارجاع', unitId: units[0]!.id } as const;
      expect(mustFail(lateAdmin('instructions.issue', { requestId, fields: { ...fields, dueDate: '2026-04-01' } }))).toEqual({
        code: 'invalid_input',
        message: MESSAGES['instruction.duePast'],
        field: 'fields.dueDate',
      });
      expect(must(lateAdmin('instructions.issue', { requestId, fields: { ...fields, dueDate: '2026-04-02' } })).visitId).toBe(visitId);
    } finally {
      late.cleanup();
    }
  });
});
