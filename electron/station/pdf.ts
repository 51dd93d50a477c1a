import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

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
  /** Closes the browser, if one was launched. */
  close(): Promise<void>;
}

/**
 * "Print is a page", for browsers: the print route is opened in headless Chromium from the
 * station itself, and once the page marks itself ready (`data-print-ready` on <body>) it is
 * printed to PDF at the page size its CSS names (80 mm ticket, A5 slip, A4 summary). The
 * browser is launched on the first request and kept for the next ones; each render gets its
 * own context, closed afterwards.
 */
export function createPdfRenderer(stationUrl: () => string, readyTimeoutMs = 15_000): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let closed = false;

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

  return {
    async render(route, token) {
      if (closed) throw new Error('the PDF renderer is closed');
      if (!PRINT_ROUTE.test(route)) throw new PrintPageError('invalid_input');
      const context = await (await launch()).newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran', serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        await page.goto(`${stationUrl()}#${route}?t=${encodeURIComponent(token)}`);
        const body = await page.waitForSelector('body[data-print-ready]', { timeout: readyTimeoutMs });
        if ((await body.getAttribute('data-print-ready')) !== 'true') {
          throw new PrintPageError((await body.getAttribute('data-print-error')) ?? 'internal');
        }
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        await page.close();
        return pdf;
      } finally {
        await context.close();
      }
    },
    async close() {
      closed = true;
      const running = browser;
      browser = null;
      const b = running ? await running.catch(() => null) : null;
      await b?.close();
    },
  };
}
