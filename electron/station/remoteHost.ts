import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import WebSocket from 'ws';
import type { ApiError, DidarEvent, Result } from '../core/contract';
import { MESSAGES } from '../core/api/messages';
import type { ProbedHost } from '../core/contract/connection';
import { RECONNECT_FIRST_MS, RECONNECT_MAX_MS, SILENCE_MEANS_GONE_MS } from '../core/domain/eventsChannel';

/** How a joining desk reaches its host: the address, and for TLS the host certificate it trusts (pinned by its SHA-256). */
export interface HostAddress {
  url: string;
  /** The host's certificate (PEM) as the person confirmed it when joining; required for https. */
  certificatePem?: string;
  fingerprint256?: string;
}

export interface RemoteHost {
  /** One method call over `POST /api/<method>`; an unreachable host answers a typed error and marks the link down. */
  call(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** The events channel for `token`, reconnecting with back-off; `onReconnect` when it comes back after a drop. */
  subscribe(token: string, onEvent: (e: DidarEvent) => void, onReconnect: () => void): () => void;
  /** Link state changes (true = the host answers). */
  onStatus(listener: (online: boolean) => void): () => void;
  close(): void;
}

const CALL_TIMEOUT_MS = 20_000;

export const unreachable: ApiError = { code: 'internal', message: MESSAGES['host.unreachable'] };

/** TLS options that trust exactly the pinned certificate, whatever address the desk uses to reach the host. */
export function pinnedTls(address: HostAddress): { ca?: string; checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined } {
  if (!address.url.startsWith('https:')) return {};
  if (!address.certificatePem || !address.fingerprint256) throw new Error('an https host needs its pinned certificate');
  const pinned = address.fingerprint256;
  return {
    ca: address.certificatePem,
    checkServerIdentity: (_host, cert) => (cert.fingerprint256 === pinned ? undefined : new Error(`the host's certificate changed (${cert.fingerprint256})`)),
  };
}

function readJson(res: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    res.on('error', reject);
  });
}

/** POSTs JSON to the host and reads the JSON answer; rejects when the host cannot be reached. */
export function postJson(address: HostAddress, path: string, body: unknown, token: string | null, extra: Record<string, unknown> = {}): Promise<unknown> {
  const target = new URL(path, address.url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const payload = Buffer.from(JSON.stringify(body ?? {}));
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        timeout: CALL_TIMEOUT_MS,
        ...(target.protocol === 'https:' ? pinnedTls(address) : {}),
        ...extra,
      },
      (res) => void readJson(res).then(resolve, reject),
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A joining desk's link to its host: the same wire as a browser desk (HTTP calls, events on the
 * WebSocket with the session token), from the desktop's main process. A call that cannot reach
 * the host answers `host.unreachable` at once and marks the link down; the events channel
 * reconnects with back-off (0.5 s doubling to 5 s) and counts the host gone when neither an
 * event nor a heartbeat arrived for `silenceMs`.
 */
export function connectRemote(address: HostAddress, options: { silenceMs?: number } = {}): RemoteHost {
  const silenceMs = options.silenceMs ?? SILENCE_MEANS_GONE_MS;
  const listeners = new Set<(online: boolean) => void>();
  let online = true;
  const setOnline = (next: boolean) => {
    if (next === online) return;
    online = next;
    for (const l of listeners) l(next);
  };
  const sockets = new Set<() => void>();

  return {
    async call(method, input, token) {
      try {
        const answer = (await postJson(address, `/api/${encodeURIComponent(method)}`, input, token)) as Result<unknown>;
        setOnline(true);
        return answer;
      } catch {
        setOnline(false);
        return { ok: false, error: unreachable };
      }
    },
    subscribe(token, onEvent, onReconnect) {
      let socket: WebSocket | null = null;
      let stopped = false;
      let delay = RECONNECT_FIRST_MS;
      let wasOpen = false;
      let retry: ReturnType<typeof setTimeout> | undefined;
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const alive = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => socket?.terminate(), silenceMs);
      };
      const connect = () => {
        const url = new URL(`/api/events?token=${encodeURIComponent(token)}`, address.url);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        // ws hands these options to tls.connect, whose checkServerIdentity returns an Error (ws's types say boolean).
        const ws = new WebSocket(url, { ...(pinnedTls(address) as WebSocket.ClientOptions), handshakeTimeout: 10_000 });
        socket = ws;
        ws.on('open', () => {
          delay = RECONNECT_FIRST_MS;
          alive();
          setOnline(true);
          if (wasOpen) onReconnect();
          wasOpen = true;
        });
        ws.on('message', (data: WebSocket.RawData) => {
          alive();
          const text = data.toString();
          const event = JSON.parse(text) as { name: string };
          if (event.name !== 'heartbeat') onEvent(event as DidarEvent);
        });
        ws.on('error', () => undefined);
        ws.on('close', () => {
          clearTimeout(watchdog);
          if (stopped) return;
          setOnline(false);
          retry = setTimeout(connect, delay);
          delay = Math.min(delay * 2, RECONNECT_MAX_MS);
          wasOpen = true;
        });
      };
      connect();
      const stop = () => {
        stopped = true;
        clearTimeout(retry);
        clearTimeout(watchdog);
        socket?.terminate();
        sockets.delete(stop);
      };
      sockets.add(stop);
      return stop;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const stop of [...sockets]) stop();
      listeners.clear();
    },
  };
}

function toPem(raw: Buffer): string {
  const b64 = raw.toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/**
 * Asks a typed or found address who it is (`auth.status`, public and harmless). Over https the
 * certificate is read without trusting it yet — nothing but this question is sent — so the
 * person can compare its fingerprint with the one the host's settings screen shows.
 */
export async function probeHost(url: string): Promise<ProbedHost> {
  const base = new URL(url);
  let certificate: ProbedHost['certificate'] = null;
  const extra =
    base.protocol === 'https:'
      ? {
          rejectUnauthorized: false,
          agent: false,
        }
      : {};
  const status = await new Promise<unknown>((resolve, reject) => {
    const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(new URL('/api/auth.status', base), { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 5000, ...extra }, (res) => {
      if (base.protocol === 'https:') {
        const peer = (res.socket as TLSSocket).getPeerCertificate();
        if (peer?.raw) certificate = { pem: toPem(peer.raw), fingerprint256: peer.fingerprint256, subject: String(peer.subject?.CN ?? ''), validTo: new Date(peer.valid_to).toISOString() };
      }
      void readJson(res).then(resolve, reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end('{}');
  });
  const answer = status as Result<{ needsSetup: boolean; directorateName: string }>;
  if (!answer || typeof answer !== 'object' || !('ok' in answer) || !answer.ok) throw new Error('not a Didar host');
  return { url: base.href, directorateName: answer.value.directorateName, needsSetup: answer.value.needsSetup, certificate };
}
