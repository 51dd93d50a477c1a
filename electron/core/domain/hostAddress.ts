import { toLatinDigits } from './digits';

/** The station's port when none is typed. */
export const DEFAULT_STATION_PORT = 8080;

/**
 * A host's address as a person types it — `192.168.1.10`, `۱۹۲.۱۶۸.۱.۱۰:8080`, `didar-host`,
 * `https://didar.local:8443` — as the URL a desk joins (`http://192.168.1.10:8080/`), or null
 * when it is not an address. Persian digits are read; the scheme defaults to http and the port
 * to 8080; a path, user or query is refused.
 */
export function parseHostAddress(typed: string): string | null {
  let text = toLatinDigits(typed.trim()).replace(/[۔٫]/g, '.');
  if (!text || /[^\x21-\x7e]/.test(text)) return null;
  if (!/^[a-z]+:\/\//i.test(text)) text = `http://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  if (!/^(?:\d{1,3}(?:\.\d{1,3}){3}|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)$/i.test(url.hostname)) return null;
  if (/^\d+(\.\d+){3}$/.test(url.hostname) && url.hostname.split('.').some((p) => Number(p) > 255)) return null;
  // A station listens on 1024–65535, so no port (or a scheme's own 80/443, which URL drops) means 8080.
  if (!url.port) url.port = String(DEFAULT_STATION_PORT);
  return `${url.protocol}//${url.host}/`;
}
