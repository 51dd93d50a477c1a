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

/** Calls a method of the contract; resolves with its value or throws a CallError. */
export async function call<K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>> {
  const result = await transport.call(method, input, token);
  if (result.ok) return result.value as Output<K>;
  if (result.error.code === 'unauthenticated' && method !== 'auth.login') session.set(null);
  throw new CallError(result.error);
}

export function subscribe(onEvent: (e: DidarEvent) => void, onReconnect: () => void, onStatus: (online: boolean) => void): () => void {
  if (!token) return () => undefined;
  return transport.subscribe(token, onEvent, onReconnect, onStatus);
}
