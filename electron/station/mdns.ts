import { hostname } from 'node:os';
import { Bonjour, type Service } from 'bonjour-service';
import type { FoundHost } from '../core/contract/connection';

/** The mDNS service type Didar hosts announce on the LAN (`_didar._tcp.local`). */
export const SERVICE_TYPE = 'didar';
/** The wire version in the announcement; a desk lists only hosts that speak it. */
export const WIRE_VERSION = '1';

export interface Announcement {
  stop(): void;
}

/**
 * Announces the host on the LAN by multicast DNS (bonjour-service), so joining desks find it
 * without typing an address. The announcement carries no secret: the directorate's name, the
 * port and whether TLS is required.
 */
export function announceStation(options: { port: number; tls: boolean; name: string; instance?: string }): Announcement {
  const bonjour = new Bonjour({}, (error: unknown) => console.warn('mDNS:', error));
  bonjour.publish({
    name: options.instance ?? `Didar ${hostname()}`,
    type: SERVICE_TYPE,
    port: options.port,
    txt: { v: WIRE_VERSION, tls: options.tls ? '1' : '0', dir: options.name.slice(0, 120) },
    disableIPv6: true,
  });
  return {
    stop: () => bonjour.unpublishAll(() => bonjour.destroy()),
  };
}

function toFound(s: Service): FoundHost | null {
  const txt = (s.txt ?? {}) as Record<string, string>;
  if (txt.v !== WIRE_VERSION) return null;
  const v4 = (s.addresses ?? []).filter((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
  const address = v4[0] ?? s.referer?.address;
  if (!address) return null;
  const tls = txt.tls === '1';
  return { name: s.name, directorate: txt.dir ?? '', url: `${tls ? 'https' : 'http'}://${address}:${s.port}/`, addresses: v4, tls };
}

/** Listens for Didar hosts for `timeoutMs` and returns those that answered, by name. */
export function discoverHosts(timeoutMs = 2500): Promise<FoundHost[]> {
  return new Promise((resolve) => {
    const bonjour = new Bonjour({}, (error: unknown) => console.warn('mDNS:', error));
    const found = new Map<string, FoundHost>();
    const browser = bonjour.find({ type: SERVICE_TYPE }, (s: Service) => {
      const host = toFound(s);
      if (host) found.set(`${host.name}|${host.url}`, host);
    });
    setTimeout(() => {
      browser.stop();
      bonjour.destroy();
      resolve([...found.values()].sort((a, b) => a.name.localeCompare(b.name)));
    }, timeoutMs);
  });
}
