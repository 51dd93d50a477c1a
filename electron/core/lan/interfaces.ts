import { networkInterfaces } from 'node:os';

/** This PC's IPv4 addresses by network card, loopback first: the addresses the station may bind to. */
export function ipv4Interfaces(): { name: string; address: string }[] {
  const out: { name: string; address: string }[] = [];
  for (const [name, list] of Object.entries(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4') out.push({ name, address: a.address });
  }
  return out.sort((a, b) => Number(b.address.startsWith('127.')) - Number(a.address.startsWith('127.')));
}

/** Whether the station may listen on `bind`: every card, this PC only, or one of its own IPv4 addresses. */
export function isBindable(bind: string, interfaces = ipv4Interfaces()): boolean {
  return bind === '0.0.0.0' || bind === '127.0.0.1' || interfaces.some((i) => i.address === bind);
}
