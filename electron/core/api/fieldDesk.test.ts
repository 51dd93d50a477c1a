import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countIn, createTempCore, must, mustFail, registerVisitor, signInUser, type Call, type TempCore } from '../testing/tempCore';

/**
 * A field desk with agencies at the table (seeds 001, 003): the official hands a request to an
 * agency sitting there; its representative sees it on their own desk, answers it there or takes
 * it with a due date; the report counts what each agency took and answered.
 */
let t: TempCore;
let admin: Call;
let official: Call;
let gasRep: Call;
let powerRep: Call;
let gas: string;
let power: string;
let water: string;
let categoryId: string;

beforeEach(() => {
  t = createTempCore();
  const adminToken = t.setupAdmin();
  admin = t.as(adminToken);
  official = t.as(t.signIn('official', 'official1'));
  const lists = must(admin('lists.all', {}));
  const agency = (name: string) => lists.agencies.find((a) => a.name === name)!.id;
  gas = agency('اداره گاز');
  power = agency('اداره برق');
  water = agency('اداره آب و فاضلاب');
  categoryId = lists.categories[0]!.id;
  gasRep = t.as(signInUser(t, adminToken, { username: 'gas.rep', role: 'agency', agencyId: gas, displayName: 'نماینده گاز' }));
  powerRep = t.as(signInUser(t, adminToken, { username: 'power.rep', role: 'agency', agencyId: power }));
});
afterEach(() => t.cleanup());

function fieldDesk(agencyIds: string[]) {
  const meeting = must(
    admin('meetings.create', { kind: 'field_desk', title: 'میز خدمت سیار در سرخه', date: '2026-04-01', place: 'مسجد جامع سرخه', presiding: 'مدیرکل', agencyIds }),
  );
  must(admin('meetings.open', { id: meeting.id }));
  return meeting;
}

/** Registers a visitor with `n` requests and brings them to the official's desk. */
function atDesk(meetingId: string, seed: number, n: number) {
  registerVisitor(admin, meetingId, categoryId, seed, { texts: Array.from({ length: n }, (_, i) => `درخواست ${i + 1}: وصل انشعاب`) });
  return must(official('queue.callNext', { meetingId, desk: 'میز ۱' }))!;
}

const handTo = (requestId: string, agencyId: string, extra: { atTable?: boolean; dueDate?: string | null } = {}) =>
  official('instructions.issue', {
    requestId,
    fields: { kind: 'agency', text: 'نماینده دستگاه در میز بررسی کند', agencyId, atTable: extra.atTable ?? true, dueDate: extra.dueDate ?? null },
  });

