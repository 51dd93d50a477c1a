import type { Outcome, StepKind } from '../../electron/core/contract';
import { type Day, patience, think } from './day';
import type { Desk } from './desk';
import type { Random } from './random';

const STEP_TEXTS: Record<StepKind, string> = {
  call: 'با مددجو تماس گرفته شد و پیگیری ادامه دارد',
  letter: 'نامه به واحد مربوط ارسال شد',
  visit: 'از منزل مددجو بازدید شد',
  note: 'پرونده بررسی شد',
};

/** Which follow-up officer an instruction belongs to, so two officers never race for the same result. */
export function shareOf(instructionId: string, officers: number): number {
  let h = 0;
  for (let i = 0; i < instructionId.length; i++) h = (h * 31 + instructionId.charCodeAt(i)) >>> 0;
  return h % officers;
}

/**
 * A follow-up officer: every few minutes reads the open instructions of the meeting (now and
 * then only the overdue or stale, or by a client's name), takes up to three of their share,
 * reads the steps, and records a step or a result.
 */
export async function runFollowupDesk(desk: Desk, day: Day, random: Random, share: number, officers: number): Promise<void> {
  const { world } = day;
  const reasons = day.lists.outcomeReasons.filter((r) => r.active);
  while (!world.dayOver()) {
    // Wait for work: a few minutes, or (the short day) the next instruction or follow-up change.
    await desk.waitForEvent((e) => e.name === 'instructions.changed' || e.name === 'followups.changed', patience(day, 2 + random() * 3));
    if (world.dayOver()) break;
    if (random.chance(0.1)) await desk.call('followups.daily', { date: null });
    // Mostly today's meeting; now and then the whole worklist, or only what is overdue or stale (the earlier meeting's referrals).
    const filter = random.weighted({ today: 70, all: 10, overdue: 10, stale: 10 });
    const list = await desk.call('followups.list', {
      status: 'open',
      meetingId: filter === 'today' ? day.meetingId : null,
      overdueOnly: filter === 'overdue',
      staleOnly: filter === 'stale',
      limit: 60,
      offset: 0,
    });
    const mine = list.items.filter((item) => shareOf(item.instruction.id, officers) === share).slice(0, 3);
    for (const item of mine) {
      const instructionId = item.instruction.id;
      const steps = await desk.call('followups.steps', { instructionId });
      await think(day, random, 0.5, 1.5);
      if (steps.length === 0 || random.chance(0.5)) {
        const kind = random.pick(['call', 'letter', 'visit', 'note'] as const);
        await desk.call('followups.addStep', { instructionId, kind, text: STEP_TEXTS[kind] });
        world.followupSteps += 1;
        continue;
      }
      const outcome = random.weighted<Outcome>({ done: 60, partly_done: 25, not_possible: 15 });
      if (outcome === 'not_possible' && random.chance(0.1)) {
        // Provoked: "not possible" without its reason is refused at the reason field.
        await desk.refuse('followups.close', { instructionId, outcome, note: 'امکان‌پذیر نشد' }, { code: 'invalid_input', field: 'reasonId' });
      }
      const delivered = outcome !== 'not_possible' && random.chance(0.3) ? { deliveredToman: random.int(1, 40) * 1_000_000, funder: 'welfare' as const } : {};
      await desk.call('followups.close', {
        instructionId,
        outcome,
        reasonId: outcome === 'not_possible' ? random.pick(reasons).id : null,
        note: outcome === 'done' ? 'انجام شد' : outcome === 'partly_done' ? 'بخشی انجام شد' : 'امکان‌پذیر نشد',
        ...delivered,
      });
      world.followupResults += 1;
    }
  }
}
