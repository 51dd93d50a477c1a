import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Reading printed PDFs back: text (pdftotext), pages and size (pdfinfo), images (pdftoppm) and QR codes (jsqr). */

const run = promisify(execFile);

/** Direction marks (U+202A–U+202E) that pdftotext puts around runs of mixed direction. */
const DIRECTION_MARKS = /[\u202a-\u202e]/g;

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;

/** Persian and Arabic-Indic digits to Latin, so assertions can name numbers plainly. */
export function latinDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (d) => {
    const c = d.codePointAt(0)!;
    return String(c >= PERSIAN_ZERO ? c - PERSIAN_ZERO : c - ARABIC_ZERO);
  });
}

/**
 * Folds what pdftotext cannot give back in order: the lam-alef ligature (one glyph for «لا»)
 * comes back as «ال». Apply it to expected text that holds «لا» (the page texts are folded).
 */
export function fold(text: string): string {
  return text.replaceAll('لا', 'ال');
}

/** The text of each page, direction marks removed, folded (see `fold`). */
export async function pdfPageTexts(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const pages = fold(stdout.replace(DIRECTION_MARKS, '')).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/**
 * The words and numbers of a text. Lines mixing Persian and digits may come back reordered,
 * with a space moved (`۲بهمن`) or punctuation on the other side (`:تومان`), so the text is
 * cut at spaces and punctuation and between a number and a word; a number keeps its
 * separators (`۱۵٬۰۰۰٬۰۰۰`, `۹۰۸-۶۵۰-۴۷۲`).
 */
export function tokens(text: string): string[] {
  return text
    .split(/[\s:،,()]+/)
    .flatMap((piece) => piece.match(/[0-9۰-۹](?:[0-9۰-۹٬,-]*[0-9۰-۹])?|[^0-9۰-۹]+/g) ?? []);
}

export interface PdfInfo {
  pages: number;
  /** The first page's size in points. */
  width: number;
  height: number;
}

export async function pdfInfo(file: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', [file]);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (!pages || !size) throw new Error(`pdfinfo gave no page count or size:\n${stdout}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/** Each page as a PNG at `dpi` next to the PDF (`<name>-1.png`, `<name>-2.png` …), in page order. */
export async function pdfToPngs(file: string, dpi = 150): Promise<string[]> {
  const prefix = file.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-png', '-r', String(dpi), file, prefix]);
  const name = basename(prefix);
  return readdirSync(dirname(file))
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => join(dirname(file), f));
}

/** The text a QR code on the image encodes, or null when there is none. */
export function decodeQr(pngFile: string): string | null {
  const png = PNG.sync.read(readFileSync(pngFile));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return code?.data ?? null;
}
