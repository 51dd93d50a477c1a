import type { typedCall } from '../../electron/core/api/dispatch';
import type { Result } from '../../electron/core/contract';
import type { Person } from './people';
import type { Random } from './random';

type Call = ReturnType<typeof typedCall>;

function must<T>(what: string, r: Result<T>): T {
  if (!r.ok) throw new Error(`history: ${what} refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

/**
 * The returning visitors' past: one earlier meeting (on `date`, four weeks before the day)
 * where each of them was registered, seen and given an instruction — some answered, some
 * referred to a unit with a due date now past, so follow-up has overdue work too. Made
 * straight through dispatch by the admin; it is the setting of the day, not part of the soak.
 */
export function makeHistory(admin: Call, people: Person[], date: string, random: Random): void {
  const returning = people.filter((p) => p.returning);
  if (returning.length === 0) return;
  const lists = must('lists.all', admin('lists.all', {}));
  const meeting = must('meetings.create', admin('meetings.create', { kind: 'weekly_public', title: 'ملاقات عمومی ماه گذشته', date, place: 'سالن اجتماعات اداره کل', presiding: 'مدیرکل' }));
  must('meetings.open', admin('meetings.open', { id: meeting.id }));
  const due = new Date(Date.parse(`${date}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  for (const person of returning) {
    const category = random.pick(lists.categories);
    const ticket = must('visits.register', admin('visits.register', { meetingId: meeting.id, newClient: person.client, requests: [{ categoryId: category.id, text: 'درخواست مستمری' }] }));
    person.clientId = ticket.clientId;
    const called = must('queue.callNext', admin('queue.callNext', { meetingId: meeting.id, desk: 'میز ۱' }));
    if (called?.visitId !== ticket.visitId) throw new Error('history: called someone else');
    const request = called.requests[0]!;
    must(
      'instructions.issue',
      admin(
        'instructions.issue',
        random.chance(0.5)
          ? { requestId: request.id, fields: { kind: 'answered', text: 'در جلسه پاسخ داده شد', answer: 'راهنمایی شد' } }
          : { requestId: request.id, fields: { kind: 'unit', text: 'بررسی و اقدام', unitId: random.pick(lists.units).id, dueDate: due } },
      ),
    );
    must('visits.finish', admin('visits.finish', { visitId: ticket.visitId }));
  }
  must('meetings.close', admin('meetings.close', { id: meeting.id }));
}
