import type { DueDays, Funder, Input, Instruction, InstructionKind } from '../../../../electron/core/contract';
import { toLatinDigits } from '../../../../electron/core/domain/digits';
import { todayTehran } from '../../format';
import { formatToman, instructionToman } from './display';

/** What the official is typing for one instruction; the amount is kept as typed. */
export interface Draft {
  kind: InstructionKind;
  text: string;
  answer: string;
  reason: string;
  reviewer: string;
  unitId: string | null;
  agencyId: string | null;
  dueDate: string | null;
  amount: string;
  funder: Funder | null;
  /** Whether the official chose the due date (then a change of kind keeps it). */
  dueTouched: boolean;
  /** Handed to the agency's representative at the meeting's table (then the representative sets the due date). */
  atTable?: boolean;
}

export type InstructionFields = Input<'instructions.issue'>['fields'];

/** A calendar date (YYYY-MM-DD) plus whole days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Kinds that are followed up until a result, so they always carry a due date. */
const FOLLOWED: ReadonlySet<InstructionKind> = new Set(['unit', 'agency', 'review']);

/** The default due date of a kind: today (Tehran) plus the kind's days from settings; none for a kind with 0 days that needs no follow-up. */
export function defaultDue(kind: InstructionKind, dueDays: DueDays | undefined): string | null {
  const days = dueDays?.[kind] ?? 0;
  if (days <= 0 && !FOLLOWED.has(kind)) return null;
  return addDays(todayTehran(), Math.max(days, 0));
}

export function emptyDraft(kind: InstructionKind, dueDays: DueDays | undefined): Draft {
  return { kind, text: '', answer: '', reason: '', reviewer: '', unitId: null, agencyId: null, dueDate: defaultDue(kind, dueDays), amount: '', funder: null, dueTouched: false };
}

/** A draft holding an issued instruction's current version (to amend it). */
export function draftOf(i: Instruction): Draft {
  const toman = instructionToman(i);
  return {
    kind: i.kind,
    text: i.text,
    answer: i.answer,
    reason: i.reason,
    reviewer: i.reviewer,
    unitId: i.unitId,
    agencyId: i.agencyId,
    dueDate: i.dueDate,
    amount: toman === null ? '' : formatToman(toman),
    funder: i.funder,
    dueTouched: true,
    atTable: i.atTable,
  };
}

/** A new kind: the due date follows the kind's default unless the official set it. */
export function withKind(d: Draft, kind: InstructionKind, dueDays: DueDays | undefined): Draft {
  return { ...d, kind, dueDate: d.dueTouched ? d.dueDate : defaultDue(kind, dueDays) };
}

/** The amount as typed: digits of any script, thousands separators and spaces ignored. */
export function parseAmount(typed: string): { ok: true; value: number | null } | { ok: false } {
  const bare = toLatinDigits(typed).replace(/[\s,٬،]/g, '').replace(/٫/g, '.').replace(/[−–]/g, '-');
  if (bare === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(bare)) return { ok: false };
  return { ok: true, value: Number(bare) };
}

/** What the amount box shows while typing: a whole number is regrouped (۲٬۵۰۰٬۰۰۰); anything else stays as typed. */
export function showAmount(typed: string): string {
  const bare = toLatinDigits(typed).replace(/[\s,٬،]/g, '');
  return /^\d{1,15}$/.test(bare) ? formatToman(Number(bare)) : typed;
}

/** The contract's fields from a draft, or null when the amount is not a number. */
export function fieldsOf(d: Draft): InstructionFields | null {
  const amount = parseAmount(d.amount);
  if (!amount.ok) return null;
  const atTable = d.kind === 'agency' && d.atTable === true;
  return {
    kind: d.kind,
    text: d.text,
    answer: d.answer,
    reason: d.reason,
    reviewer: d.reviewer,
    unitId: d.unitId,
    agencyId: d.agencyId,
    dueDate: atTable ? null : d.dueDate,
    amountToman: amount.value,
    funder: d.funder,
    atTable,
  };
}
