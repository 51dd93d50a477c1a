import { BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { lockNavigation, RENDERER_PAGE, securePreferences } from './secureWindow';

/** What the renderer asks of the desktop app's printer. */
export interface PrintRequest {
  /** A print route of the renderer, e.g. `/print/slip/<id>`. */
  route: string;
  /** Print silently to `deviceName` (the printer chosen in settings), or save a PDF when false. */
  silent: boolean;
  deviceName: string;
}

/** The print routes (a report's scope is base64url JSON); the same list the station's PDF renderer accepts. */
const ROUTE = /^\/print\/(?:(ticket|slip|visit|visit-slips)\/[0-9a-f-]{36}|report\/[A-Za-z0-9_-]{2,400})$/;

/**
 * "Print is a page": the route is loaded in a hidden window (same security settings as the
 * desk), which waits until the page marks itself ready (`data-print-ready` on <body>), then
 * prints silently to the chosen printer or saves a PDF where the user says.
 */
export function installPrinting(isOwnSender: (sender: WebContents, frameUrl: string | undefined) => boolean): void {
  ipcMain.handle('didar:print', async (event, request: PrintRequest, token: unknown) => {
    if (!isOwnSender(event.sender, event.senderFrame?.url)) return { ok: false, error: 'forbidden' };
    if (!request || typeof request.route !== 'string' || !ROUTE.test(request.route) || typeof token !== 'string') {
      return { ok: false, error: 'invalid' };
    }
    const win = new BrowserWindow({
      show: false,
      webPreferences: securePreferences(),
    });
    lockNavigation(win);
    try {
      await win.loadFile(RENDERER_PAGE, { hash: `${request.route}?t=${encodeURIComponent(token)}` });
      await waitForReady(win);
      if (request.silent) {
        await new Promise<void>((resolve, reject) =>
          win.webContents.print({ silent: true, deviceName: request.deviceName, printBackground: true }, (ok, reason) =>
            ok ? resolve() : reject(new Error(reason)),
          ),
        );
        return { ok: true };
      }
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      const target = await dialog.showSaveDialog({ defaultPath: `${request.route.split('/')[2]}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (target.canceled || !target.filePath) return { ok: false, error: 'cancelled' };
      await writeFile(target.filePath, pdf);
      return { ok: true, path: target.filePath };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : 'print failed' };
    } finally {
      win.destroy();
    }
  });
}

async function waitForReady(win: BrowserWindow): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const state = (await win.webContents.executeJavaScript('document.body.dataset.printReady ?? ""')) as string;
    if (state === 'true') return;
    if (state === 'error') throw new Error('the print page could not load its data');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('print page did not become ready');
}
