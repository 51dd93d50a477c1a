import { describe, expect, it } from 'vitest';
import { nationalId as nationalIdField } from '../contract/fields';
import { toPersianDigits } from './digits';
import { cleanNationalId, isValidNationalId, withCheckDigit } from './nationalId';

/** Nine-digit bodies spread over the range; their check digits cover every value. */
const BODIES = ['001234567', '012345678', '123456789', '987654321', '270083451', '445566778', '530201968', '601928374', '772014509', '888123450', '905117263', '310000004'];

const checkDigitOf = (id: string) => id[9]!;

describe('national ID check digit', () => {
  it('completes nine digits into an ID that passes the check', () => {
    for (const body of BODIES) {
      const id = withCheckDigit(body);
      expect(id).toHaveLength(10);
      expect(id.startsWith(body)).toBe(true);
      expect(isValidNationalId(id)).toBe(true);
    }
  });

  it('computes the weighted sum mod 11 as specified (hand-worked example)', () => {
    // 0·10 + 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 112; 112 mod 11 = 2; check = 11 − 2 = 9
    expect(withCheckDigit('001234567')).toBe('0012345679');
    // 1·10 + 2·9 + 3·8 + 4·7 + 5·6 + 6·5 + 7·4 + 8·3 + 9·2 = 210; 210 mod 11 = 1 (below 2): check = 1
    expect(withCheckDigit('123456789')).toBe('1234567891');
  });

  it('rejects every single-digit change of a valid ID whose check digit is not 1', () => {
    const ids = BODIES.map(withCheckDigit).filter((id) => checkDigitOf(id) !== '1');
    expect(ids.length).toBeGreaterThanOrEqual(8);
    let tried = 0;
    for (const id of ids) {
      for (let position = 0; position < 10; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (String(digit) === id[position]) continue;
          const changed = id.slice(0, position) + String(digit) + id.slice(position + 1);
          expect(isValidNationalId(changed), `${id} → ${changed}`).toBe(false);
          tried += 1;
        }
      }
    }
    expect(tried).toBe(ids.length * 90);
  });

  it('lets check digit 1 stand for remainders 1 and 10 (the official rule), so only the check digit itself is then fully guarded', () => {
    const id = withCheckDigit('123456789');
    expect(checkDigitOf(id)).toBe('1');
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === 1) continue;
      expect(isValidNationalId(id.slice(0, 9) + String(digit))).toBe(false);
    }
    // Changing the last body digit (weight 2) from 9 to 8 takes the sum from 210 to 208: remainder 10, still check digit 1.
    expect(isValidNationalId('1234567881')).toBe(true);
  });

  it('refuses ten equal digits even where the arithmetic would pass', () => {
    for (let d = 0; d <= 9; d++) {
      expect(isValidNationalId(String(d).repeat(10))).toBe(false);
    }
    // e.g. 0000000000 and 1111111111 satisfy the weighted sum; they are refused as never issued
    expect(withCheckDigit('000000000')).toBe('0000000000');
    expect(withCheckDigit('111111111')).toBe('1111111111');
  });

  it('refuses wrong lengths and non-digits', () => {
    const valid = withCheckDigit('270083451');
    expect(isValidNationalId(valid)).toBe(true);
    expect(isValidNationalId(valid.slice(0, 9))).toBe(false);
    expect(isValidNationalId(`${valid}0`)).toBe(false);
    expect(isValidNationalId(`0${valid}`)).toBe(false);
    expect(isValidNationalId('')).toBe(false);
    expect(isValidNationalId(`${valid.slice(0, 9)}x`)).toBe(false);
    expect(isValidNationalId(` ${valid}`)).toBe(false);
    // Persian digits are not accepted by the bare check; the input field cleans them first
    expect(isValidNationalId(toPersianDigits(valid))).toBe(false);
  });
});

describe('national ID input field', () => {
  const valid = withCheckDigit('001234567'); // 0012345679

  it('cleans Persian and Arabic-Indic digits and separators into ten Latin digits', () => {
    expect(cleanNationalId('۰۰۱۲۳۴۵۶۷۹')).toBe('0012345679');
    expect(cleanNationalId('٠٠١٢٣٤٥٦٧٩')).toBe('0012345679');
    expect(cleanNationalId('001-234567-9')).toBe('0012345679');
    expect(cleanNationalId(' ۰۰۱ ۲۳۴ ۵۶۷ ۹ ')).toBe('0012345679');
  });

  it('accepts a valid ID typed in any digits and yields Latin digits', () => {
    for (const typed of [valid, toPersianDigits(valid), '٠٠١٢٣٤٥٦٧٩', '۰۰۱-۲۳۴۵۶۷-۹', '۰۰1234٥٦۷۹']) {
      const parsed = nationalIdField.safeParse(typed);
      expect(parsed.success, typed).toBe(true);
      expect(parsed.data).toBe(valid);
    }
  });

  it('gives the length message for a wrong length and the checksum message for a wrong check digit', () => {
    const short = nationalIdField.safeParse('۰۰۱۲۳۴۵۶۷');
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('msg:nationalId.length');

    const wrongCheck = nationalIdField.safeParse('۰۰۱۲۳۴۵۶۷۸');
    expect(wrongCheck.success).toBe(false);
    expect(wrongCheck.error?.issues[0]?.message).toBe('msg:nationalId.checksum');

    const equal = nationalIdField.safeParse('۱۱۱۱۱۱۱۱۱۱');
    expect(equal.success).toBe(false);
    expect(equal.error?.issues[0]?.message).toBe('msg:nationalId.checksum');
  });
});
