import { ipcMain, type BrowserWindow, type WebContents } from 'electron';
import type { DesktopController } from '../station/desktop/controller';

/** Whether an IPC message comes from the main frame of one of the app's own windows (loaded from file://). */
export function ownSender(windows: () => BrowserWindow[]) {
  return (sender: WebContents, frameUrl: string | undefined) =>
    windows().some((w) => w.webContents === sender) && (frameUrl ?? '').startsWith('file://');
}

const REFUSED = { ok: false, error: { code: 'forbidden', message: 'درخواست از پنجره ناشناخته رد شد.' } } as const;

/**
 * The IPC doors, every one checking that the message comes from one of the app's own windows:
 * - `didar:call` — a method of the contract, answered by the desktop controller (the local
 *   dispatch on the host PC, the host over the LAN on a joined desk);
 * - `didar:watch` — the window's session token, to receive that session's events on
 *   `didar:event` (a joined desk opens the host's events channel with it);
 * - `didar:status` (sent) — whether the host answers;
 * - `didar:connection` — the first-run choice (host or join) and its later change.
 */
export function installIpc(controller: DesktopController, windows: () => BrowserWindow[]): void {
  const isOwn = ownSender(windows);

  ipcMain.handle('didar:call', (event, method: unknown, input: unknown, token: unknown) => {
    if (!isOwn(event.sender, event.senderFrame?.url)) return REFUSED;
    return controller.call(String(method), input, typeof token === 'string' ? token : null);
  });

  const watches = new Map<number, () => void>();
  ipcMain.handle('didar:watch', (event, token: unknown) => {
    if (!isOwn(event.sender, event.senderFrame?.url)) return false;
    const sender = event.sender;
    const id = sender.id;
    watches.get(id)?.();
    watches.delete(id);
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return true;
    const send = (channel: string, payload: unknown) => {
      if (!sender.isDestroyed()) sender.send(channel, payload);
    };
    watches.set(id, controller.subscribe(token, (e) => send('didar:event', e), () => send('didar:status', true)));
    sender.once('destroyed', () => {
      watches.get(id)?.();
      watches.delete(id);
    });
    return true;
  });

  controller.onStatus((online) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send('didar:status', online);
  });

  ipcMain.handle('didar:connection', async (event, action: unknown, arg: unknown, token: unknown) => {
    if (!isOwn(event.sender, event.senderFrame?.url)) return null;
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : '');
    switch (action) {
      case 'status':
        return controller.status();
      case 'discover':
        return controller.discover();
      case 'probe':
        return controller.probe(text(arg));
      case 'chooseHost':
        // Only on the first run: afterwards the choice changes through `forget`.
        return controller.status().mode === null ? controller.chooseHost() : controller.status();
      case 'join': {
        if (controller.status().mode !== null) return { ok: false, reason: 'address' };
        const choice = (arg ?? {}) as { url?: unknown; fingerprint256?: unknown };
        return controller.join(text(choice.url), typeof choice.fingerprint256 === 'string' ? choice.fingerprint256 : null);
      }
      case 'forget': {
        // The PC that holds the data stops serving only at an admin's word; a joined desk keeps no data.
        if (controller.status().mode === 'host') {
          const me = await controller.call('auth.me', {}, typeof token === 'string' ? token : null);
          if (!me.ok || (me.value as { role?: string }).role !== 'admin') return false;
        }
        await controller.forget();
        return true;
      }
      case 'printers':
        // CUPS marks the default printer in its options (`printer-is-default`).
        return (await event.sender.getPrintersAsync()).map((p) => ({ name: p.name, isDefault: (p.options as Record<string, string> | undefined)?.['printer-is-default'] === 'true' }));
      default:
        return null;
    }
  });
}
