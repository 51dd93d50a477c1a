import type { Funder, Instruction, InstructionKind, InstructionStatus, VisitStatus } from '../../../../electron/core/contract';
import { fa as faDigits, jalaliDateOf, tehranTime, todayTehran } from '../../format';
import { fa, fill } from '../../locale/fa';

/** The label maps, checked complete against the contract's enums. */
export const KIND_LABELS: Record<InstructionKind, string> = fa.desk.kinds;
export const KIND_SHORT: Record<InstructionKind, string> = fa.desk.kindsShort;
export const FUNDER_LABELS: Record<Funder, string> = fa.desk.funders;
export const STATUS_LABELS: Record<InstructionStatus, string> = fa.desk.statuses;
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = fa.desk.visitStatuses;

/** The kinds in the order of their number keys (1–5). */
export const KINDS: InstructionKind[] = ['answered', 'unit', 'agency', 'not_possible', 'review'];

/** 123456789 → ۱۲۳-۴۵۶-۷۸۹ (kept here: the renderer does not import the core's tracking-code module). */
export function groupTrackingCode(code: string): string {
  return faDigits(code.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1-$2-$3'));
}

const tomanFormat = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 0 });

/** An integer amount of toman with Persian digits and thousands separators: ۲٬۵۰۰٬۰۰۰. */
export function formatToman(toman: number): string {
  return tomanFormat.format(toman);
}

/** An instruction's amount (stored in rials) in toman, or null. */
export function instructionToman(i: Pick<Instruction, 'amountRials'>): number | null {
  return i.amountRials === null ? null : Math.round(i.amountRials / 10);
}

/** Where the instruction sends the client: the unit's or agency's name, the reviewer, or nothing. */
export function instructionTarget(i: Instruction): string {
  if (i.kind === 'unit') return i.unitName ?? '';
  if (i.kind === 'agency') return i.agencyName ?? '';
  if (i.kind === 'review') return i.reviewer;
  return '';
}

/** An open instruction whose due date has passed (Tehran). */
export function isOverdue(i: Pick<Instruction, 'status' | 'dueDate'>, today = todayTehran()): boolean {
  return i.status === 'open' && i.dueDate !== null && i.dueDate < today;
}

/** The colour of an instruction's status badge. */
export function statusColor(i: Pick<Instruction, 'status' | 'dueDate'>): string {
  if (isOverdue(i)) return 'red';
  return i.status === 'open' ? 'blue' : i.status === 'closed' ? 'teal' : 'gray';
}

/** Whole years between a birth date and today. */
export function ageOf(birthDate: string, today = todayTehran()): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** An instant as «۲ آذر ۱۴۰۵، ساعت ۲۲:۰۰» (Tehran). */
export function jalaliAt(instant: string): string {
  return fill(fa.desk.at, { date: jalaliDateOf(instant), time: tehranTime(instant) });
}

/** The last digits of a national ID, the rest masked: ******۵۹۴۸. */
export function maskedNationalId(tail: string): string {
  return `${'*'.repeat(Math.max(0, 10 - tail.length))}${faDigits(tail)}`;
}
