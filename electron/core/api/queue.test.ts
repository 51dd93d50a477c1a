import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typedCall } from './dispatch';
import type { PriorityKind } from '../contract';
import { projectOrder } from '../domain/queueOrder';
import { createCore } from '../index';
import {
  countRows,
  createMeeting,
  createOpenMeeting,
  createTempCore,
  firstCategoryId,
  must,
  mustFail,
  nationalIdFor,
  type Call,
  type TempCore,
  steppingClock,
} from '../testing/tempCore';
import { MESSAGES } from './messages';

let t: TempCore;
let admin: Call;
let operator: Call;
let officialA: Call;
let officialB: string;
let officialAId: string;
let officialBId: string;
let categoryId: string;
let seed = 100;

beforeAll(() => {
  t = createTempCore();
  admin = t.as(t.setupAdmin());
  operator = t.as(t.signIn('operator', 'operator1'));
  const a = t.signIn('official', 'official.a');
  officialB = t.signIn('official', 'official.b');
  officialA = t.as(a);
  officialAId = must(officialA('auth.me', {})).userId;
  officialBId = must(t.as(officialB)('auth.me', {})).userId;
  categoryId = firstCategoryId(admin);
});
afterAll(() => t.cleanup());

const setMaxPriorityInRow = (n: number) => expect(must(admin('settings.save', { maxPriorityInRow: n })).maxPriorityInRow).toBe(n);

/** Registers a new client at the meeting; 'none' is an ordinary ticket. */
function register(meetingId: string, priority: PriorityKind = 'none', texts = ['درخواست وسایل کمک توانبخشی']) {
  seed += 1;
  return must(
    operator('visits.register', {
      meetingId,
      newClient: { nationalId: nationalIdFor(seed), firstName: 'مددجو', lastName: `شماره ${seed}`, sex: 'female' },
      priority,
      priorityReason: priority === 'none' ? '' : 'معلولیت شدید و مراجعه از شهرستان دور',
      requests: texts.map((text) => ({ categoryId, text })),
    }),
  );
}

/** Registers tickets from a pattern like 'O P P P O' (O = ordinary, P = urgent priority); returns visit ids by ticket. */
function registerPattern(meetingId: string, pattern: string): Map<number, string> {
  const byTicket = new Map<number, string>();
  for (const kind of pattern.split(' ')) {
    const ticket = register(meetingId, kind === 'P' ? 'urgent' : 'none');
    byTicket.set(ticket.ticket, ticket.visitId);
  }
  return byTicket;
}

function callAll(call: Call, meetingId: string, desk = 'میز ۱'): number[] {
  const tickets: number[] = [];
  for (;;) {
    const next = must(call('queue.callNext', { meetingId, desk }));
    if (!next) return tickets;
    tickets.push(next.ticket);
    if (tickets.length > 100) throw new Error('queue does not end');
  }
}

