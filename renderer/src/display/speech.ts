import { toLatinDigits } from '../../../electron/core/domain/digits';

/**
 * The spoken call on the waiting-room display, assembled from recorded clips in
 * resources/public/sounds (made by scripts/make-sounds.sh): «شماره چهل و دو، میز دو» is
 * shomare · 40 · va · 2 · miz · 2. A clip's name is its file name without the extension.
 */

/** The clips a number is read with, in Persian order: 342 = سیصد و چهل و دو = 300 · va · 40 · va · 2. */
export function numberParts(n: number): string[] {
  if (!Number.isInteger(n) || n < 0) return [];
  if (n === 0) return ['0'];
  // Beyond 999 (never a ticket of one meeting in practice): digit by digit.
  if (n > 999) return [...String(n)];
  const parts: string[] = [];
  const hundreds = Math.floor(n / 100) * 100;
  const rest = n % 100;
  if (hundreds) parts.push(String(hundreds));
  if (rest) {
    if (parts.length) parts.push('va');
    if (rest < 20) parts.push(String(rest));
    else {
      parts.push(String(Math.floor(rest / 10) * 10));
      if (rest % 10) parts.push('va', String(rest % 10));
    }
  }
  return parts;
}

/** Number words a desk may be named with («میز دو»), 1 to 19. */
const WORDS: Record<string, number> = {
  یک: 1,
  دو: 2,
  سه: 3,
  چهار: 4,
  پنج: 5,
  شش: 6,
  هفت: 7,
  هشت: 8,
  نه: 9,
  ده: 10,
  یازده: 11,
  دوازده: 12,
  سیزده: 13,
  چهارده: 14,
  پانزده: 15,
  شانزده: 16,
  هفده: 17,
  هجده: 18,
  نوزده: 19,
};

/** The number in a desk's name («میز ۲», «میز 2», «میز دو», «باجه ۳»), or null when it has none. */
export function deskNumber(desk: string): number | null {
  const digits = /\d+/.exec(toLatinDigits(desk));
  if (digits) return Number(digits[0]);
  for (const word of desk.replace(/[يى]/g, 'ی').split(/[\s\u200c،,:-]+/)) {
    const n = WORDS[word];
    if (n !== undefined) return n;
  }
  return null;
}

/**
 * The clips of a call: «شماره» and the ticket, then «میز» and the desk's number when its name
 * has one (a desk named without a number is shown on the screen but not spoken).
 */
export function spokenParts(ticket: number, desk: string): string[] {
  const desks = deskNumber(desk);
  return ['shomare', ...numberParts(ticket), ...(desks === null ? [] : ['miz', ...numberParts(desks)])];
}
