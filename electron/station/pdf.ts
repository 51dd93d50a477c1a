import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { canPrintAgain, closeKeptPage, loadPrint, openKeptPage, printOnPage, rest, type KeptPage, type PageAnswer } from './keptPage';
import { PagePool } from './pagePool';

/** The print routes a PDF may be asked of (the same list the desktop printer accepts); a report's scope is base64url JSON. */
export const PRINT_ROUTE = /^\/print\/(?:(ticket|slip|visit|visit-slips)\/[0-9a-f-]{36}|report\/[A-Za-z0-9_-]{2,400})$/;

/** The print page could not show its data: `code` is the contract's error code the page met (not_found, forbidden …). */
export class PrintPageError extends Error {
  constructor(readonly code: string) {
    super(`print page failed: ${code}`);
  }
}

export interface PdfRenderer {
  /** Renders a print route (signed in with `token`) to PDF. */
  render(route: string, token: string): Promise<Buffer>;
  /** Pages opened and prints made on a kept page so far (tests and the benchmark read them). */
  readonly stats: { pagesOpened: number; warmPrints: number };
  /** Closes the browser, if one was launched. */
  close(): Promise<void>;
}

export interface PdfRendererOptions {
  /** How long a print page may take to be ready (default 15 s). */
  readyTimeoutMs?: number;
  /** Pages kept at most (default `PAGES`). */
  pages?: number;
  /** A browser to print in instead of launching one (tests); the caller closes it. */
  browser?: Browser;
}

/** Whether a failure came from the page's renderer process dying (not from the print itself). */
const crashedUnder = (kept: KeptPage, e: unknown) => kept.crashed || /crash/i.test(String(e));

/** Kept pages at most: prints beyond them wait their turn (this machine class has two cores). */
const PAGES = 2;

/**
 * "Print is a page", for browsers: the print route is opened in headless Chromium from the
 * station itself, and once the page marks itself ready (`data-print-ready` on <body>) it is
 * printed to PDF at the page size its CSS names (80 mm ticket, A5 slip, A4 summary).
 *
 * The browser is launched on the first request and kept. So are the print pages (up to
 * `PAGES`, each in its own browser context, one print at a time each; more prints wait): a
 * page's first print loads the renderer with the route and the token in the address as the
 * desktop's print window does; the next prints move the same page to the next route and token
 * by its address (see `movePrint`), which costs no page load and no app boot. Each print still
 * reads its data afresh with its own caller's token (the renderer starts a new print scope), and
 * after each print the page goes idle without a token. A kept page that fails (crashed, hung,
 * past its timeout) is closed; a print it could not take goes to a fresh page.
 */
export function createPdfRenderer(stationUrl: () => string, options: PdfRendererOptions = {}): PdfRenderer {
  const { readyTimeoutMs = 15_000, pages = PAGES } = options;
  let browser: Promise<Browser> | null = options.browser ? Promise.resolve(options.browser) : null;
  let closed = false;
  const pool = new PagePool<KeptPage>(pages);
  const stats = { pagesOpened: 0, warmPrints: 0 };

  const launch = (): Promise<Browser> => {
    if (!browser) {
      const launching = chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
      browser = launching;
      launching.then(
        (b) => b.on('disconnected', () => {
          if (browser === launching) browser = null;
        }),
        () => {
          if (browser === launching) browser = null;
        },
      );
    }
    return browser;
  };

  const discard = async (kept: KeptPage) => {
    pool.drop();
    await closeKeptPage(kept);
  };

  /**
   * Prints the page once it is ready. The page then rests (no token, no data) before it is kept
   * for the next print, or closed if it fails; the PDF does not wait for that.
   */
  const finish = async (kept: KeptPage, answer: PageAnswer): Promise<Buffer> => {
    let printed: Buffer | PrintPageError;
    try {
      if (answer.ready === null) throw new Error(`the print page was not ready in ${readyTimeoutMs} ms`);
      printed = answer.ready === 'true' ? await kept.page.pdf({ preferCSSPageSize: true, printBackground: true }) : new PrintPageError(answer.error ?? 'internal');
    } catch (e) {
      await discard(kept);
      throw e;
    }
    void pool.settle(kept, rest(kept), closeKeptPage);
    if (printed instanceof PrintPageError) throw printed;
    return printed;
  };

  /** The print on a new page of its own (counted in the pool already): loaded with the route and the token in its address. */
  const renderFresh = async (route: string, token: string): Promise<Buffer> => {
    let kept: KeptPage;
    try {
      kept = await openKeptPage(await launch(), stationUrl());
    } catch (e) {
      pool.drop();
      throw e;
    }
    stats.pagesOpened += 1;
    let answer: PageAnswer;
    try {
      await loadPrint(kept, route, token);
      answer = await printOnPage(kept, route, null, readyTimeoutMs);
    } catch (e) {
      await discard(kept);
      throw e;
    }
    return finish(kept, answer);
  };

  return {
    stats,
    async render(route, token) {
      if (closed) throw new Error('the PDF renderer is closed');
      if (!PRINT_ROUTE.test(route)) throw new PrintPageError('invalid_input');
      let retried = false;
      for (;;) {
        const kept = await pool.take();
        if (kept === null) return renderFresh(route, token);
        let answer: PageAnswer | null = null;
        try {
          if (canPrintAgain(kept, stationUrl())) answer = await printOnPage(kept, route, token, readyTimeoutMs);
        } catch (e) {
          // A kept page that crashed under the print: it goes, and the print is made once more on
          // the next page (or a fresh one). Any other failure (a hung page) is the answer.
          await discard(kept);
          if (retried || !crashedUnder(kept, e)) throw e;
          retried = true;
          continue;
        }
        if (!answer?.taken) {
          // The kept page cannot take this print (see canPrintAgain, printOnPage): it goes, and the print tries the next page.
          await discard(kept);
          continue;
        }
        stats.warmPrints += 1;
        try {
          return await finish(kept, answer);
        } catch (e) {
          // Crashed while printing: the same (finish closed the page).
          if (retried || !crashedUnder(kept, e)) throw e;
          retried = true;
        }
      }
    },
    async close() {
      closed = true;
      await Promise.all(pool.close().map(closeKeptPage));
      if (options.browser) return;
      const running = browser;
      browser = null;
      const b = running ? await running.catch(() => null) : null;
      await b?.close();
    },
  };
}
