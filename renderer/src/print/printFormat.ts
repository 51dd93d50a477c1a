import type { Funder, InstructionKind, PriorityKind } from '../../../electron/core/contract';
import { fa as digitsFa } from '../format';
import { fa } from '../locale/fa';

/** 123456789 → ۱۲۳-۴۵۶-۷۸۹ (the tracking code as a person reads it). */
export function groupCode(code: string): string {
  return digitsFa(code.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1-$2-$3'));
}

const tomanFormat = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 0 });

/** An amount in rials, shown in toman with Persian digits and thousands separators. */
export function toman(amountRials: number): string {
  return `${tomanFormat.format(Math.round(amountRials / 10))} ${fa.print.toman}`;
}

/** The label maps, checked complete against the contract's enums. */
export const KIND_NAMES: Record<InstructionKind, string> = fa.print.kinds;
export const FUNDER_NAMES: Record<Funder, string> = fa.print.funders;
export const PRIORITY_NAMES: Record<PriorityKind, string> = fa.print.priorities;
