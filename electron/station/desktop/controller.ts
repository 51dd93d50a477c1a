import { EventEmitter } from 'node:events';
import type { Core } from '../../core';
import { createCore } from '../../core';
import { readSettings } from '../../core/api/settingsStore';
import type { DidarEvent, Result } from '../../core/contract';
import type { ConnectionStatus, FoundHost, JoinOutcome, ProbeOutcome } from '../../core/contract/connection';
import { parseHostAddress } from '../../core/domain/hostAddress';
import { startOutboxSender } from '../../core/outbox/sender';
import { eventIsFor, listenerOf } from '../eventAudience';
import { resolveListenOptions } from '../listenOptions';
import { announceStation, discoverHosts, type Announcement } from '../mdns';
import { connectRemote, probeHost, unreachable, type RemoteHost } from '../remoteHost';
import { startStation, type Station } from '../server';
import { forgetDesktopConfig, readDesktopConfig, writeDesktopConfig, type DesktopConfig } from './desktopConfig';

export interface DesktopControllerOptions {
  /** `connection.json` in the app's user-data folder. */
  configFile: string;
  /** The database file a host PC keeps. */
  dataFile: string;
  /** The built renderer the LAN station serves to browser desks. */
  rendererDir: string;
  /** Host-process services that live as long as the core (the backup scheduler …); each returns its stop. */
  hostServices?: ((core: Core) => () => void)[];
  log?: (message: string, error?: unknown) => void;
}

/**
 * The desktop app's choice between holding the data and joining a host, without Electron
 * (the main process maps its IPC channels onto this, and tests drive it in plain Node).
 *
 * - Host: opens the database, serves the station on the address in the station settings
 *   (127.0.0.1 until the admin chooses a network card), announces it by mDNS when it listens
 *   beyond this PC, and answers this PC's windows straight from `dispatch`.
 * - Join: keeps no data; every call and event goes to the host over HTTP + WebSocket, exactly
 *   like a browser desk. A lost host is reported at once and the link comes back by itself.
 */
