import type { FollowupStep, Funder, Instruction, Outcome, OutboxRow, OutboxStatus, StepKind } from '../../../../electron/core/contract';
import { fa as faDigits, jalaliDate, jalaliDateOf, todayTehran } from '../../format';
import { fa, fill } from '../../locale/fa';
import { FUNDER_LABELS, formatToman, STATUS_LABELS } from '../desk/display';

/** The label maps of follow-up, checked complete against the contract's enums. */
export const STEP_LABELS: Record<FollowupStep['kind'], string> = fa.followup.stepKinds;
export const OUTCOME_LABELS: Record<Outcome, string> = fa.followup.outcomes;
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = fa.followup.outbox.statuses;
export const OUTBOX_KIND_LABELS: Record<OutboxRow['kind'], string> = fa.followup.outbox.kinds;

/** The steps a person takes, in the order of their number keys (1–4). */
export const STEP_KINDS: StepKind[] = ['call', 'letter', 'visit', 'note'];
/** The results, in the order of their number keys (1–3). */
export const OUTCOMES: Outcome[] = ['done', 'partly_done', 'not_possible'];

const tehranDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Whole calendar days (Tehran) from an instant to `today` (never negative). */
export function calendarDaysSince(instant: string, today = todayTehran()): number {
  const day = tehranDay.format(new Date(instant));
  return Math.max(0, Math.round((Date.parse(`${today}T12:00:00Z`) - Date.parse(`${day}T12:00:00Z`)) / 86_400_000));
}

/** «امروز», «دیروز» or «۳ روز پیش». */
export function daysAgoText(days: number): string {
  if (days <= 0) return fa.followup.today;
  if (days === 1) return fa.followup.yesterday;
  return fill(fa.followup.daysAgo, { n: faDigits(days) });
}

/** An amount stored in rials, in toman with Persian digits. */
export function rialsAsToman(rials: number): string {
  return formatToman(Math.round(rials / 10));
}

/** «۲٬۵۰۰٬۰۰۰ تومان پرداخت شد، تأمین از بهزیستی», when the result records an amount. */
export function deliveredText(i: Pick<Instruction, 'deliveredRials' | 'deliveredFunder'>): string | null {
  if (i.deliveredRials === null || i.deliveredRials <= 0) return null;
  const funder: Funder = i.deliveredFunder ?? 'none';
  return fill(fa.followup.plain.delivered, { amount: rialsAsToman(i.deliveredRials), funder: FUNDER_LABELS[funder] });
}

export interface PlainStatus {
  /** The one sentence a visitor on the phone is told. */
  sentence: string;
  /** Lines that go with it: the due date (or that it has passed), an amount paid. */
  details: string[];
  tone: 'open' | 'overdue' | 'done' | 'not_done' | 'cancelled';
}

/**
 * Where an instruction stands, in plain Persian: «در دست پیگیری؛ آخرین اقدام: تماس تلفنی، ۳ روز
 * پیش», «انجام شد در ۵ آذر ۱۴۰۵», «انجام‌پذیر نبود: ظرفیت نبود». `steps` are the follow-up steps
 * when the caller may read them (else the last step's time alone is told).
 */
export function plainStatus(i: Instruction, steps: FollowupStep[] | undefined, today = todayTehran()): PlainStatus {
  const p = fa.followup.plain;
  const details: string[] = [];
  const delivered = deliveredText(i);
  if (i.status === 'cancelled') return { sentence: fill(p.cancelled, { reason: i.cancelReason }), details, tone: 'cancelled' };
  if (i.status === 'closed') {
    if (delivered) details.push(delivered);
    if (i.outcome === 'done' || i.outcome === 'partly_done') {
      return { sentence: fill(p[i.outcome], { date: jalaliDateOf(i.closedAt) }), details, tone: 'done' };
    }
    if (i.outcome === 'not_possible') {
      const sentence = i.outcomeReasonName ? fill(p.not_possible, { reason: i.outcomeReasonName }) : fill(p.notPossibleAt, { date: jalaliDateOf(i.closedAt) });
      if (i.outcomeNote) details.unshift(i.outcomeNote);
      return { sentence, details, tone: 'not_done' };
    }
    // Closed at issue: answered at the meeting, or not possible from the start.
    if (i.kind === 'answered') return { sentence: i.answer ? fill(p.answered, { answer: i.answer }) : p.answeredShort, details, tone: 'done' };
    if (i.kind === 'not_possible') return { sentence: fill(p.not_possible, { reason: i.reason }), details, tone: 'not_done' };
    return { sentence: STATUS_LABELS.closed, details, tone: 'done' };
  }
  const last = steps?.filter((s) => s.kind !== 'result').at(-1);
  let sentence: string;
  if (last) sentence = fill(p.open, { step: STEP_LABELS[last.kind], when: daysAgoText(calendarDaysSince(last.at, today)) });
  else if (!steps && i.lastStepAt > i.issuedAt) sentence = fill(p.openWhen, { when: daysAgoText(calendarDaysSince(i.lastStepAt, today)) });
  else sentence = fill(p.openNoStep, { when: daysAgoText(calendarDaysSince(i.issuedAt, today)) });
  const overdue = i.dueDate !== null && i.dueDate < today;
  if (i.dueDate) details.push(fill(overdue ? p.overdue : p.due, { date: jalaliDate(i.dueDate) }));
  return { sentence, details, tone: overdue ? 'overdue' : 'open' };
}

/** The colour of a plain status. */
export const TONE_COLORS: Record<PlainStatus['tone'], string> = { open: 'blue', overdue: 'red', done: 'teal', not_done: 'orange', cancelled: 'gray' };
