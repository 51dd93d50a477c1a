import { ipcMain, type BrowserWindow, type WebContents } from 'electron';
import type { Core } from '../core';

/**
 * One IPC door, `didar:call`, over the same dispatch the station uses. A message from any
 * frame that is not one of the app's own windows' main frame is refused.
 */
/** Whether an IPC message comes from the main frame of one of the app's own windows. */
export function ownSender(windows: () => BrowserWindow[]) {
  return (sender: WebContents, frameUrl: string | undefined) =>
    windows().some((w) => w.webContents === sender) && (frameUrl ?? '').startsWith('file://');
}

export function installIpc(core: Core, windows: () => BrowserWindow[]): void {
  const isOwn = ownSender(windows);

  ipcMain.handle('didar:call', (event, method: unknown, input: unknown, token: unknown) => {
    if (!isOwn(event.sender, event.senderFrame?.url)) {
      return { ok: false, error: { code: 'forbidden', message: 'درخواست از پنجره ناشناخته رد شد.' } };
    }
    return core.dispatch(String(method), input, typeof token === 'string' ? token : null);
  });

  core.onEvent((e) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send('didar:event', e);
  });
}
