import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Instruction } from '../contract';
import {
  TEST_TODAY,
  countTableRows,
  createOpenMeeting,
  createTempCore,
  firstCategoryId,
  must,
  mustFail,
  registerVisitor,
  type Call,
  type TempCore,
} from '../testing/tempCore';
import { MESSAGES } from './messages';

type Fields = Input<'instructions.issue'>['fields'];

let t: TempCore;
let admin: Call;
let official: Call;
let followup: Call;
let officialId: string;
let followupId: string;
let categoryId: string;
let unitId: string;
let seed = 800;

beforeAll(() => {
  t = createTempCore();
  admin = t.as(t.setupAdmin());
  official = t.as(t.signIn('official', 'official1'));
  followup = t.as(t.signIn('followup', 'followup1'));
  officialId = must(official('auth.me', {})).userId;
  followupId = must(followup('auth.me', {})).userId;
  categoryId = firstCategoryId(admin);
  const unit = must(admin('lists.all', {})).units[0]!;
  unitId = must(admin('lists.save', { kind: 'units', id: unit.id, name: unit.name, room: 'اتاق ۱۱۲' })).id;
});
afterAll(() => t.cleanup());

const HEADER = { directorateName: 'اداره کل بهزیستی استان سمنان', province: 'سمنان', logo: '' };
const answered: Fields = { kind: 'answered', text: 'پاسخ در جلسه', answer: 'معرفی به کارگاه' };
const toUnit = (): Fields => ({ kind: 'unit', text: 'ارجاع به واحد', unitId, dueDate: TEST_TODAY });

/** A visitor with one request per text at a fresh meeting, called and started by the official. */
function atDesk(texts: string[], title = 'ملاقات عمومی مدیرکل') {
  const meetingId = createOpenMeeting(admin, title);
  seed += 1;
  const ticket = registerVisitor(admin, meetingId, categoryId, seed, { texts, fatherName: 'حسین' });
  must(official('queue.callNext', { meetingId, desk: 'میز ۱' }));
  const detail = must(official('visits.start', { visitId: ticket.visitId }));
  return { meetingId, visitId: ticket.visitId, clientId: ticket.clientId, requestIds: detail.requests.map((r) => r.id), client: detail.client };
}

const issue = (requestId: string, fields: Fields = answered): Instruction => must(official('instructions.issue', { requestId, fields }));

const printLog = (entityId: string) =>
  t.core.db.prepare('SELECT kind, printed_by FROM print_log WHERE entity_id = ? ORDER BY rowid').all(entityId) as { kind: string; printed_by: string }[];

describe('print.slip', () => {
  it('returns the slip with printNumber 1, then 2 for a reprint, and logs each print', () => {
    const v = atDesk(['وسایل کمک توانبخشی']);
    const instruction = issue(v.requestIds[0]!, toUnit());

    const first = must(official('print.slip', { instructionId: instruction.id }));
    expect(first).toMatchObject({
      ...HEADER,
      printNumber: 1,
      instruction,
      request: { id: v.requestIds[0], categoryId, text: 'وسایل کمک توانبخشی', urgency: 'normal' },
      client: { name: `${v.client.firstName} ${v.client.lastName}`, nationalId: v.client.nationalId, fatherName: 'حسین' },
      meetingTitle: 'ملاقات عمومی مدیرکل',
      meetingDate: '2026-04-01',
    });
    expect(first.instruction.room).toBe('اتاق ۱۱۲');
    expect(Date.parse(first.printedAt)).not.toBeNaN();

    const reprint = must(followup('print.slip', { instructionId: instruction.id }));
    expect(reprint.printNumber).toBe(2);
    expect(reprint.printedAt > first.printedAt).toBe(true);
    expect(reprint.instruction).toEqual(first.instruction);
    expect(printLog(instruction.id)).toEqual([
      { kind: 'slip', printed_by: officialId },
      { kind: 'slip', printed_by: followupId },
    ]);

    // another instruction has its own count
    const other = atDesk(['مسکن']);
    expect(must(official('print.slip', { instructionId: issue(other.requestIds[0]!).id })).printNumber).toBe(1);
  });

  it('refuses an unknown instruction and records nothing', () => {
    const before = countTableRows(t.core, 'print_log');
    expect(mustFail(official('print.slip', { instructionId: 'no-such-instruction' }))).toEqual({
      code: 'not_found',
      message: MESSAGES['instruction.notFound'],
      field: 'instructionId',
    });
    expect(countTableRows(t.core, 'print_log')).toBe(before);
  });
});

