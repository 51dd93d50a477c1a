import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

/** The same policy the renderer's page declares, sent as a header too. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Serves the built renderer from `root`; paths outside it are refused, unknown paths get index.html. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    // A malformed escape (`%E0%A4%A`) is the caller's mistake, not a reason for the host to fall over.
    res.writeHead(400).end();
    return;
  }
  let path = normalize(join(root, decoded));
  if (!path.startsWith(root + sep) && path !== root) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(path) || statSync(path).isDirectory()) path = join(root, 'index.html');
  if (!existsSync(path)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('renderer not built: run `npm run build`');
    return;
  }
  const isAsset = path.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  // A file removed while it is read (a rebuild) ends this answer, never the host.
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}
