import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../core/testing/waitFor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationView } from '../core/contract/station';
import { createTempCore, must, mustFail, steppingClock, type TempCore } from '../core/testing/tempCore';
import { describeCertificate } from '../core/domain/certificate';
import { resolveListenOptions } from './listenOptions';
import { announceStation, discoverHosts } from './mdns';
import { connectRemote, probeHost } from './remoteHost';
import { startStation, type Station } from './server';

/**
 * The LAN station: TLS with the admin's certificate (and a desk that pins it), CORS closed,
 * the station's settings with their Persian refusals, a joining desk's link that notices a lost
 * host at once and comes back by itself, and the host found by mDNS.
 */
const dir = mkdtempSync(join(tmpdir(), 'didar-lan-'));
function makeCertificate(name: string, days = 30): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', String(days),
    '-subj', `/CN=${name}`, '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
}
const rendererDir = mkdtempSync(join(tmpdir(), 'didar-no-renderer-'));

let t: TempCore;
let admin: string;
const first = makeCertificate('didar-host');
const other = makeCertificate('someone-else');

beforeAll(() => {
  // Sessions are checked against the real clock at the WebSocket, so the test clock starts now.
  t = createTempCore(steppingClock(new Date().toISOString(), 1));
  admin = t.setupAdmin();
});
afterAll(() => t.cleanup());

describe('station settings', () => {
  it('refuses what the host could not use, naming the field, and keeps the key to itself', () => {
    const call = t.as(admin);
    const base = { bind: '127.0.0.1', port: 8443, requireTls: false };
    expect(mustFail(call('station.update', { ...base, bind: '10.254.254.254' }))).toMatchObject({ code: 'invalid_input', field: 'bind' });
    expect(mustFail(call('station.update', { ...base, port: 80 }))).toMatchObject({ field: 'port' });
    expect(mustFail(call('station.update', { ...base, requireTls: true }))).toMatchObject({ field: 'requireTls' });
    expect(mustFail(call('station.update', { ...base, certificatePem: 'not a certificate', keyPem: first.key }))).toMatchObject({ field: 'certificatePem' });
    expect(mustFail(call('station.update', { ...base, certificatePem: first.cert }))).toMatchObject({ field: 'keyPem' });
    const mismatch = mustFail(call('station.update', { ...base, certificatePem: first.cert, keyPem: other.key }));
    expect(mismatch).toMatchObject({ field: 'keyPem' });
    expect(mismatch.message).toContain('کلید خصوصی');
    expect(must(call('station.get', {}))).toMatchObject({ bind: '127.0.0.1', port: 8080, requireTls: false, certificate: null });

    const saved = must(call('station.update', { ...base, bind: '0.0.0.0', requireTls: true, certificatePem: first.cert, keyPem: first.key })) as StationView;
    expect(saved.certificate?.fingerprint256).toBe(describeCertificate(first.cert)!.fingerprint256);
    expect(JSON.stringify(saved)).not.toContain('PRIVATE KEY');
    expect(JSON.stringify(must(call('audit.list', { entity: 'settings' })))).not.toContain('PRIVATE KEY');
    // TLS stays on with the stored pair when no new one is given; removing it needs TLS off.
    expect(must(call('station.update', { ...base, bind: '0.0.0.0', requireTls: true })).certificate).not.toBeNull();
    expect(mustFail(call('station.update', { ...base, requireTls: true, removeCertificate: true }))).toMatchObject({ field: 'requireTls' });
    const operator = t.signIn('operator', 'op.lan');
    expect(mustFail(t.as(operator)('station.get', {})).code).toBe('forbidden');
  });

  it('is what the host listens with; flags win; an address no longer on this PC falls back to this PC only', () => {
    const fromSettings = resolveListenOptions(t.core.db, {});
    expect(fromSettings).toMatchObject({ host: '0.0.0.0', port: 8443, warnings: [] });
    expect(fromSettings.tls?.cert).toBe(first.cert.trim());
    expect(resolveListenOptions(t.core.db, { host: '127.0.0.1', port: '0' })).toMatchObject({ host: '127.0.0.1', port: 0 });
    t.core.db.prepare("UPDATE settings SET value = '\"10.254.254.254\"' WHERE key = 'station.bind'").run();
    const fallback = resolveListenOptions(t.core.db, {});
    expect(fallback.host).toBe('127.0.0.1');
    expect(fallback.warnings[0]).toContain('10.254.254.254');
    t.core.db.prepare("UPDATE settings SET value = '\"127.0.0.1\"' WHERE key = 'station.bind'").run();
  });
});

