import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createCore } from '../core';
import { startOutboxSender } from '../core/outbox/sender';
import { installIpc, ownSender } from './ipc';
import { installPrinting } from './print';
import { installDisplay } from './displayWindow';
import { createDeskWindow, lockDownSession } from './window';

/**
 * The desktop app: one core on the database in the user-data folder, one IPC door over its
 * dispatch, and the desk window. Everything else lives in the core, which runs without Electron.
 */
if (!app.requestSingleInstanceLock()) app.quit();

app.enableSandbox();

void app.whenReady().then(() => {
  lockDownSession();
  const core = createCore({ file: join(app.getPath('userData'), 'data', 'didar.db') });
  installIpc(core, () => BrowserWindow.getAllWindows());
  installPrinting(ownSender(() => BrowserWindow.getAllWindows()));
  installDisplay(ownSender(() => BrowserWindow.getAllWindows()));
  const stopOutbox = startOutboxSender(core.db);
  createDeskWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createDeskWindow();
  });
  app.on('will-quit', () => {
    stopOutbox();
    core.close();
  });
});

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