describe('visits.register', () => {
  it('numbers tickets 1, 2, 3 in a meeting and starts again at 1 in another', () => {
    const first = createOpenMeeting(admin, 'ملاقات عمومی سه‌شنبه');
    const second = createOpenMeeting(admin, 'میز خدمت محله');
    expect([register(first).ticket, register(first).ticket, register(first).ticket]).toEqual([1, 2, 3]);
    const inSecond = register(second);
    expect(inSecond.ticket).toBe(1);
    expect(register(first).ticket).toBe(4);
    expect(register(second).ticket).toBe(2);

    const meeting = must(admin('meetings.get', { id: first }));
    expect(meeting.waiting).toBe(4);
    expect(meeting.visits).toBe(4);
    const queue = must(operator('queue.list', { meetingId: first }));
    expect(queue.waiting.map((e) => [e.ticket, e.position, e.status])).toEqual([
      [1, 1, 'waiting'],
      [2, 2, 'waiting'],
      [3, 3, 'waiting'],
      [4, 4, 'waiting'],
    ]);
  });

  it('registers an existing client by id, with several requests in order', () => {
    const meetingId = createOpenMeeting(admin);
    const client = must(operator('clients.create', { nationalId: nationalIdFor(9001), firstName: 'رضا', lastName: 'احمدی', sex: 'male' }));
    const clientsBefore = countRows(t.core, 'clients');
    const ticket = must(
      operator('visits.register', {
        meetingId,
        clientId: client.id,
        requests: [
          { categoryId, text: 'ویلچر برقی', urgency: 'urgent' },
          { categoryId, text: 'مناسب‌سازی سرویس بهداشتی' },
        ],
      }),
    );
    expect(ticket).toMatchObject({ meetingId, clientId: client.id, ticket: 1, priority: 'none' });
    expect(countRows(t.core, 'clients')).toBe(clientsBefore);
    const entry = must(operator('queue.list', { meetingId })).waiting[0]!;
    expect(entry).toMatchObject({ visitId: ticket.visitId, clientName: 'رضا احمدی', requestCount: 2, priorityReason: '' });

    const called = must(officialA('queue.callNext', { meetingId, desk: 'میز مدیرکل' }))!;
    expect(called.requests.map((r) => [r.text, r.urgency])).toEqual([
      ['ویلچر برقی', 'urgent'],
      ['مناسب‌سازی سرویس بهداشتی', 'normal'],
    ]);
    expect(called.requests[0]!.categoryName).toBe('اشتغال و کارآفرینی');
  });

  it('refuses a client who already has an active ticket in the meeting, but not in another meeting', () => {
    const meetingId = createOpenMeeting(admin);
    const other = createOpenMeeting(admin);
    register(meetingId);
    const first = register(meetingId);
    const before = { visits: countRows(t.core, 'visits'), requests: countRows(t.core, 'requests') };
    const again = () => mustFail(operator('visits.register', { meetingId, clientId: first.clientId, requests: [{ categoryId, text: 'دوباره' }] }));

    const error = again();
    expect(error.code).toBe('conflict');
    expect(error.field).toBe('clientId');
    expect(error.message).toBe(MESSAGES['client.alreadyQueued'].replace('{ticket}', '2'));
    expect({ visits: countRows(t.core, 'visits'), requests: countRows(t.core, 'requests') }).toEqual(before);

    // still active once called
    expect(must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }))!.ticket).toBe(1);
    expect(must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }))!.visitId).toBe(first.visitId);
    expect(again().code).toBe('conflict');

    expect(must(operator('visits.register', { meetingId: other, clientId: first.clientId, requests: [{ categoryId, text: 'جلسه دیگر' }] })).ticket).toBe(1);
    // the refused attempts used no ticket number
    expect(register(meetingId).ticket).toBe(3);
  });

  it('refuses a meeting that is planned (not opened) or closed', () => {
    const planned = createMeeting(admin);
    const notOpen = mustFail(operator('visits.register', { meetingId: planned, newClient: { nationalId: nationalIdFor(9100), firstName: 'الف', lastName: 'ب', sex: 'male' }, requests: [{ categoryId, text: 'x' }] }));
    expect(notOpen).toEqual({ code: 'conflict', message: MESSAGES['meeting.notOpen'], field: 'meetingId' });
    expect(mustFail(officialA('queue.callNext', { meetingId: planned, desk: 'میز ۱' })).code).toBe('conflict');

    const closed = createOpenMeeting(admin);
    must(admin('meetings.close', { id: closed }));
    const isClosed = mustFail(operator('visits.register', { meetingId: closed, newClient: { nationalId: nationalIdFor(9100), firstName: 'الف', lastName: 'ب', sex: 'male' }, requests: [{ categoryId, text: 'x' }] }));
    expect(isClosed).toEqual({ code: 'conflict', message: MESSAGES['meeting.closed'], field: 'meetingId' });
    expect(must(operator('clients.byNationalId', { nationalId: nationalIdFor(9100) }))).toBeNull();
  });
});