export function createDesktopController(options: DesktopControllerOptions) {
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''));
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let config: DesktopConfig | null = null;
  let core: Core | null = null;
  let station: Station | null = null;
  let announcement: Announcement | null = null;
  let remote: RemoteHost | null = null;
  let stops: (() => void)[] = [];
  let online = true;
  let stationProblem: string | null = null;

  const setOnline = (next: boolean) => {
    if (next === online) return;
    online = next;
    bus.emit('status', next);
  };

  async function startHost(): Promise<void> {
    core = createCore({ file: options.dataFile, log });
    const hostCore = core;
    stops.push(core.onEvent((e) => bus.emit('event', e)));
    stops.push(startOutboxSender(core.db));
    for (const service of options.hostServices ?? []) stops.push(service(hostCore));
    try {
      const listen = resolveListenOptions(core.db, {});
      for (const w of listen.warnings) log(`station: ${w}`);
      station = await startStation({ core, rendererDir: options.rendererDir, host: listen.host, port: listen.port, ...(listen.tls ? { tls: listen.tls } : {}) });
      if (!listen.host.startsWith('127.')) {
        announcement = announceStation({ port: station.port, tls: Boolean(listen.tls), name: readSettings(core.db).directorateName });
      }
    } catch (error) {
      // The desk on this PC works without the LAN station; the settings screen says why it is off.
      stationProblem = error instanceof Error ? error.message : String(error);
      log('the LAN station did not start', error);
    }
  }

  function startJoin(c: Extract<DesktopConfig, { mode: 'join' }>): void {
    remote = connectRemote({ url: c.url, ...(c.certificatePem ? { certificatePem: c.certificatePem } : {}), ...(c.fingerprint256 ? { fingerprint256: c.fingerprint256 } : {}) });
    stops.push(remote.onStatus(setOnline));
  }

  async function stopAll(): Promise<void> {
    for (const stop of stops.reverse()) stop();
    stops = [];
    announcement?.stop();
    announcement = null;
    await station?.close();
    station = null;
    core?.close();
    core = null;
    remote?.close();
    remote = null;
    stationProblem = null;
    online = true;
  }

  async function probe(typed: string): Promise<ProbeOutcome> {
    const url = parseHostAddress(typed);
    if (!url) return { ok: false, reason: 'address' };
    try {
      const host = await probeHost(url);
      return host.needsSetup ? { ok: false, reason: 'needsSetup' } : { ok: true, host };
    } catch {
      return { ok: false, reason: 'unreachable' };
    }
  }

  function status(): ConnectionStatus {
    if (!config) return { mode: null, online: true, url: null, directorateName: '', stationProblem: null };
    if (config.mode === 'join') return { mode: 'join', online, url: config.url, directorateName: config.directorateName, stationProblem: null };
    const shared = station && !station.url.includes('//127.') ? station.url : null;
    return { mode: 'host', online: true, url: shared, directorateName: core ? readSettings(core.db).directorateName : '', stationProblem };
  }

  return {
    /** Starts what the saved choice says; on the first run nothing starts until the person chooses. */
    async start(): Promise<ConnectionStatus> {
      config = readDesktopConfig(options.configFile);
      if (config?.mode === 'host') await startHost();
      else if (config?.mode === 'join') startJoin(config);
      return status();
    },
    status,
    discover: (timeoutMs?: number): Promise<FoundHost[]> => discoverHosts(timeoutMs),
    probe,
    async chooseHost(): Promise<ConnectionStatus> {
      await stopAll();
      config = { mode: 'host' };
      await startHost();
      writeDesktopConfig(options.configFile, config);
      return status();
    },
    /**
     * Joins the host at `typed` after asking it again who it is; over TLS its certificate must
     * still be the one the person saw (`fingerprint256`), which is then pinned.
     */
    async join(typed: string, fingerprint256: string | null): Promise<JoinOutcome> {
      const probed = await probe(typed);
      if (!probed.ok) return probed;
      const cert = probed.host.certificate;
      if (cert && cert.fingerprint256 !== fingerprint256) return { ok: false, reason: 'certificateChanged' };
      await stopAll();
      config = {
        mode: 'join',
        url: probed.host.url,
        directorateName: probed.host.directorateName,
        ...(cert ? { certificatePem: cert.pem, fingerprint256: cert.fingerprint256 } : {}),
      };
      startJoin(config);
      writeDesktopConfig(options.configFile, config);
      return { ok: true, status: status() };
    },
    /** Forgets the choice (the data of a host PC stays in its folder); the app then asks again. */
    async forget(): Promise<void> {
      await stopAll();
      config = null;
      forgetDesktopConfig(options.configFile);
    },
    /** A call from one of this PC's windows: the local dispatch (host) or the host over the LAN (join). */
    async call(method: string, input: unknown, token: string | null): Promise<Result<unknown>> {
      if (core) return core.dispatch(method, input, token);
      if (remote) return remote.call(method, input, token);
      return { ok: false, error: unreachable };
    },
    /**
     * Events for a window signed in with `token`: the core's (host) or the host's channel for
     * that session (join). Returns the unsubscribe.
     */
    subscribe(token: string, onEvent: (e: DidarEvent) => void, onReconnect: () => void): () => void {
      if (remote) return remote.subscribe(token, onEvent, onReconnect);
      // The host PC's own windows hear what the station would send their user (eventAudience.ts).
      const look = () => (core ? listenerOf(core, token) : null);
      let actor = look();
      const listener = (e: DidarEvent) => {
        if (e.name === 'users.changed') actor = look();
        if (eventIsFor(actor, e)) onEvent(e);
      };
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    onStatus(listener: (online: boolean) => void): () => void {
      bus.on('status', listener);
      return () => bus.off('status', listener);
    },
    /** The open core (host mode), for what main wires to it (printing needs none). */
    get core(): Core | null {
      return core;
    },
    close: stopAll,
  };
}

export type DesktopController = ReturnType<typeof createDesktopController>;
