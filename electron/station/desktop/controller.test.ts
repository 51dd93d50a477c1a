import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../core/testing/waitFor';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open';
import { writeStationSettings, DEFAULT_STATION } from '../../core/lan/stationSettings';
import { createDesktopController, type DesktopController } from './controller';

/**
 * The desktop's first-run choice in plain Node: one PC holds the data and serves the station;
 * another joins it by its typed address and then works over HTTP + WebSocket. The joined desk
 * says at once when the host is gone and comes back by itself; both choices survive a restart.
 */
const root = mkdtempSync(join(tmpdir(), 'didar-desktop-'));
const rendererDir = mkdtempSync(join(tmpdir(), 'didar-no-renderer-'));
const port = 20000 + Math.floor(Math.random() * 30000);
const hostPaths = { configFile: join(root, 'host', 'connection.json'), dataFile: join(root, 'host', 'data', 'didar.db'), rendererDir };
const deskPaths = { configFile: join(root, 'desk', 'connection.json'), dataFile: join(root, 'desk', 'data', 'didar.db'), rendererDir };
const controllers: DesktopController[] = [];
const make = (paths: typeof hostPaths) => {
  const c = createDesktopController({ ...paths, log: () => undefined });
  controllers.push(c);
  return c;
};
afterAll(async () => {
  for (const c of controllers) await c.close();
});

describe('host or join', () => {
  it('a first run starts nothing; the host PC opens the data and serves the station; a desk joins it by its address', async () => {
    // The host's station settings: this PC's loopback on a free port (the test has no LAN).
    const db = openDatabase(hostPaths.dataFile);
    writeStationSettings(db, { ...DEFAULT_STATION, bind: '127.0.0.1', port });
    db.close();

    const host = make(hostPaths);
    expect(await host.start()).toMatchObject({ mode: null });
    expect(await host.call('auth.status', {}, null)).toMatchObject({ ok: false });
    const hosting = await host.chooseHost();
    expect(hosting).toMatchObject({ mode: 'host', online: true, stationProblem: null });
    expect(JSON.parse(readFileSync(hostPaths.configFile, 'utf8'))).toEqual({ mode: 'host' });

    const desk = make(deskPaths);
    await desk.start();
    expect(await desk.probe('a b')).toEqual({ ok: false, reason: 'address' });
    expect(await desk.probe(`127.0.0.1:${port === 65535 ? 1 : port + 1}`)).toEqual({ ok: false, reason: 'unreachable' });
    expect(await desk.probe(`۱۲۷.۰.۰.۱:${port}`)).toEqual({ ok: false, reason: 'needsSetup' });

    const setup = await host.call('auth.setup', { username: 'admin', displayName: 'مدیر سامانه', password: 'host-password-1' }, null);
    expect(setup).toMatchObject({ ok: true });
    const probed = await desk.probe(`127.0.0.1:${port}`);
    expect(probed).toMatchObject({ ok: true, host: { url: `http://127.0.0.1:${port}/`, certificate: null } });
    const joined = await desk.join(`127.0.0.1:${port}`, null);
    expect(joined).toMatchObject({ ok: true, status: { mode: 'join', online: true, url: `http://127.0.0.1:${port}/` } });
    // The joining desk keeps no data of its own.
    expect(existsSync(deskPaths.dataFile)).toBe(false);

    const login = (await desk.call('auth.login', { username: 'admin', password: 'host-password-1' }, null)) as { ok: true; value: { token: string } };
    expect(login.ok).toBe(true);
    const token = login.value.token;
    const events: string[] = [];
    let reconnects = 0;
    desk.subscribe(token, (e) => events.push(e.name), () => (reconnects += 1));
    const states: boolean[] = [];
    desk.onStatus((s) => states.push(s));
    await new Promise((r) => setTimeout(r, 300));
    expect(await desk.call('lists.save', { kind: 'categories', name: 'دسته از میز پیوسته' }, token)).toMatchObject({ ok: true });
    await waitFor(() => events.includes('lists.changed'));

    // The host goes away: the desk says so at once and its calls answer a typed Persian error.
    await host.close();
    await waitFor(() => states.at(-1) === false, 3000);
    expect(desk.status().online).toBe(false);
    const lost = await desk.call('auth.me', {}, token);
    expect(lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(lost)).toContain('میزبان');

    // The host PC starts again from its saved choice; the desk comes back by itself.
    const again = make(hostPaths);
    expect(await again.start()).toMatchObject({ mode: 'host' });
    await waitFor(() => states.at(-1) === true && reconnects === 1, 15_000);
    expect(await desk.call('auth.me', {}, token)).toMatchObject({ ok: true, value: { username: 'admin' } });

    // The desk's choice survives its own restart.
    const deskAgain = make(deskPaths);
    expect(await deskAgain.start()).toMatchObject({ mode: 'join', url: `http://127.0.0.1:${port}/` });
    await deskAgain.forget();
    expect(existsSync(deskPaths.configFile)).toBe(false);
    expect(deskAgain.status().mode).toBeNull();
  });
});