describe('agencies at the table', () => {
  it('a meeting lists the agencies present; the list can change while it is open, only to active agencies', () => {
    const meeting = fieldDesk([gas, power, gas]);
    expect(meeting.agencyIds.sort()).toEqual([gas, power].sort());
    const changed = must(admin('meetings.setAgencies', { meetingId: meeting.id, agencyIds: [gas, water] }));
    expect(changed.agencyIds.sort()).toEqual([gas, water].sort());
    expect(mustFail(admin('meetings.setAgencies', { meetingId: meeting.id, agencyIds: [gas, '00000000-0000-7000-8000-000000000000'] }))).toMatchObject({
      code: 'invalid_input',
      field: 'agencyIds',
    });
    expect(must(admin('meetings.get', { id: meeting.id })).agencyIds.sort()).toEqual([gas, water].sort());
    expect(mustFail(gasRep('meetings.setAgencies', { meetingId: meeting.id, agencyIds: [] })).code).toBe('forbidden');
  });

  it('hands a request to an agency at the table without a due date; an absent agency is refused, naming the field', () => {
    const meeting = fieldDesk([gas]);
    const called = atDesk(meeting.id, 1, 2);
    const before = countIn(t.core, 'instructions');
    expect(mustFail(handTo(called.requests[0]!.id, power))).toMatchObject({ code: 'invalid_input', field: 'fields.atTable' });
    expect(countIn(t.core, 'instructions')).toBe(before);
    // Not at the table: an ordinary referral still needs its due date.
    expect(mustFail(handTo(called.requests[0]!.id, power, { atTable: false }))).toMatchObject({ field: 'fields.dueDate' });

    const events = t.events.length;
    const handed = must(handTo(called.requests[0]!.id, gas));
    expect(handed).toMatchObject({ kind: 'agency', agencyId: gas, atTable: true, status: 'open', dueDate: null, takenAt: null });
    expect(t.events.slice(events)).toContainEqual({ name: 'agencyDesk.changed', payload: { meetingId: meeting.id, agencyId: gas } });
  });

  it("the representative sees their agency's requests only, answers one there and takes another with a due date", () => {
    const meeting = fieldDesk([gas, power]);
    const called = atDesk(meeting.id, 1, 3);
    const [a, b, c] = called.requests.map((r) => r.id);
    const first = must(handTo(a!, gas));
    const second = must(handTo(b!, gas));
    const third = must(handTo(c!, power));

    const mine = must(gasRep('agencyDesk.list', {}));
    expect(mine.agencyName).toBe('اداره گاز');
    expect(mine.items.map((i) => [i.instruction.id, i.state])).toEqual([
      [first.id, 'waiting'],
      [second.id, 'waiting'],
    ]);
    expect(mine.items[0]).toMatchObject({ meetingId: meeting.id, requestText: 'درخواست 1: وصل انشعاب', desk: 'میز ۱' });
    expect(must(powerRep('agencyDesk.list', {})).items.map((i) => i.instruction.id)).toEqual([third.id]);
    // Another agency's request is "not found" for a representative, and nothing changes.
    expect(mustFail(powerRep('agencyDesk.answer', { instructionId: first.id, outcome: 'done', note: 'انجام شد' })).code).toBe('not_found');

    const answered = must(gasRep('agencyDesk.answer', { instructionId: first.id, outcome: 'done', note: 'انشعاب در محل تأیید شد', deliveredToman: null }));
    expect(answered).toMatchObject({ status: 'closed', outcome: 'done', takenAt: null });
    expect(mustFail(gasRep('agencyDesk.answer', { instructionId: first.id, outcome: 'done', note: 'دوباره' }))).toMatchObject({ code: 'conflict' });

    expect(mustFail(gasRep('agencyDesk.take', { instructionId: second.id, dueDate: '2026-03-01' }))).toMatchObject({ field: 'dueDate' });
    const taken = must(gasRep('agencyDesk.take', { instructionId: second.id, dueDate: '2026-04-20', note: 'بازدید کارشناس گاز' }));
    expect(taken).toMatchObject({ status: 'open', dueDate: '2026-04-20' });
    expect(taken.takenAt).not.toBeNull();
    // Taken away, it is followed up like any referral: on the agency's worklist with its due date and the note as a step.
    const worklist = must(gasRep('followups.list', {}));
    expect(worklist.items.map((i) => i.instruction.id)).toEqual([second.id]);
    expect(must(gasRep('followups.steps', { instructionId: second.id })).map((s) => s.text)).toEqual(['بازدید کارشناس گاز']);

    expect(must(gasRep('agencyDesk.list', {})).items.map((i) => [i.instruction.id, i.state])).toEqual([
      [first.id, 'answered'],
      [second.id, 'taken'],
    ]);
    // The directorate's staff name the agency; without one they are asked for it.
    expect(mustFail(official('agencyDesk.list', {}))).toMatchObject({ field: 'agencyId' });
    expect(must(official('agencyDesk.list', { agencyId: power })).items).toHaveLength(1);
    // Operators do not work the table.
    expect(mustFail(t.as(t.signIn('operator', 'operator1'))('agencyDesk.list', { agencyId: gas })).code).toBe('forbidden');
  });

  it("the report shows what each agency was handed, answered at the table and took, adding up", () => {
    const meeting = fieldDesk([gas, power]);
    const one = atDesk(meeting.id, 1, 3);
    const handed = [must(handTo(one.requests[0]!.id, gas)), must(handTo(one.requests[1]!.id, gas)), must(handTo(one.requests[2]!.id, power))];
    must(official('visits.finish', { visitId: one.visitId }));
    const two = atDesk(meeting.id, 2, 1);
    const waiting = must(handTo(two.requests[0]!.id, gas));
    must(gasRep('agencyDesk.answer', { instructionId: handed[0]!.id, outcome: 'partly_done', note: 'بخشی در محل' }));
    must(gasRep('agencyDesk.take', { instructionId: handed[1]!.id, dueDate: '2026-04-15' }));
    must(powerRep('agencyDesk.answer', { instructionId: handed[2]!.id, outcome: 'not_possible', reasonId: must(admin('lists.all', {})).outcomeReasons[0]!.id, note: 'خارج از ضوابط' }));
    // A cancelled one is not counted.
    const three = atDesk(meeting.id, 3, 1);
    const cancelled = must(handTo(three.requests[0]!.id, power));
    must(official('instructions.cancel', { id: cancelled.id, reason: 'اشتباه ثبت شد' }));

    const report = must(admin('reports.build', { meetingId: meeting.id }));
    const row = (id: string) => report.byAgencyAtTable.rows.find((r) => r.key === id)?.values;
    expect(row(gas)).toEqual([3, 1, 1, 1]);
    expect(row(power)).toEqual([1, 1, 0, 0]);
    expect(report.byAgencyAtTable.totals).toEqual([4, 2, 1, 1]);
    for (const r of report.byAgencyAtTable.rows) expect(r.values[0]).toBe(r.values[1]! + r.values[2]! + r.values[3]!);
    // Handed at the table is part of what was referred to agencies.
    expect(report.byAgency.totals[0]).toBe(4);
    expect(waiting.atTable).toBe(true);
    // The province's report counts them too.
    expect(must(admin('reports.build', {})).byAgencyAtTable.totals).toEqual([4, 2, 1, 1]);
  });
});
