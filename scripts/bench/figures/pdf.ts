import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../../electron/station/chromium';
import { createPdfRenderer } from '../../../electron/station/pdf';
import type { Station } from '../../../electron/station/server';
import { judge, type Figure } from '../results';
import type { BenchSession } from '../session';
import { now, sideBySideAsync, since } from '../stats';

const EMPTY = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true } as const;

/**
 * A referral slip (A5, with its QR) rendered to PDF by the station's renderer, warm: the browser
 * running and the renderer's print page kept from the print before, as a desk's second print
 * finds them (each print still reads its slip, with the token, from the station). The first
 * print (a new page: the renderer loaded and booted) is timed apart and written in the note.
 *
 * Beside it, in a browser of its own and in the same rounds, Chromium printing an empty page,
 * warm the same way: a page kept open, an empty document set in it, printed. What any PDF costs
 * here. Also in the same rounds and written in the note: the same empty page in a fresh context
 * and page each time (this figure's floor before the print pages were kept).
 */
export async function pdfFigure(session: BenchSession, station: Station, runs: number, warmup: number): Promise<Figure> {
  const instructions = session.core.db.prepare('SELECT id FROM instructions WHERE rowid % 1009 = 3 LIMIT 20').pluck().all() as string[];
  if (instructions.length === 0) throw new Error('no instruction in the data to print a slip of');
  const renderer = createPdfRenderer(() => station.url);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const contextOptions = { locale: 'fa-IR', timezoneId: 'Asia/Tehran', serviceWorkers: 'block' } as const;
  let bytes = 0;
  try {
    const slip = (i: number) => `/print/slip/${instructions[i % instructions.length]!}`;
    const started = now();
    bytes += (await renderer.render(slip(0), session.token)).length;
    const firstPrintMs = since(started);
    const keptPage = await (await browser.newContext(contextOptions)).newPage();
    const stats = await sideBySideAsync(
      {
        slip: async (i) => {
          const pdf = await renderer.render(slip(i + 1), session.token);
          bytes += pdf.length;
        },
        empty: async () => {
          await keptPage.setContent(EMPTY);
          await keptPage.pdf(PDF_OPTIONS);
        },
        emptyFresh: async () => {
          const context = await browser.newContext(contextOptions);
          try {
            const page = await context.newPage();
            await page.setContent(EMPTY);
            await page.pdf(PDF_OPTIONS);
            await page.close();
          } finally {
            await context.close();
          }
        },
      },
      runs,
      warmup,
    );
    const fresh = stats.emptyFresh;
    const { pagesOpened, warmPrints } = renderer.stats;
    return judge({
      id: 'pdf',
      name: 'referral slip to PDF, warm (station renderer)',
      stat: stats.slip,
      floor: { name: 'Chromium printing an empty page, warm (page kept)', stat: stats.empty },
      goal: { p95Ms: 300, text: 'p95 ≤ 300 ms; ratio written down' },
      note:
        `${instructions.length} slips in turn, ${(bytes / (runs + warmup + 1) / 1024).toFixed(0)} KiB each on average; ` +
        `first print (a new page) ${firstPrintMs.toFixed(0)} ms; ${pagesOpened} page(s) opened, ${warmPrints} prints on a kept page; ` +
        `an empty page in a fresh context each time: p50 ${fresh.p50.toFixed(0)} / p95 ${fresh.p95.toFixed(0)} ms ` +
        `(the slip ${(stats.slip.p50 / fresh.p50).toFixed(2)}× / ${(stats.slip.p95 / fresh.p95).toFixed(2)}× that)`,
    });
  } finally {
    await renderer.close();
    await browser.close();
  }
}
