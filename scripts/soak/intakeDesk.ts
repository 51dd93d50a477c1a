import { toPersianDigits } from '../../electron/core/domain/digits';
import { type Day, patience, think } from './day';
import { type Desk, SoakFailure } from './desk';
import type { Person } from './people';
import type { Random } from './random';

const PRIORITY_REASON = { urgent: 'بیمار بدحال', disability: 'مددجوی دارای معلولیت شدید', elderly: 'سالمند بالای ۷۵ سال' } as const;

/** The national ID with its last digit changed: the check digit no longer fits. */
function mistyped(nationalId: string): string {
  const last = Number(nationalId[9]);
  return nationalId.slice(0, 9) + String((last + 1) % 10);
}

/** Finds a returning visitor's record the way an operator does: a name fragment first, the national ID if that is not enough. */
async function findReturning(desk: Desk, person: Person, random: Random): Promise<string> {
  const { client } = person;
  if (random.chance(0.6)) {
    const hits = await desk.call('clients.search', { query: `${client.firstName} ${client.lastName.slice(0, 3)}`, limit: 20 });
    const hit = hits.find((h) => h.nationalId === client.nationalId);
    if (hit) return hit.id;
  }
  // By national ID, often typed in Persian digits, sometimes only its first digits.
  const typed = random.chance(0.5) ? toPersianDigits(client.nationalId) : client.nationalId.slice(0, random.int(6, 10));
  const hits = await desk.call('clients.search', { query: typed, limit: 20 });
  const hit = hits.find((h) => h.nationalId === client.nationalId);
  if (!hit) throw new SoakFailure(`${desk.name}: returning client ${client.nationalId} not found by search`);
  if (hit.id !== person.clientId) throw new SoakFailure(`${desk.name}: search found ${hit.id} for ${client.nationalId}, expected ${person.clientId}`);
  return hit.id;
}

/** One visitor at the intake desk: find or create the record, queue with the requests, print the ticket. */
async function intakeOne(desk: Desk, day: Day, random: Random, person: Person): Promise<void> {
  await think(day, random, 0.3, 0.8);
  let clientId: string | undefined;
  if (person.returning) {
    clientId = await findReturning(desk, person, random);
    if (random.chance(0.3)) await desk.call('clients.history', { clientId });
  } else {
    const hits = await desk.call('clients.search', { query: person.client.nationalId, limit: 20 });
    if (hits.length > 0) throw new SoakFailure(`${desk.name}: a new visitor's national ID ${person.client.nationalId} already has a record`);
    if (random.chance(0.02)) {
      // Provoked: a national ID typed with a wrong check digit is refused at the field, and nothing is written.
      await desk.refuse(
        'visits.register',
        { meetingId: day.meetingId, newClient: { ...person.client, nationalId: mistyped(person.client.nationalId) }, requests: person.requests },
        { code: 'invalid_input', field: 'newClient.nationalId' },
      );
    }
    if (person.createFirst) {
      clientId = (await desk.call('clients.create', person.client)).id;
      if (random.chance(0.05)) {
        // Provoked: saving the same person twice is refused, naming the national ID.
        await desk.refuse('clients.create', person.client, { code: 'conflict', field: 'nationalId' });
      }
    }
  }
  await think(day, random, 0.8, 1.5);
  const ticket = await desk.call('visits.register', {
    meetingId: day.meetingId,
    ...(clientId ? { clientId } : { newClient: person.client }),
    priority: person.priority,
    priorityReason: person.priority === 'none' ? '' : PRIORITY_REASON[person.priority],
    requests: person.requests,
  });
  day.world.registeredVisit(ticket.visitId, person);
  await desk.call('print.ticket', { visitId: ticket.visitId });
}

/**
 * An intake desk: takes the next person who has arrived (in arrival order), and requeues the
 * no-shows who come back. Stays until the day is over (a no-show may come back late).
 */
export async function runIntakeDesk(desk: Desk, day: Day, random: Random): Promise<void> {
  const { world } = day;
  while (!world.dayOver()) {
    const back = world.nextReturn();
    if (back) {
      await think(day, random, 0.2, 0.5);
      await desk.call('queue.requeue', { visitId: back });
      world.requeued(back);
      continue;
    }
    const person = world.nextArrival();
    if (person) await intakeOne(desk, day, random, person);
    else await world.changed(patience(day, world.minutesToNextJob()));
  }
}