describe('print.visitSlips', () => {
  it('returns one slip per live instruction of the visit, in request order, never a cancelled one', () => {
    const v = atDesk(['اول', 'دوم', 'سوم']);
    const [r1, r2, r3] = v.requestIds as [string, string, string];
    const i1 = issue(r1);
    const i2 = issue(r2, toUnit());
    const i3 = issue(r3, { kind: 'not_possible', text: 'خارج از ضوابط', reason: 'درآمد بیش از سقف' });
    must(official('instructions.cancel', { id: i2.id, reason: 'واحد اشتباه' }));

    const slips = must(official('print.visitSlips', { visitId: v.visitId }));
    expect(slips.map((s) => s.instruction.id)).toEqual([i1.id, i3.id]);
    expect(slips.map((s) => s.request.id)).toEqual([r1, r3]);
    expect(slips.every((s) => s.instruction.status !== 'cancelled')).toBe(true);
    expect(slips.map((s) => s.printNumber)).toEqual([1, 1]);
    expect(printLog(i2.id)).toEqual([]);

    const replacement = issue(r2, { kind: 'review', text: 'بررسی', reviewer: 'مددکار', dueDate: '2026-04-05' });
    const again = must(official('print.visitSlips', { visitId: v.visitId }));
    expect(again.map((s) => s.instruction.id)).toEqual([i1.id, replacement.id, i3.id]);
    expect(again.map((s) => s.printNumber)).toEqual([2, 1, 2]);
  });

  it('returns nothing for a visit without instructions and refuses an unknown visit', () => {
    const v = atDesk(['بدون دستور']);
    expect(must(official('print.visitSlips', { visitId: v.visitId }))).toEqual([]);
    expect(mustFail(official('print.visitSlips', { visitId: 'no-such-visit' }))).toEqual({ code: 'not_found', message: MESSAGES['visit.notFound'], field: 'visitId' });
  });
});

describe('print.ticket', () => {
  it('counts the visitors ahead in the projected calling order, not in ticket order', () => {
    const meetingId = createOpenMeeting(admin, 'ملاقات عمومی سه‌شنبه');
    const o1 = registerVisitor(admin, meetingId, categoryId, ++seed);
    const o2 = registerVisitor(admin, meetingId, categoryId, ++seed);
    const p3 = registerVisitor(admin, meetingId, categoryId, ++seed, { priority: 'disability' });
    // priority first (up to 3 in a row): P3, O1, O2
    expect(must(admin('queue.list', { meetingId })).waiting.map((e) => e.visitId)).toEqual([p3.visitId, o1.visitId, o2.visitId]);

    const ahead = (visitId: string) => must(admin('print.ticket', { visitId })).waitingAhead;
    expect([ahead(p3.visitId), ahead(o1.visitId), ahead(o2.visitId)]).toEqual([0, 1, 2]);

    const ticket = must(admin('print.ticket', { visitId: p3.visitId }));
    expect(ticket).toMatchObject({
      ...HEADER,
      ticket: 3,
      priority: 'disability',
      meetingTitle: 'ملاقات عمومی سه‌شنبه',
      meetingDate: '2026-04-01',
      place: 'سالن اجتماعات اداره کل',
      registeredAt: p3.registeredAt,
      waitingAhead: 0,
      printNumber: 2,
    });
    expect(printLog(p3.visitId).map((p) => p.kind)).toEqual(['ticket', 'ticket']);

    // after a call the one called has nobody ahead, the others move up
    expect(must(official('queue.callNext', { meetingId, desk: 'میز ۱' }))!.visitId).toBe(p3.visitId);
    expect([ahead(p3.visitId), ahead(o1.visitId), ahead(o2.visitId)]).toEqual([0, 0, 1]);
    expect(mustFail(admin('print.ticket', { visitId: 'no-such-visit' }))).toEqual({ code: 'not_found', message: MESSAGES['visit.notFound'], field: 'visitId' });
  });
});

describe('print.visit', () => {
  it('has the visit, the client and every request with its live instruction, and no history', () => {
    const earlier = atDesk(['سابقه']);
    issue(earlier.requestIds[0]!);
    must(official('visits.finish', { visitId: earlier.visitId }));

    const meetingId = createOpenMeeting(admin, 'میز خدمت دامغان');
    const { visitId } = must(
      admin('visits.register', {
        meetingId,
        clientId: earlier.clientId,
        requests: [
          { categoryId, text: 'اول' },
          { categoryId, text: 'دوم', urgency: 'urgent' },
          { categoryId, text: 'سوم' },
        ],
      }),
    );
    must(official('queue.callNext', { meetingId, desk: 'میز ۲' }));
    const requests = must(official('visits.start', { visitId })).requests;
    const i1 = issue(requests[0]!.id, toUnit());
    const cancelled = issue(requests[1]!.id);
    must(official('instructions.cancel', { id: cancelled.id, reason: 'اشتباه' }));
    const i3 = issue(requests[2]!.id, { kind: 'agency', text: 'معرفی', agencyId: must(admin('lists.all', {})).agencies[0]!.id, dueDate: '2026-04-30', amountToman: 300_000, funder: 'welfare' });

    const page = must(followup('print.visit', { visitId }));
    expect(page).toMatchObject({ ...HEADER, printNumber: 1 });
    expect(page.detail.visit).toMatchObject({ visitId, meetingId, meetingTitle: 'میز خدمت دامغان', status: 'with_official', desk: 'میز ۲', requestCount: 3 });
    expect(page.detail.client.id).toBe(earlier.clientId);
    expect(page.detail.requests.map((r) => [r.text, r.urgency, r.instruction?.id ?? null])).toEqual([
      ['اول', 'normal', i1.id],
      ['دوم', 'urgent', null],
      ['سوم', 'normal', i3.id],
    ]);
    expect(page.detail.requests[2]!.instruction!.amountRials).toBe(3_000_000);
    expect('history' in page.detail).toBe(false);
    expect(must(official('print.visit', { visitId })).printNumber).toBe(2);
    expect(printLog(visitId).map((p) => p.kind)).toEqual(['visit', 'visit']);
  });
});
