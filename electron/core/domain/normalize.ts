import { toLatinDigits } from './digits';

const ARABIC_YEH = /[\u064A\u0649\u06CC]/g; // ي ى ی → ی
const ARABIC_KAF = /[\u0643\u06A9]/g; // ك ک → ک
const TEH_MARBUTA_HEH = /[\u0629\u06C0\u06C1]/g; // ة ۀ ہ → ه
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671]/g; // آ أ إ ٱ → ا
const WAW_HAMZA = /\u0624/g; // ؤ → و
const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g; // harakat, superscript alef, tatweel
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g; // ZWSP, ZWNJ, ZWJ, LRM/RLM, embeddings, isolates, BOM

/**
 * The form names are stored and compared in, so that text typed on any keyboard matches:
 * Arabic ي/ك become Persian ی/ک, the forms of alef, heh and waw fold together, diacritics and
 * tatweel go, the zero-width non-joiner and direction marks are removed, digits become Latin,
 * and runs of white space become one space.
 */
export function normalizeForSearch(text: string): string {
  return toLatinDigits(text)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DIACRITICS, '')
    .replace(ARABIC_YEH, 'ی')
    .replace(ARABIC_KAF, 'ک')
    .replace(TEH_MARBUTA_HEH, 'ه')
    .replace(ALEF_FORMS, 'ا')
    .replace(WAW_HAMZA, 'و')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Cleans what a person typed into a name field before it is stored: Arabic ی/ک become
 * Persian, stray direction marks and edge spaces go; the ZWNJ inside words is kept.
 */
export function cleanPersianText(text: string): string {
  return text
    .replace(/[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[\u064A\u0649]/g, 'ی')
    .replace(/\u0643/g, 'ک')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
