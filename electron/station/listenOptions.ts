import { readFileSync } from 'node:fs';
import type { Db } from '../core/db/open';
import { ipv4Interfaces, isBindable } from '../core/lan/interfaces';
import { readStationSettings } from '../core/lan/stationSettings';

/** Where and how the host listens, after the settings and the command line are both read. */
export interface ListenOptions {
  host: string;
  port: number;
  tls?: { cert: string; key: string };
  /** Why a setting was not used (an address no longer on this PC …), for the host's log. */
  warnings: string[];
}

export interface ListenFlags {
  host?: string | undefined;
  port?: string | undefined;
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
}

/**
 * The station's settings (`station.*`, set by the admin on the settings screen) with the
 * command-line flags of `npm run station` winning over them. A stored bind address that is no
 * longer one of this PC's falls back to this PC only (127.0.0.1), with a warning, rather than
 * failing to start. TLS from the settings needs both the certificate and the key stored.
 */
export function resolveListenOptions(db: Db, flags: ListenFlags): ListenOptions {
  const stored = readStationSettings(db);
  const warnings: string[] = [];
  let host = flags.host ?? stored.bind;
  if (flags.host === undefined && !isBindable(host, ipv4Interfaces())) {
    warnings.push(`the stored bind address ${host} is not on this PC: listening on 127.0.0.1 only`);
    host = '127.0.0.1';
  }
  const port = flags.port !== undefined ? Number(flags.port) : stored.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${flags.port}`);
  let tls: ListenOptions['tls'];
  if (flags.tlsCert || flags.tlsKey) {
    if (!flags.tlsCert || !flags.tlsKey) throw new Error('--tls-cert and --tls-key go together');
    tls = { cert: readFileSync(flags.tlsCert, 'utf8'), key: readFileSync(flags.tlsKey, 'utf8') };
  } else if (stored.requireTls && stored.certificatePem && stored.keyPem) {
    tls = { cert: stored.certificatePem, key: stored.keyPem };
  }
  return { host, port, ...(tls ? { tls } : {}), warnings };
}
