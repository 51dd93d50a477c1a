import type { ApiError, DidarEvent, Result } from '../../../electron/core/contract';
import { fa } from '../locale/fa';

/** How calls and events travel: IPC in the desktop app, HTTP + WebSocket in a browser. */
export interface Transport {
  call(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** Subscribes to change events; `onReconnect` runs when a dropped channel comes back. */
  subscribe(token: string, onEvent: (e: DidarEvent) => void, onReconnect: () => void, onStatus: (online: boolean) => void): () => void;
}

/** What the desktop app's preload exposes as `window.didar`. */
export interface Bridge {
  call(method: string, input: unknown, token: string | null): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  print(request: { route: string; silent: boolean; deviceName: string }, token: string): Promise<{ ok: boolean; path?: string; error?: string }>;
  openDisplay(meetingId: string, token: string): Promise<{ ok: boolean }>;
}

/** The desktop bridge, or null in a browser. */
export function desktopBridge(): Bridge | null {
  return (window as unknown as { didar?: Bridge }).didar ?? null;
}

const unreachable: ApiError = { code: 'internal', message: fa.app.unreachable };

function ipcTransport(bridge: Bridge): Transport {
  return {
    call: async (method, input, token) => (await bridge.call(method, input, token)) as Result<unknown>,
    subscribe: (_token, onEvent, _onReconnect, onStatus) => {
      onStatus(true);
      return bridge.onEvent((e) => onEvent(e as DidarEvent));
    },
  };
}

function httpTransport(): Transport {
  return {
    async call(method, input, token) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: unreachable };
      }
    },
    subscribe(token, onEvent, onReconnect, onStatus) {
      let socket: WebSocket | null = null;
      let stopped = false;
      let delay = 500;
      let wasOpen = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const connect = () => {
        const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
        socket = new WebSocket(`${scheme}://${location.host}/api/events?token=${encodeURIComponent(token)}`);
        socket.onopen = () => {
          delay = 500;
          onStatus(true);
          if (wasOpen) onReconnect();
          wasOpen = true;
        };
        socket.onmessage = (m) => onEvent(JSON.parse(String(m.data)) as DidarEvent);
        socket.onclose = () => {
          onStatus(false);
          if (stopped) return;
          timer = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 5000);
          wasOpen = true;
        };
      };
      connect();
      return () => {
        stopped = true;
        clearTimeout(timer);
        socket?.close();
      };
    },
  };
}

/** The desktop app's preload exposes `window.didar`; a browser has none. */
export function chooseTransport(): Transport {
  const bridge = (window as unknown as { didar?: Bridge }).didar;
  return bridge ? ipcTransport(bridge) : httpTransport();
}
