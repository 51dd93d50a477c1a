import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core';
import { actorForToken } from '../core/api/auth';
import { eventIsFor, listenerOf } from './eventAudience';
import { GENERIC_BY_CODE, MESSAGES } from '../core/api/messages';
import type { Actor, ApiError, ErrorCode, Result } from '../core/contract';
import { createPdfRenderer, PRINT_ROUTE, PrintPageError, type PdfRenderer } from './pdf';
import { serveStatic } from './static';
import { HEARTBEAT_EVERY_MS, HEARTBEAT_MESSAGE } from '../core/domain/eventsChannel';

const MAX_BODY = 1024 * 1024;
/** A site's export file (issue 7) is a whole day of a site: `sync.import` alone takes bodies up to this. */
const MAX_SYNC_BODY = 128 * 1024 * 1024;

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  internal: 500,
};

export interface StationOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Serve over TLS only, with the admin's certificate and key (PEM). */
  tls?: { cert: string; key: string };
  /** How often the events channel carries a heartbeat, so a desk notices a host that vanished without closing. */
  heartbeatMs?: number;
}

export interface Station {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * CORS stays closed: the host never sends `Access-Control-Allow-*`, so no other site's page can
 * read an answer, and a request that carries an `Origin` (a browser's cross-site POST or
 * WebSocket) must come from the station's own origin. Desktop desks and scripts send none.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(json);
}

function fail(res: ServerResponse, code: ErrorCode, message: string): void {
  const error: ApiError = { code, message };
  send(res, STATUS[code], { ok: false, error });
}

function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
  return match ? match[1]! : null;
}

const PDF_STATUS: Record<string, ErrorCode> = { not_found: 'not_found', forbidden: 'forbidden', unauthenticated: 'unauthenticated', invalid_input: 'invalid_input' };

/**
 * `POST /print/pdf` with `{route}` and a bearer token: the print route rendered to PDF by the
 * station's headless Chromium (for browsers, which cannot print silently).
 */
function servePdf(core: Core, pdf: PdfRenderer, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  const token = bearer(req);
  if (!token || !actorForToken(core.db, token, core.now().toISOString())) return fail(res, 'unauthenticated', GENERIC_BY_CODE.unauthenticated);
  void readBody(req)
    .then(async (text) => {
      let route: unknown;
      try {
        route = (JSON.parse(text ?? '') as { route?: unknown }).route;
      } catch {
        return fail(res, 'invalid_input', MESSAGES['json.invalid']);
      }
      if (typeof route !== 'string' || !PRINT_ROUTE.test(route)) return fail(res, 'invalid_input', GENERIC_BY_CODE.invalid_input);
      const file = await pdf.render(route, token);
      res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(file);
    })
    .catch((e: unknown) => {
      const code = e instanceof PrintPageError ? (PDF_STATUS[e.code] ?? 'internal') : 'internal';
      if (code === 'internal') console.error('PDF rendering failed:', e);
      fail(res, code, GENERIC_BY_CODE[code]);
    });
}

/**
 * The station host: the renderer build and the same dispatch over HTTP (`POST /api/<method>`,
 * answer `{ok, value | error}`) and committed change events over the WebSocket at `/api/events`
 * (the session token in the `token` query parameter, checked at the upgrade).
 */
export async function startStation(options: StationOptions): Promise<Station> {
  const { core } = options;

  let stationUrl = '';
  const pdf = createPdfRenderer(() => stationUrl);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (options.tls) res.setHeader('strict-transport-security', 'max-age=31536000');
    if (!sameOrigin(req)) return fail(res, 'forbidden', GENERIC_BY_CODE.forbidden);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/print/pdf') return servePdf(core, pdf, req, res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return fail(res, 'unknown_method', GENERIC_BY_CODE.unknown_method);
      }
      void readBody(req, method === 'sync.import' ? MAX_SYNC_BODY : MAX_BODY).then(
        (text) => {
          if (text === null) return fail(res, 'invalid_input', MESSAGES['json.invalid']);
          let input: unknown = {};
          if (text.trim() !== '') {
            try {
              input = JSON.parse(text);
            } catch {
              return fail(res, 'invalid_input', MESSAGES['json.invalid']);
            }
          }
          const result: Result<unknown> = core.dispatch(method, input, bearer(req));
          send(res, result.ok ? 200 : STATUS[result.error.code], result);
        },
        () => fail(res, 'internal', MESSAGES.internal),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(options.rendererDir, req, res);
  };
  const server: Server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handle) : createServer(handle);

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const sockets = new Set<WebSocket>();
  /** Each socket's session, and the user it belongs to as last checked (eventAudience.ts decides what they hear). */
  const listeners = new WeakMap<WebSocket, { token: string; actor: Actor | null }>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const token = url.searchParams.get('token') ?? '';
    const actor = url.pathname === '/api/events' && sameOrigin(req) && token ? actorForToken(core.db, token, core.now().toISOString()) : null;
    if (!actor) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      listeners.set(ws, { token, actor });
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', () => undefined); // the channel is one-way: host to desks
    });
  });

  /** Looks at every open socket's user again (eventAudience.ts, `listenerOf`). */
  const recheckListeners = () => {
    for (const ws of sockets) {
      const listener = listeners.get(ws);
      if (listener) listener.actor = listenerOf(core, listener.token);
    }
  };
  const unsubscribe = core.onEvent((event) => {
    // A user changed (role, unit or agency, made inactive, signed out, sessions revoked): at once.
    if (event.name === 'users.changed') recheckListeners();
    const data = JSON.stringify(event);
    for (const ws of sockets) if (ws.readyState === ws.OPEN && eventIsFor(listeners.get(ws)?.actor ?? null, event)) ws.send(data);
  });
  const heartbeat = setInterval(() => {
    // A session that ended by itself (its 12 hours, or idle) stops hearing events within a heartbeat.
    recheckListeners();
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(HEARTBEAT_MESSAGE);
  }, options.heartbeatMs ?? HEARTBEAT_EVERY_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  stationUrl = `${options.tls ? 'https' : 'http'}://${shownHost}:${port}/`;
  return {
    server,
    port,
    url: stationUrl,
    close: async () => {
      await Promise.all([
        pdf.close(),
        new Promise<void>((resolve) => {
          unsubscribe();
          clearInterval(heartbeat);
          for (const ws of sockets) ws.terminate();
          wss.close();
          server.close(() => resolve());
          server.closeAllConnections();
        }),
      ]);
    },
  };
}