describe('calling order', () => {
  it('with maxPriorityInRow = 2, calls O1 P2 P3 P4 O5 as P2 P3 O1 P4 O5', () => {
    setMaxPriorityInRow(2);
    const meetingId = createOpenMeeting(admin);
    registerPattern(meetingId, 'O P P P O');

    const queue = must(operator('queue.list', { meetingId }));
    expect(queue.maxPriorityInRow).toBe(2);
    expect(queue.waiting.map((e) => e.ticket)).toEqual([2, 3, 1, 4, 5]);
    expect(queue.waiting.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(queue.waiting.find((e) => e.ticket === 2)).toMatchObject({ priority: 'urgent', priorityReason: 'معلولیت شدید و مراجعه از شهرستان دور' });

    const first = must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }))!;
    expect(first.ticket).toBe(2);
    // the projection continues from the call history
    expect(must(operator('queue.list', { meetingId })).waiting.map((e) => e.ticket)).toEqual([3, 1, 4, 5]);
    expect(callAll(officialA, meetingId)).toEqual([3, 1, 4, 5]);
    expect(must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }))).toBeNull();
  });

  it('keeps the rule when every call has the same instant (the call order is counted, not timed)', () => {
    const frozen = createTempCore(steppingClock('2026-04-01T05:30:00.000Z', 0));
    try {
      const fAdmin = frozen.as(frozen.setupAdmin());
      must(fAdmin('settings.save', { maxPriorityInRow: 2 }));
      const meetingId = createOpenMeeting(fAdmin);
      const categoryId = firstCategoryId(fAdmin);
      'O P P P O'.split(' ').forEach((kind, i) =>
        must(
          fAdmin('visits.register', {
            meetingId,
            newClient: { nationalId: nationalIdFor(7000 + i), firstName: 'مراجع', lastName: `شماره ${i}`, sex: 'female' },
            priority: kind === 'P' ? 'urgent' : 'none',
            priorityReason: kind === 'P' ? 'فوری' : '',
            requests: [{ categoryId, text: 'درخواست' }],
          }),
        ),
      );
      expect(callAll(fAdmin, meetingId)).toEqual([2, 3, 1, 4, 5]);
    } finally {
      frozen.cleanup();
    }
  });

  it('follows the setting: with 3 priority calls in a row the same tickets go P2 P3 P4 O1 O5', () => {
    setMaxPriorityInRow(3);
    const meetingId = createOpenMeeting(admin);
    registerPattern(meetingId, 'O P P P O');
    expect(callAll(officialA, meetingId)).toEqual([2, 3, 4, 1, 5]);
  });

  it('does not starve ordinary visitors: among many priority tickets one is called within maxPriorityInRow + 1 calls', () => {
    setMaxPriorityInRow(2);
    const meetingId = createOpenMeeting(admin);
    registerPattern(meetingId, 'O P P P P P P O P P');
    const order = callAll(officialA, meetingId);
    expect(order).toEqual([2, 3, 1, 4, 5, 8, 6, 7, 9, 10]);
    expect(order.indexOf(1)).toBeLessThanOrEqual(2);
    expect(order.indexOf(8) - order.indexOf(1)).toBeLessThanOrEqual(3);
  });

  it('counts priority calls made before a new ordinary visitor arrived', () => {
    setMaxPriorityInRow(2);
    const meetingId = createOpenMeeting(admin);
    registerPattern(meetingId, 'P P P');
    expect(must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }))!.ticket).toBe(1);
    expect(must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }))!.ticket).toBe(2);
    registerPattern(meetingId, 'O'); // ticket 4 arrives after two priority calls in a row
    expect(callAll(officialA, meetingId)).toEqual([4, 3]);
  });

  it('writes the call: status, desk, official, time, audit entry and one event', () => {
    setMaxPriorityInRow(3);
    const meetingId = createOpenMeeting(admin);
    const { visitId } = register(meetingId);
    const auditBefore = countRows(t.core, 'audit_log');
    const eventsBefore = t.events.length;
    const called = must(officialA('queue.callNext', { meetingId, desk: 'میز معاون توانبخشی' }))!;
    expect(called).toMatchObject({ visitId, status: 'called', desk: 'میز معاون توانبخشی', position: null });
    expect(called.calledAt).not.toBeNull();
    expect(t.core.db.prepare('SELECT status, desk, called_by, called_at FROM visits WHERE id = ?').get(visitId)).toEqual({
      status: 'called',
      desk: 'میز معاون توانبخشی',
      called_by: officialAId,
      called_at: called.calledAt,
    });
    expect(countRows(t.core, 'audit_log')).toBe(auditBefore + 1);
    expect(t.events.slice(eventsBefore)).toEqual([{ name: 'queue.changed', payload: { meetingId } }]);
    const queue = must(operator('queue.list', { meetingId }));
    expect(queue.waiting).toEqual([]);
    expect(queue.called.map((e) => e.visitId)).toEqual([visitId]);

    // nobody waiting: null, nothing written, no event
    expect(must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }))).toBeNull();
    expect(countRows(t.core, 'audit_log')).toBe(auditBefore + 1);
    expect(t.events.length).toBe(eventsBefore + 1);
  });
});

