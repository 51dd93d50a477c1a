import { describe, expect, it } from 'vitest';
import { toPersianDigits } from './digits';
import {
  TRACKING_CODE_LENGTH,
  cleanTrackingCode,
  groupTrackingCode,
  isValidTrackingCode,
  newTrackingCode,
  verhoeffDigit,
  verhoeffValid,
} from './trackingCode';

/** A small seeded generator (mulberry32): the same codes on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE_SIZE = 2500;
const sample = (() => {
  const random = seeded(20260401);
  return Array.from({ length: SAMPLE_SIZE }, () => newTrackingCode(random));
})();

const ARABIC_INDIC = (latin: string) => latin.replace(/[0-9]/g, (d) => String.fromCodePoint(0x0660 + Number(d)));

describe('Verhoeff check digit', () => {
  it('matches the published vectors', () => {
    expect(verhoeffDigit('236')).toBe(3);
    expect(verhoeffDigit('12345')).toBe(1);
    expect(verhoeffDigit('142857')).toBe(0);
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('123451')).toBe(true);
    expect(verhoeffValid('1428570')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
    expect(verhoeffValid('123415')).toBe(false);
    expect(verhoeffValid('')).toBe(false);
    expect(verhoeffValid('23a3')).toBe(false);
  });

  it('every appended check digit makes the string valid, and only that digit does', () => {
    const random = seeded(7);
    for (let n = 0; n < 200; n++) {
      const body = newTrackingCode(random).slice(0, 1 + (n % 12));
      const check = verhoeffDigit(body);
      for (let d = 0; d <= 9; d++) expect(verhoeffValid(body + String(d)), `${body}+${d}`).toBe(d === check);
    }
  });
});

describe('newTrackingCode', () => {
  it('makes nine-digit codes that pass the check', () => {
    expect(TRACKING_CODE_LENGTH).toBe(9);
    for (const code of sample) {
      expect(code).toMatch(/^\d{9}$/);
      expect(isValidTrackingCode(code)).toBe(true);
      expect(Number(code[8])).toBe(verhoeffDigit(code.slice(0, 8)));
    }
    // the seeded sample is spread out, not one repeated code
    expect(new Set(sample).size).toBeGreaterThan(SAMPLE_SIZE - 5);
  });

  it('takes its eight digits from the generator, in order', () => {
    const digits = [3, 1, 4, 1, 5, 9, 2, 6];
    let i = 0;
    const code = newTrackingCode(() => (digits[i++ % digits.length]! + 0.5) / 10);
    expect(code.slice(0, 8)).toBe('31415926');
    expect(code).toBe(`31415926${verhoeffDigit('31415926')}`);
    expect(newTrackingCode(() => 0.999999).slice(0, 8)).toBe('99999999');
  });

  it(`catches every single-digit substitution at every position (${SAMPLE_SIZE} codes)`, () => {
    let checked = 0;
    const missed: string[] = [];
    for (const code of sample) {
      for (let pos = 0; pos < code.length; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[pos]) continue;
          const wrong = code.slice(0, pos) + String(d) + code.slice(pos + 1);
          checked += 1;
          if (isValidTrackingCode(wrong)) missed.push(`${code}→${wrong}`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBe(SAMPLE_SIZE * 9 * 9);
  });

  it(`catches every swap of two adjacent different digits (${SAMPLE_SIZE} codes)`, () => {
    let checked = 0;
    const missed: string[] = [];
    for (const code of sample) {
      for (let pos = 0; pos + 1 < code.length; pos++) {
        if (code[pos] === code[pos + 1]) continue;
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        checked += 1;
        if (isValidTrackingCode(swapped)) missed.push(`${code}→${swapped}`);
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(SAMPLE_SIZE * 6);
  });

  it('is not fooled by a valid Verhoeff string of another length', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(isValidTrackingCode('2363')).toBe(false);
    const ten = '123456789' + String(verhoeffDigit('123456789'));
    expect(verhoeffValid(ten)).toBe(true);
    expect(isValidTrackingCode(ten)).toBe(false);
    expect(isValidTrackingCode('12345678a')).toBe(false);
  });
});

describe('cleanTrackingCode', () => {
  const code = sample[0]!;
  const grouped = groupTrackingCode(code);

  it('groups a code in threes', () => {
    expect(grouped).toBe(`${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`);
    expect(groupTrackingCode('123456789')).toBe('123-456-789');
  });

  it('accepts Persian, Arabic-Indic and Latin digits with dashes and spaces', () => {
    expect(cleanTrackingCode(code)).toBe(code);
    expect(cleanTrackingCode(grouped)).toBe(code);
    expect(cleanTrackingCode(toPersianDigits(grouped))).toBe(code);
    expect(cleanTrackingCode(toPersianDigits(code))).toBe(code);
    expect(cleanTrackingCode(ARABIC_INDIC(grouped))).toBe(code);
    expect(cleanTrackingCode(` ${code.slice(0, 3)} ${code.slice(3, 6)}  ${code.slice(6)} `)).toBe(code);
    expect(cleanTrackingCode(`${toPersianDigits(code.slice(0, 4))} - ${ARABIC_INDIC(code.slice(4))}`)).toBe(code);
    expect(cleanTrackingCode('۱۲۳-۴۵۶-۷۸۹')).toBe('123456789');
  });

  it('refuses other lengths and other characters', () => {
    for (const wrong of ['', '12345678', '۱۲۳-۴۵۶-۷۸', '1234567890', '۱۲۳-۴۵۶-۷۸۹-۰', '12345678x', 'abc-def-ghi', '123/456/789', '١٢٣٤٥٦٧٨']) {
      expect(cleanTrackingCode(wrong), wrong).toBeNull();
    }
  });
});
