import type { ApiError, DidarEvent, Input, MethodName, Output } from '../../../electron/core/contract';
import { chooseTransport } from './transport';

/** A failed call, carrying the host's typed error (code, Persian message, field). */
export class CallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get field(): string | undefined {
    return this.error.field;
  }
}

const transport = chooseTransport();

/**
 * A print window (hidden Electron window or headless Chromium) is opened with the session
 * token in the address (`#/print/…?t=…`): it is taken into this window's session storage and
 * removed from the address at once.
 */
function tokenFromAddress(): string | null {
  const [path, query] = window.location.hash.split('?');
  const t = new URLSearchParams(query ?? '').get('t');
  if (!t) return null;
  window.history.replaceState(null, '', `${window.location.pathname}${path}`);
  sessionStorage.setItem('didar.token', t);
  return t;
}

/** Whether this window was opened as a print page (the station keeps such a page for the next prints). */
const openedToPrint = window.location.hash.startsWith('#/print/');

let token: string | null = tokenFromAddress() ?? sessionStorage.getItem('didar.token');
const tokenListeners = new Set<(t: string | null) => void>();

export const session = {
  get token() {
    return token;
  },
  set(next: string | null) {
    token = next;
    if (next) sessionStorage.setItem('didar.token', next);
    else sessionStorage.removeItem('didar.token');
    for (const l of tokenListeners) l(next);
  },
  onChange(listener: (t: string | null) => void) {
    tokenListeners.add(listener);
    return () => tokenListeners.delete(listener);
  },
};

let printRequest = 0;
const printListeners = new Set<() => void>();

/**
 * The station's PDF renderer keeps a print page open and moves it to the next print by its
 * address: `#/print/…?t=…` again, with that print's caller's token. Each move is a new print:
 * its token replaces the one before (a move without a token, e.g. to `#/print/idle` after a
 * print, leaves none in the page), and `printRequests` counts up so the print scope starts
 * afresh, with nothing read for the print before. This runs before any other listener of the
 * address (it is registered when this module loads, before the app renders), so the routes never
 * see the token, nor the new route with the old token. Only a window opened to print takes a token
 * from a moved address: a desk never does.
 */
if (openedToPrint) {
  window.addEventListener('hashchange', () => {
    session.set(tokenFromAddress());
    printRequest += 1;
    for (const l of printListeners) l();
  });
}

/** The prints this page has been moved to (see above): the print scope is keyed by it. */
export const printRequests = {
  get current() {
    return printRequest;
  },
  onChange(listener: () => void) {
    printListeners.add(listener);
    return () => void printListeners.delete(listener);
  },
};

/** Calls a method of the contract; resolves with its value or throws a CallError. */
export async function call<K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>> {
  const used = token;
  const result = await transport.call(method, input, used);
  if (result.ok) return result.value as Output<K>;
  // Only the session that was refused ends: a late answer to an earlier session (a print page's previous print) leaves the current one.
  if (result.error.code === 'unauthenticated' && method !== 'auth.login' && used === token) session.set(null);
  throw new CallError(result.error);
}

export function subscribe(onEvent: (e: DidarEvent) => void, onReconnect: () => void, onStatus: (online: boolean) => void): () => void {
  if (!token) return () => undefined;
  return transport.subscribe(token, onEvent, onReconnect, onStatus);
}
