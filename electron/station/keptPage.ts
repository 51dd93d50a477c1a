import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * One print page of the station's PDF renderer, kept between prints: the renderer bundle loaded
 * and booted once, in a browser context of its own (its own session storage). See pdf.ts.
 */
export interface KeptPage {
  context: BrowserContext;
  page: Page;
  /** The station address the page was loaded from. */
  origin: string;
  /** Prints made on it (it is replaced after `PRINTS_PER_PAGE`). */
  prints: number;
  crashed: boolean;
}

/** Where a kept page waits between prints: an empty page, never ready, holding no token. */
export const IDLE_ROUTE = '/print/idle';
/** A page is replaced after this many prints, so nothing a page may gather over time grows without end. */
export const PRINTS_PER_PAGE = 200;
/** How long a kept page may take to acknowledge a move of its address (it does so at once when healthy). */
const MOVE_TIMEOUT_MS = 3_000;

/** What the in-page functions below use of the page's window (this project's Node code has no DOM types). */
interface PrintWindow {
  location: { hash: string };
  document: { body: { dataset: Record<string, string | undefined> }; getElementById(id: string): { remove(): void } | null };
  sessionStorage: { getItem(key: string): string | null };
  addEventListener(type: 'hashchange', listener: () => void, options: { once: true }): void;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { attributes: true; attributeFilter: string[] }): void; disconnect(): void };
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export async function openKeptPage(browser: Browser, origin: string): Promise<KeptPage> {
  // The page is the station's own, reached at its own address, which a TLS certificate may not name.
  const ignoreHTTPSErrors = origin.startsWith('https:');
  const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran', serviceWorkers: 'block', ignoreHTTPSErrors });
  try {
    const page = await context.newPage();
    const kept: KeptPage = { context, page, origin, prints: 0, crashed: false };
    page.on('crash', () => {
      kept.crashed = true;
    });
    return kept;
  } catch (e) {
    await context.close().catch(() => undefined);
    throw e;
  }
}

export function canPrintAgain(kept: KeptPage, origin: string): boolean {
  return !kept.crashed && !kept.page.isClosed() && kept.context.browser()?.isConnected() === true && kept.origin === origin && kept.prints < PRINTS_PER_PAGE;
}

/** Loads the print route in the page (its first print): the page takes the token from the address. */
export async function loadPrint(kept: KeptPage, route: string, token: string): Promise<void> {
  kept.prints += 1;
  await kept.page.goto(`${kept.origin}#${route}?t=${encodeURIComponent(token)}`);
}

/** What the page says of a print: whether it took it (a move), and its readiness mark (null: not ready in time). */
export interface PageAnswer {
  taken: boolean;
  ready: string | null;
  error: string | null;
}

/**
 * The page's side of a print, run in the page (no named functions inside: tsx's esbuild
 * `keepNames` would wrap them in a helper the page does not have). With a token it first moves
 * the page to the print by its address (`#<route>?t=<token>`): the readiness mark is cleared, the
 * renderer's client takes the token out of the address at once in place of the one before (its
 * listener runs before this one's) and starts a fresh print scope; the page took the print when
 * the address then holds the route without the token. Then (or at once, without a token: a page
 * just loaded with the print) it answers the moment the page shows the route and marks itself
 * ready (`data-print-ready` on <body>: 'true', or 'error' with `data-print-error`), watched by a
 * mutation observer rather than polled each frame.
 */
const printInPage = ([route, token, moveMs, readyMs]: readonly [string, string | null, number, number]) => {
  const w = globalThis as unknown as PrintWindow;
  const data = w.document.body.dataset;
  return new Promise<PageAnswer>((resolve) => {
    let moveTimer = 0;
    const observer = new w.MutationObserver(() => {
      if (w.location.hash !== `#${route}` || !data.printReady) return;
      observer.disconnect();
      w.clearTimeout(readyTimer);
      resolve({ taken: true, ready: data.printReady, error: data.printError ?? null });
    });
    const readyTimer = w.setTimeout(() => {
      observer.disconnect();
      resolve({ taken: true, ready: null, error: null });
    }, readyMs);
    if (token === null) {
      if (w.location.hash === `#${route}` && data.printReady) {
        w.clearTimeout(readyTimer);
        return resolve({ taken: true, ready: data.printReady, error: data.printError ?? null });
      }
    } else {
      delete data.printReady;
      delete data.printError;
      moveTimer = w.setTimeout(() => {
        w.clearTimeout(readyTimer);
        observer.disconnect();
        resolve({ taken: false, ready: null, error: null });
      }, moveMs);
      w.addEventListener(
        'hashchange',
        () => {
          w.clearTimeout(moveTimer);
          if (w.location.hash === `#${route}`) return;
          w.clearTimeout(readyTimer);
          observer.disconnect();
          resolve({ taken: false, ready: null, error: null });
        },
        { once: true },
      );
    }
    observer.observe(w.document.body, { attributes: true, attributeFilter: ['data-print-ready'] });
    if (token !== null) w.location.hash = `${route}?t=${encodeURIComponent(token)}`;
  });
};

/**
 * A print on the page: moved there with `token` (a kept page), or already loaded with it
 * (`token` null, after `loadPrint`); resolves with the page's answer (see `printInPage`). Not
 * taken means the page could not move (an older renderer build, a page in a bad state): it has
 * asked nothing of the station for this print, and the caller throws the page away.
 */
export async function printOnPage(kept: KeptPage, route: string, token: string | null, readyTimeoutMs: number): Promise<PageAnswer> {
  if (token !== null) kept.prints += 1;
  const answer = kept.page.evaluate(printInPage, [route, token, MOVE_TIMEOUT_MS, readyTimeoutMs] as const);
  // The page's own timers answer first; this one only if the page is hung.
  return within(MOVE_TIMEOUT_MS + readyTimeoutMs + 2_000, answer);
}

/**
 * After a print: the page moves to the idle route without a token, so its caller's token and
 * data leave it before anyone else's print. True when the page is idle and holds no token.
 */
export async function rest(kept: KeptPage): Promise<boolean> {
  const rested = kept.page.evaluate((idle) => {
    const w = globalThis as unknown as PrintWindow;
    return new Promise<boolean>((resolve) => {
      w.addEventListener(
        'hashchange',
        () => {
          const data = w.document.body.dataset;
          delete data.printReady;
          delete data.printError;
          // The one node a print leaves outside the app's root: the charts' text-measuring span, holding a report's last label.
          w.document.getElementById('recharts_measurement_span')?.remove();
          resolve(w.location.hash === `#${idle}` && w.sessionStorage.getItem('didar.token') === null);
        },
        { once: true },
      );
      w.location.hash = idle;
    });
  }, IDLE_ROUTE);
  return (await within(MOVE_TIMEOUT_MS, rested).catch(() => false)) === true;
}

export async function closeKeptPage(kept: KeptPage): Promise<void> {
  await kept.context.close().catch(() => undefined);
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the print page in ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