describe('the station over TLS with CORS closed', () => {
  let station: Station;
  beforeAll(async () => {
    station = await startStation({ core: t.core, rendererDir, host: '127.0.0.1', port: 0, tls: first });
  });
  afterAll(() => station.close());

  it('serves https only; a desk that pins the certificate gets through, a changed certificate is refused', async () => {
    expect(station.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const probed = await probeHost(station.url);
    expect(probed.certificate?.fingerprint256).toBe(describeCertificate(first.cert)!.fingerprint256);
    expect(probed.needsSetup).toBe(false);
    const pinned = connectRemote({ url: station.url, certificatePem: probed.certificate!.pem, fingerprint256: probed.certificate!.fingerprint256 });
    const me = await pinned.call('auth.me', {}, admin);
    expect(me).toMatchObject({ ok: true, value: { role: 'admin' } });
    const wrongPin = connectRemote({ url: station.url, certificatePem: other.cert, fingerprint256: describeCertificate(other.cert)!.fingerprint256 });
    const refused = await wrongPin.call('auth.me', {}, admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(refused)).toContain('میزبان');
    // Plain HTTP to the TLS port gets no answer from the API.
    const plain = await fetch(station.url.replace('https:', 'http:') + 'api/auth.status', { method: 'POST', body: '{}' }).then(
      (r) => r.status,
      () => 'refused',
    );
    expect(plain).not.toBe(200);
    pinned.close();
    wrongPin.close();
  });

  it('answers no other site: no CORS headers, a foreign Origin is forbidden, a foreign WebSocket is refused', async () => {
    const { request } = await import('node:https');
    const ask = (method: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = request(new URL('/api/auth.status', station.url), { method, headers, ca: first.cert, checkServerIdentity: () => undefined }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, headers: res.headers });
        });
        req.on('error', reject);
        req.end(method === 'POST' ? '{}' : undefined);
      });
    const host = new URL(station.url).host;
    const preflight = await ask('OPTIONS', { origin: 'http://evil.example', 'access-control-request-method': 'POST' });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
    const foreign = await ask('POST', { origin: 'http://evil.example', 'content-type': 'text/plain' });
    expect(foreign.status).toBe(403);
    const own = await ask('POST', { origin: `https://${host}`, 'content-type': 'application/json' });
    expect(own.status).toBe(200);
    expect(Object.keys(own.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
    expect(own.headers['strict-transport-security']).toBeTruthy();

    const { default: WebSocket } = await import('ws');
    const wsUrl = station.url.replace('https:', 'wss:') + `api/events?token=${admin}`;
    const opened = (origin: string) =>
      new Promise<boolean>((resolve) => {
        // tls.connect takes an Error or undefined here (ws's types say boolean).
        const ws = new WebSocket(wsUrl, { origin, ca: first.cert, checkServerIdentity: (() => undefined) as never });
        ws.on('open', () => {
          ws.close();
          resolve(true);
        });
        ws.on('error', () => resolve(false));
      });
    expect(await opened('http://evil.example')).toBe(false);
    expect(await opened(`https://${host}`)).toBe(true);
  });
});

describe('events by role', () => {
  it("the waiting-room display hears only what its board shows; staff hear every change", async () => {
    const station = await startStation({ core: t.core, rendererDir, host: '127.0.0.1', port: 0 });
    const display = t.signIn('display', 'tv.lan');
    const { default: WebSocket } = await import('ws');
    const listen = (token: string) =>
      new Promise<{ names: string[]; close: () => void }>((resolve) => {
        const names: string[] = [];
        const ws = new WebSocket(`${station.url.replace('http:', 'ws:')}api/events?token=${token}`);
        ws.on('message', (d: Buffer) => names.push((JSON.parse(d.toString()) as { name: string }).name));
        ws.on('open', () => resolve({ names, close: () => ws.close() }));
      });
    try {
      const staff = await listen(admin);
      const tv = await listen(display);
      must(t.as(admin)('lists.save', { kind: 'categories', name: 'دسته رویدادها به تفکیک نقش' }));
      must(t.as(admin)('clients.create', { nationalId: '0084575948', firstName: 'مریم', lastName: 'احمدی', sex: 'female' } as never));
      await waitFor(() => staff.names.includes('clients.changed') && tv.names.includes('lists.changed'));
      await new Promise((r) => setTimeout(r, 200));
      expect(staff.names).toEqual(expect.arrayContaining(['lists.changed', 'clients.changed']));
      expect(tv.names).toContain('lists.changed');
      expect(tv.names).not.toContain('clients.changed');
      staff.close();
      tv.close();
    } finally {
      await station.close();
    }
  });
});

