import { describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from './digits';
import { cleanPersianText, normalizeForSearch } from './normalize';

const ZWNJ = '\u200C';

describe('digits', () => {
  it('turns Persian and Arabic-Indic digits into Latin ones and keeps everything else', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toLatinDigits('نوبت ۱۲ و ٣4')).toBe('نوبت 12 و 34');
  });

  it('shows any digits as Persian ones', () => {
    expect(toPersianDigits(1405)).toBe('۱۴۰۵');
    expect(toPersianDigits('٣ و 7')).toBe('۳ و ۷');
    expect(toLatinDigits(toPersianDigits('0123456789'))).toBe('0123456789');
  });
});

describe('normalizeForSearch', () => {
  const same = (a: string, b: string) => expect(normalizeForSearch(a), `${a} ≟ ${b}`).toBe(normalizeForSearch(b));

  it('folds Arabic yeh and kaf into Persian ی and ک', () => {
    same('علي', 'علی');
    same('كريمي', 'کریمی');
    same('موسى', 'موسی');
    expect(normalizeForSearch('كاظمي')).toBe('کاظمی');
  });

  it('removes the zero-width non-joiner and direction marks', () => {
    same(`مهدی${ZWNJ}پور`, 'مهدیپور');
    same(`عبدال${ZWNJ}له`, 'عبدالله');
    same('\u200Fرضا\u200E', 'رضا');
    expect(normalizeForSearch(`نژاد${ZWNJ}حسینی`)).not.toContain(ZWNJ);
  });

  it('removes diacritics and tatweel', () => {
    same('مُحَمَّد', 'محمد');
    same('فاطِمه', 'فاطمه');
    same('محـــمد', 'محمد');
  });

  it('folds alef, heh and waw forms', () => {
    same('آزاده', 'ازاده');
    same('أحمد', 'احمد');
    same('فاطمة', 'فاطمه');
    same('مؤمنی', 'مومنی');
  });

  it('folds Persian, Arabic-Indic and Latin digits to the same text', () => {
    same('پرونده ۱۲۳۴', 'پرونده 1234');
    same('پرونده ١٢٣٤', 'پرونده 1234');
    expect(normalizeForSearch('۰۹۱۲')).toBe('0912');
  });

  it('makes a name typed on different keyboards identical', () => {
    const arabicKeyboard = `علي  كاظمي${ZWNJ}نژاد`;
    const persianKeyboard = 'علی کاظمی‌نژاد';
    const noZwnj = 'علی کاظمینژاد';
    expect(normalizeForSearch(arabicKeyboard)).toBe('علی کاظمینژاد');
    same(arabicKeyboard, persianKeyboard);
    same(persianKeyboard, noZwnj);
  });

  it('collapses white space, trims, and lower-cases Latin letters', () => {
    expect(normalizeForSearch('  رضا \t\n  احمدی  ')).toBe('رضا احمدی');
    expect(normalizeForSearch('File-AB12')).toBe('file-ab12');
  });

  it('keeps different names different', () => {
    expect(normalizeForSearch('کریمی')).not.toBe(normalizeForSearch('کریم'));
    expect(normalizeForSearch('رضا')).not.toBe(normalizeForSearch('رضائی'));
  });
});

describe('cleanPersianText (what a name field stores)', () => {
  it('turns Arabic ي/ى/ك into Persian letters but keeps the ZWNJ inside words', () => {
    expect(cleanPersianText(`كاظمي${ZWNJ}نژاد`)).toBe(`کاظمی${ZWNJ}نژاد`);
    expect(cleanPersianText('موسى')).toBe('موسی');
  });

  it('removes stray direction marks and edge spaces and collapses spaces', () => {
    expect(cleanPersianText('\u200F  رضا   احمدی \u200E')).toBe('رضا احمدی');
  });
});
