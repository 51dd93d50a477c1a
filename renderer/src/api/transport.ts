import type { ApiError, DidarEvent, Result } from '../../../electron/core/contract';
import type { ConnectionStatus, FoundHost, JoinOutcome, ProbeOutcome } from '../../../electron/core/contract/connection';
import { fa } from '../locale/fa';
import { RECONNECT_FIRST_MS, RECONNECT_MAX_MS, SILENCE_MEANS_GONE_MS } from '../../../electron/core/domain/eventsChannel';

/** How calls and events travel: IPC in the desktop app, HTTP + WebSocket in a browser. */
export interface Transport {
  call(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** Subscribes to change events; `onReconnect` runs when a dropped channel comes back. */
  subscribe(token: string, onEvent: (e: DidarEvent) => void, onReconnect: () => void, onStatus: (online: boolean) => void): () => void;
}

/** The desktop's first-run choice and its link to the host (electron/station/desktop/controller.ts behind the preload). */
export interface DesktopConnection {
  status(): Promise<ConnectionStatus>;
  discover(): Promise<FoundHost[]>;
  probe(address: string): Promise<ProbeOutcome>;
  chooseHost(): Promise<ConnectionStatus>;
  join(url: string, fingerprint256: string | null): Promise<JoinOutcome>;
  /** Forgets the choice (on the host PC only with an admin's token); the app then asks again. */
  forget(token: string | null): Promise<boolean>;
}

/** What the desktop app's preload exposes as `window.didar`. */
export interface Bridge {
  call(method: string, input: unknown, token: string | null): Promise<unknown>;
  /** Receive the events of the session `token` on `onEvent` (null stops). */
  watch(token: string | null): Promise<boolean>;
  onEvent(listener: (event: unknown) => void): () => void;
  /** Whether the host answers (a joined desk); a host PC is always online. */
  onStatus(listener: (online: boolean) => void): () => void;
  print(request: { route: string; silent: boolean; deviceName: string }, token: string): Promise<{ ok: boolean; path?: string; error?: string }>;
  openDisplay(meetingId: string, token: string): Promise<{ ok: boolean }>;
  /** The printers this PC knows. */
  printers?(): Promise<{ name: string; isDefault: boolean }[]>;
  connection: DesktopConnection;
}

/** The desktop bridge, or null in a browser. */
export function desktopBridge(): Bridge | null {
  return (window as unknown as { didar?: Bridge }).didar ?? null;
}

const unreachable: ApiError = { code: 'internal', message: fa.app.unreachable };

function ipcTransport(bridge: Bridge): Transport {
  return {
    call: async (method, input, token) => (await bridge.call(method, input, token)) as Result<unknown>,
    subscribe: (token, onEvent, onReconnect, onStatus) => {
      let wasOffline = false;
      const offEvents = bridge.onEvent((e) => onEvent(e as DidarEvent));
      const offStatus = bridge.onStatus((online) => {
        onStatus(online);
        // Back after a drop: everything on screen is read again.
        if (online && wasOffline) onReconnect();
        wasOffline = !online;
      });
      void bridge.watch(token);
      return () => {
        offEvents();
        offStatus();
        void bridge.watch(null);
      };
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
          // A host that vanished without closing the connection must not leave a form waiting for ever.
          signal: AbortSignal.timeout(20_000),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: unreachable };
      }
    },
    subscribe(token, onEvent, onReconnect, onStatus) {
      let socket: WebSocket | null = null;
      let stopped = false;
      let delay = RECONNECT_FIRST_MS;
      let wasOpen = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const dropped = () => {
        clearTimeout(watchdog);
        onStatus(false);
        if (stopped) return;
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
        wasOpen = true;
      };
      // The host sends a heartbeat every 5 s: 12 s of silence means it is gone even when the
      // socket never closed (a cable pulled, a PC asleep); the socket is abandoned at once.
      // (domain/eventsChannel.ts holds the figures for the host and both desks.)
      const alive = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          const dead = socket;
          if (!dead) return;
          dead.onclose = dead.onmessage = dead.onopen = null;
          dead.close();
          dropped();
        }, SILENCE_MEANS_GONE_MS);
      };
      const connect = () => {
        const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
        socket = new WebSocket(`${scheme}://${location.host}/api/events?token=${encodeURIComponent(token)}`);
        socket.onopen = () => {
          alive();
          delay = RECONNECT_FIRST_MS;
          onStatus(true);
          if (wasOpen) onReconnect();
          wasOpen = true;
        };
        socket.onmessage = (m) => {
          alive();
          const event = JSON.parse(String(m.data)) as DidarEvent | { name: 'heartbeat' };
          if (event.name !== 'heartbeat') onEvent(event);
        };
        socket.onclose = dropped;
      };
      connect();
      return () => {
        stopped = true;
        clearTimeout(timer);
        clearTimeout(watchdog);
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