describe('malformed requests', () => {
  it('a broken escape in the address is refused and the host keeps answering', async () => {
    const station = await startStation({ core: t.core, rendererDir, host: '127.0.0.1', port: 0 });
    try {
      const api = await fetch(`${station.url}api/%E0%A4%A`, { method: 'POST', body: '{}' });
      expect(api.status).toBe(404);
      const page = await fetch(`${station.url}%E0%A4%A`);
      expect(page.status).toBe(400);
      const status = await fetch(`${station.url}api/auth.status`, { method: 'POST', body: '{}' });
      expect(status.status).toBe(200);
    } finally {
      await station.close();
    }
  });
});

describe("a joining desk's link", () => {
  it('says at once when the host is gone, keeps answering with a typed error, and comes back by itself', async () => {
    let station = await startStation({ core: t.core, rendererDir, host: '127.0.0.1', port: 0, heartbeatMs: 100 });
    const port = station.port;
    const remote = connectRemote({ url: station.url }, { silenceMs: 1000 });
    const states: boolean[] = [];
    remote.onStatus((s) => states.push(s));
    const events: string[] = [];
    let reconnects = 0;
    remote.subscribe(admin, (e) => events.push(e.name), () => (reconnects += 1));
    await new Promise((r) => setTimeout(r, 400));
    must(await remote.call('lists.save', { kind: 'categories', name: 'دسته آزمایشی پیوند' }, admin));
    await waitFor(() => events.includes('lists.changed'));
    expect(events).not.toContain('heartbeat');

    await station.close();
    const lostAt = Date.now();
    await waitFor(() => states.at(-1) === false, 3000);
    expect(Date.now() - lostAt).toBeLessThan(2000);
    const failed = await remote.call('auth.me', {}, admin);
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });

    station = await startStation({ core: t.core, rendererDir, host: '127.0.0.1', port, heartbeatMs: 100 });
    await waitFor(() => states.at(-1) === true && reconnects === 1, 10_000);
    expect(await remote.call('auth.me', {}, admin)).toMatchObject({ ok: true });
    remote.close();
    await station.close();
  });
});

describe('a host that goes silent without closing', () => {
  it('is counted gone when neither an event nor a heartbeat arrives in time (a cable pulled)', async () => {
    const { WebSocketServer } = await import('ws');
    const silent = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => silent.once('listening', r));
    const { port } = silent.address() as { port: number };
    const remote = connectRemote({ url: `http://127.0.0.1:${port}/` }, { silenceMs: 300 });
    const states: boolean[] = [];
    remote.onStatus((s) => states.push(s));
    remote.subscribe('x'.repeat(43), () => undefined, () => undefined);
    await waitFor(() => states.includes(false), 3000);
    remote.close();
    silent.close();
  });
});

describe('finding the host on the LAN', () => {
  it('a desk finds an announced host by mDNS with its address, name and TLS flag', async () => {
    const instance = `Didar test ${process.pid}`;
    const announced = announceStation({ port: 48123, tls: true, name: 'اداره کل بهزیستی استان سمنان', instance });
    try {
      const found = await discoverHosts(2500);
      const mine = found.find((h) => h.name === instance);
      expect(mine).toMatchObject({ tls: true, directorate: 'اداره کل بهزیستی استان سمنان' });
      expect(mine!.url).toMatch(/^https:\/\/\d+\.\d+\.\d+\.\d+:48123\/$/);
    } finally {
      announced.stop();
    }
  });
});
