import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../domain/ids';
import { createTempCore, must, nationalIdFor, type Call, type TempCore } from '../testing/tempCore';
import { reportCountDifferences } from './counts';

/**
 * Issue 9 made intake write less (migration 0110, reports/facts.ts): the intake's INSERT carries
 * the visit's report columns, `prev_day` is written only where it changes, a counter's month row
 * moves once by the difference. These are the cases the broad counters test meets least often.
 */
describe('report columns and counters kept with fewer writes', () => {
  let t: TempCore;
  afterEach(() => t.cleanup());

  interface VisitColumns {
    day: string | null;
    county_id: string | null;
    cmask: number;
    prev_day: string | null;
  }
  const columns = (visitId: string) =>
    t.core.db.prepare('SELECT day, county_id, cmask, prev_day FROM visits WHERE id = ?').get(visitId) as VisitColumns;

  function setup() {
    t = createTempCore();
    const call: Call = t.as(t.setupAdmin());
    const lists = must(call('lists.all', {}));
    const meeting = (date: string) => {
      const id = must(call('meetings.create', { kind: 'weekly_public', title: `ملاقات ${date}`, date, place: 'اداره کل', presiding: '' })).id;
      must(call('meetings.open', { id }));
      return id;
    };
    const requests = [{ categoryId: lists.categories[0]!.id, text: 'درخواست' }];
    return { call, lists, meeting, requests };
  }

  it('a client registered at an earlier-dated meeting after a later one: the later visit gets its new previous day, counters stay exact', () => {
    const { call, lists, meeting, requests } = setup();
    const may = meeting('2026-05-10');
    const april = meeting('2026-04-20');
    const countyId = lists.counties[1]!.id;
    const first = must(
      call('visits.register', {
        meetingId: may,
        newClient: { nationalId: nationalIdFor(1), firstName: 'زهرا', lastName: 'کریمی', sex: 'female', countyId, circumstances: ['disability', 'elderly'] },
        requests,
      }),
    );
    expect(columns(first.visitId)).toEqual({ day: '2026-05-10', county_id: countyId, cmask: 0b101, prev_day: null });
    const earlier = must(call('visits.register', { meetingId: april, clientId: first.clientId, requests }));
    expect(columns(earlier.visitId)).toEqual({ day: '2026-04-20', county_id: countyId, cmask: 0b101, prev_day: null });
    expect(columns(first.visitId).prev_day).toBe('2026-04-20');
    expect(reportCountDifferences(t.core.db)).toEqual([]);

    // A third visit, between the two: each keeps the day of the one just before it.
    const lateApril = meeting('2026-04-30');
    const middle = must(call('visits.register', { meetingId: lateApril, clientId: first.clientId, requests }));
    expect([columns(earlier.visitId).prev_day, columns(middle.visitId).prev_day, columns(first.visitId).prev_day]).toEqual([null, '2026-04-20', '2026-04-30']);
    expect(reportCountDifferences(t.core.db)).toEqual([]);
  });

  it('a visit written without its report columns (as an import writes it) gets the same columns and counters as one registered at the desk', () => {
    const { call, lists, meeting, requests } = setup();
    const earlierMeeting = meeting('2026-04-05');
    const meetingId = meeting('2026-04-12');
    const countyId = lists.counties[2]!.id;
    const newClient = (seed: number) => ({ nationalId: nationalIdFor(seed), firstName: 'علی', lastName: `رضایی ${seed}`, sex: 'male' as const, countyId, circumstances: ['low_income' as const] });
    // Two clients alike, each with an earlier visit.
    const a = must(call('visits.register', { meetingId: earlierMeeting, newClient: newClient(2), requests }));
    const b = must(call('visits.register', { meetingId: earlierMeeting, newClient: newClient(3), requests }));
    const atDesk = must(call('visits.register', { meetingId, clientId: a.clientId, requests }));
    const adminId = (t.core.db.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: string }).id;
    const imported = newId();
    t.core.db
      .prepare(
        `INSERT INTO visits (id, meeting_id, client_id, ticket, sort_key, status, registered_by, registered_at)
         VALUES (?, ?, ?, 99, 99, 'waiting', ?, '2026-04-12T06:00:00.000Z')`,
      )
      .run(imported, meetingId, b.clientId, adminId);
    const expected = { day: '2026-04-12', county_id: countyId, cmask: 0b1000, prev_day: '2026-04-05' };
    expect(columns(atDesk.visitId)).toEqual(expected);
    expect(columns(imported)).toEqual(expected);
    expect(reportCountDifferences(t.core.db)).toEqual([]);
  });
});
