import type { Instruction } from '../../../electron/core/contract';
import { jalaliDate } from '../format';
import { fa } from '../locale/fa';
import { FUNDER_NAMES, KIND_NAMES, toman } from './printFormat';

export interface Detail {
  key: string;
  label: string;
  value: string;
}

/**
 * The facts of an instruction a printed page shows, in reading order: its kind, then what the
 * kind carries (answer, unit, agency, reason, reviewer), where to go, the due date, the amount.
 */
export function instructionDetails(i: Instruction): Detail[] {
  const t = fa.print.slip;
  const out: Detail[] = [{ key: 'kind', label: t.kind, value: KIND_NAMES[i.kind] }];
  if (i.kind === 'answered' && i.answer) out.push({ key: 'answer', label: t.answer, value: i.answer });
  if (i.kind === 'unit' && i.unitName) out.push({ key: 'unit', label: t.unit, value: i.unitName });
  if (i.kind === 'agency' && i.agencyName) out.push({ key: 'agency', label: t.agency, value: i.agencyName });
  if (i.kind === 'not_possible' && i.reason) out.push({ key: 'reason', label: t.reason, value: i.reason });
  if (i.kind === 'review' && i.reviewer) out.push({ key: 'reviewer', label: t.reviewer, value: i.reviewer });
  if (i.room) out.push({ key: 'room', label: t.room, value: i.room });
  if (i.dueDate) out.push({ key: 'due', label: t.due, value: jalaliDate(i.dueDate, true) });
  if (i.amountRials !== null && i.amountRials > 0) {
    out.push({ key: 'amount', label: t.amount, value: toman(i.amountRials) });
    if (i.funder) out.push({ key: 'funder', label: t.funder, value: FUNDER_NAMES[i.funder] });
  }
  return out;
}
