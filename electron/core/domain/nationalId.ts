import { toLatinDigits } from './digits';

/** The national ID (کد ملی) with any digits and separators typed, as ten Latin digits or as typed if not ten digits. */
export function cleanNationalId(input: string): string {
  return toLatinDigits(input).replace(/[\s\-_.]/g, '');
}

/**
 * Whether a ten-digit national ID has a correct check digit: the first nine digits weighted
 * 10…2, summed, mod 11; a remainder below 2 is the check digit itself, otherwise 11 − remainder.
 * Ten equal digits pass the arithmetic but are not issued, so they are refused too.
 */
export function isValidNationalId(id: string): boolean {
  if (!/^\d{10}$/.test(id)) return false;
  if (/^(\d)\1{9}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(id[i]) * (10 - i);
  const remainder = sum % 11;
  const check = Number(id[9]);
  return remainder < 2 ? check === remainder : check === 11 - remainder;
}

/** Completes nine digits into a valid national ID (used by demo data and tests). */
export function withCheckDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const remainder = sum % 11;
  return nineDigits + String(remainder < 2 ? remainder : 11 - remainder);
}