describe('two desks calling the same queue', () => {
  it('hand out every visit exactly once, in the queue order, then null to both', () => {
    setMaxPriorityInRow(2);
    const meetingId = createOpenMeeting(admin);
    const pattern = 'O P O P P P O P O O P';
    const byTicket = registerPattern(meetingId, pattern);

    // Desk B is another host process on the same database file: its own connection, same clock.
    const otherHost = createCore({ file: t.file, now: t.clock, log: (_m, e) => t.internalErrors.push(e) });
    try {
      const deskA = (): ReturnType<Call> => officialA('queue.callNext', { meetingId, desk: 'میز الف' });
      const deskB = typedCall(otherHost.dispatch, officialB);
      const calls: { desk: 'A' | 'B'; visitId: string; ticket: number }[] = [];
      let nullsInARow = 0;
      for (let i = 0; nullsInARow < 2 && i < 50; i++) {
        const desk = i % 3 === 1 ? 'B' : i % 2 === 0 ? 'A' : 'B';
        const result = desk === 'A' ? deskA() : deskB('queue.callNext', { meetingId, desk: 'میز ب' });
        const next = must(result) as { visitId: string; ticket: number; desk: string | null } | null;
        if (!next) {
          nullsInARow += 1;
          continue;
        }
        nullsInARow = 0;
        expect(next.desk).toBe(desk === 'A' ? 'میز الف' : 'میز ب');
        calls.push({ desk, visitId: next.visitId, ticket: next.ticket });
      }

      const ids = calls.map((c) => c.visitId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual([...byTicket.values()].sort());
      expect(calls.some((c) => c.desk === 'A')).toBe(true);
      expect(calls.some((c) => c.desk === 'B')).toBe(true);

      const waiting = pattern.split(' ').map((k, i) => ({ id: String(i + 1), ticket: i + 1, priority: k === 'P' }));
      expect(calls.map((c) => c.ticket)).toEqual(projectOrder(waiting, 0, 2).map((w) => w.ticket));

      expect(must(deskA())).toBeNull();
      expect(must(deskB('queue.callNext', { meetingId, desk: 'میز ب' }))).toBeNull();
      const rows = t.core.db.prepare('SELECT status, called_by, desk FROM visits WHERE meeting_id = ?').all(meetingId) as {
        status: string;
        called_by: string;
        desk: string;
      }[];
      expect(rows).toHaveLength(byTicket.size);
      for (const row of rows) {
        expect(row.status).toBe('called');
        expect(row.called_by).toBe(row.desk === 'میز الف' ? officialAId : officialBId);
      }
      expect(t.internalErrors).toEqual([]);
    } finally {
      otherHost.close();
    }
  });
});

describe('meetings.close', () => {
  it('is refused while visitors wait or are with a desk, and a closed meeting stays closed', () => {
    const meetingId = createOpenMeeting(admin);
    register(meetingId);
    const refused = mustFail(admin('meetings.close', { id: meetingId }));
    expect(refused).toEqual({ code: 'conflict', message: MESSAGES['meeting.hasWaiting'], field: 'id' });
    expect(must(admin('meetings.get', { id: meetingId })).status).toBe('open');

    must(officialA('queue.callNext', { meetingId, desk: 'میز ۱' }));
    expect(mustFail(admin('meetings.close', { id: meetingId })).code).toBe('conflict');
    expect(must(admin('meetings.get', { id: meetingId })).closedAt).toBeNull();

    const empty = createOpenMeeting(admin);
    const closed = must(admin('meetings.close', { id: empty }));
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(mustFail(admin('meetings.open', { id: empty }))).toEqual({ code: 'conflict', message: MESSAGES['meeting.closed'], field: 'id' });
    expect(mustFail(admin('meetings.close', { id: empty })).code).toBe('conflict');
    expect(mustFail(officialA('queue.callNext', { meetingId: empty, desk: 'میز ۱' }))).toEqual({
      code: 'conflict',
      message: MESSAGES['meeting.closed'],
      field: 'meetingId',
    });
  });
});
