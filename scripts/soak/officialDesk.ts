import type { CalledVisit, Input, InstructionKind, RequestWithInstruction } from '../../electron/core/contract';
import { INSTRUCTION_TEXTS } from '../province/names';
import { type Day, dueIn, patience, think } from './day';
import { type Desk, SoakFailure } from './desk';
import type { Random } from './random';

type Fields = Input<'instructions.issue'>['fields'];

/** Totals of what the officials issued, to compare with the report. */
export interface Issued {
  byKind: Record<InstructionKind, number>;
  promisedToman: number;
}

export function newIssued(): Issued {
  return { byKind: { answered: 0, unit: 0, agency: 0, not_possible: 0, review: 0 }, promisedToman: 0 };
}

/** An instruction of a kind drawn by weight, with what that kind needs; some carry an amount and who funds it. */
function fieldsFor(day: Day, random: Random, kind: InstructionKind): Fields {
  const text = random.pick(INSTRUCTION_TEXTS[kind]!);
  const amount = (kind === 'answered' || kind === 'unit' || kind === 'agency') && random.chance(0.25);
  const money = amount ? { amountToman: random.int(1, 60) * 1_000_000, funder: random.pick(['welfare', 'charity', 'agency'] as const) } : {};
  switch (kind) {
    case 'answered':
      return { kind, text, answer: 'راهنمایی شد و مدارک لازم گفته شد', ...money };
    case 'unit':
      return { kind, text, unitId: random.pick(day.lists.units).id, dueDate: dueIn(day, random.int(7, 30)), ...money };
    case 'agency':
      return { kind, text, agencyId: random.pick(day.lists.agencies).id, dueDate: dueIn(day, random.int(7, 30)), ...money };
    case 'not_possible':
      return { kind, text, reason: 'خارج از ضوابط حمایتی' };
    case 'review':
      return { kind, text, reviewer: 'شورای معاونین', dueDate: dueIn(day, random.int(7, 14)) };
  }
}

/**
 * One visit at the official's desk: the visitor may not be there (no-show, comes back later);
 * otherwise the official reads the record and history, opens the visit, issues an instruction
 * for every request (and now and then hears one more), finishes, and prints the slips.
 * Returns the next visitor when the official finished with "call next".
 */
async function serve(desk: Desk, day: Day, random: Random, label: string, called: CalledVisit, issued: Issued): Promise<CalledVisit | null> {
  const { world } = day;
  const track = world.track(called.visitId);
  if (track.person.noShow && track.requeues === 0) {
    await think(day, random, 0.5, 1.5); // called on the display twice; nobody comes
    await desk.call('queue.noShow', { visitId: called.visitId });
    world.wentAway(called.visitId, 5 + random() * 25);
    return null;
  }
  const detail = await desk.call('visits.detail', { visitId: called.visitId });
  if (detail.requests.length !== track.requests) throw new SoakFailure(`${desk.name}: visit ${called.visitId} shows ${detail.requests.length} requests, ${track.requests} registered`);
  if ((detail.history.length > 0) !== track.person.returning) throw new SoakFailure(`${desk.name}: visit ${called.visitId} history has ${detail.history.length} visits`);
  if (random.chance(0.3)) await desk.call('clients.history', { clientId: detail.client.id });
  await think(day, random, 0.3, 0.8);
  let requests: RequestWithInstruction[] = (await desk.call('visits.start', { visitId: called.visitId })).requests;
  if (random.chance(0.05)) {
    const category = random.pick(day.lists.categories);
    requests = (await desk.call('requests.add', { visitId: called.visitId, categoryId: category.id, text: 'درخواست مطرح‌شده در میز', urgency: 'normal' })).requests;
    track.requests += 1;
  }
  for (const [i, request] of requests.entries()) {
    if (i === requests.length - 1 && random.chance(0.03)) {
      // Provoked: finishing while a request has no instruction is refused.
      await desk.refuse('visits.finish', { visitId: called.visitId }, { code: 'conflict', field: 'requests' });
    }
    await think(day, random, 0.3, 0.9);
    const kind = random.weighted<InstructionKind>({ answered: 30, unit: 30, agency: 15, not_possible: 10, review: 15 });
    const fields = fieldsFor(day, random, kind);
    if (kind === 'unit' && random.chance(0.04)) {
      // Provoked: a referral without a due date is refused at the due-date field.
      await desk.refuse('instructions.issue', { requestId: request.id, fields: { ...fields, dueDate: null } }, { code: 'invalid_input', field: 'fields.dueDate' });
    }
    await desk.call('instructions.issue', { requestId: request.id, fields });
    track.instructions += 1;
    issued.byKind[kind] += 1;
    issued.promisedToman += fields.amountToman ?? 0;
  }
  const callNext = !world.dayOver() && random.chance(0.5);
  const done = await desk.call('visits.finish', { visitId: called.visitId, callNext, desk: label });
  world.finishedVisit(called.visitId);
  await desk.call('print.visitSlips', { visitId: called.visitId });
  if (done.next) world.track(done.next.visitId).calls += 1;
  return done.next;
}

/** A presiding official's desk: call next (or finish and call next), serve, until the day is over. */
export async function runOfficialDesk(desk: Desk, day: Day, random: Random, label: string, issued: Issued): Promise<void> {
  const { world } = day;
  const mine = await desk.call('desk.mine', { meetingId: day.meetingId });
  if (mine.length > 0) throw new SoakFailure(`${desk.name}: ${mine.length} visits at the desk before the day began`);
  let current: CalledVisit | null = null;
  let changes = 0;
  const off = desk.on((e) => {
    if (e.name === 'queue.changed') changes += 1;
  });
  try {
    while (!world.dayOver()) {
      if (!current) {
        const before = changes;
        current = await desk.call('queue.callNext', { meetingId: day.meetingId, desk: label });
        if (!current) {
          // Nobody waiting: wait for the queue to change (unless it already did while asking).
          if (changes === before) await Promise.race([desk.waitForEvent((e) => e.name === 'queue.changed', patience(day, 1)), world.changed(patience(day, 1))]);
          continue;
        }
        world.track(current.visitId).calls += 1;
      }
      current = await serve(desk, day, random, label, current, issued);
    }
  } finally {
    off();
  }
}
