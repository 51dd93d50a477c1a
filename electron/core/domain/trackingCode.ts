import { toLatinDigits } from './digits';

/**
 * Tracking codes (کد رهگیری): nine digits a person can read over the phone — eight random
 * digits and a Verhoeff check digit, which catches every single-digit error and every swap
 * of two adjacent digits. Shown in groups of three (۱۲۳-۴۵۶-۷۸۹).
 */
export const TRACKING_CODE_LENGTH = 9;

// Verhoeff: multiplication in the dihedral group D5, a permutation applied by position, inverses.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** The Verhoeff check digit for a string of digits. */
export function verhoeffDigit(digits: string): number {
  let c = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) c = D[c]![P[(i + 1) % 8]![Number(digits[n - 1 - i])]!]!;
  return INV[c]!;
}

/** Whether a string of digits ends in its correct Verhoeff check digit. */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) c = D[c]![P[i % 8]![Number(digits[n - 1 - i])]!]!;
  return c === 0;
}

/** A new tracking code from eight random digits (`random` returns 0 ≤ x < 1). */
export function newTrackingCode(random: () => number): string {
  let body = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH - 1; i++) body += String(Math.floor(random() * 10));
  return body + String(verhoeffDigit(body));
}

/** What a person typed (any digits, spaces or dashes) as a bare code, or null if it is not nine digits. */
export function cleanTrackingCode(input: string): string | null {
  const digits = toLatinDigits(input).replace(/[\s\-_.]/g, '');
  return /^\d{9}$/.test(digits) ? digits : null;
}

export function isValidTrackingCode(code: string): boolean {
  return code.length === TRACKING_CODE_LENGTH && verhoeffValid(code);
}

/** 123456789 → 123-456-789 (the renderer shows it in Persian digits). */
export function groupTrackingCode(code: string): string {
  return code.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1-$2-$3');
}
