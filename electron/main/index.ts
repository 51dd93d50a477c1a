import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createDesktopController } from '../station/desktop/controller';
import { startBackupScheduler } from '../core/backup/scheduler';
import { installIpc, ownSender } from './ipc';
import { installPrinting } from './print';
import { installDisplay } from './displayWindow';
import { createDeskWindow, lockDownSession } from './window';

/**
 * The desktop app: the desktop controller (this PC holds the data and serves the LAN station,
 * or it joins a host — chosen on the first run), the IPC doors over it, and the desk window.
 * Everything else lives in plain Node, which runs and is tested without Electron.
 */
if (!app.requestSingleInstanceLock()) app.quit();

app.enableSandbox();

const controller = createDesktopController({
  configFile: join(app.getPath('userData'), 'connection.json'),
  dataFile: join(app.getPath('userData'), 'data', 'didar.db'),
  rendererDir: join(import.meta.dirname, '../renderer'),
  hostServices: [startBackupScheduler],
});

void app.whenReady().then(async () => {
  lockDownSession();
  const windows = () => BrowserWindow.getAllWindows();
  installIpc(controller, windows);
  installPrinting(ownSender(windows));
  installDisplay(ownSender(windows));
  await controller.start();
  createDeskWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createDeskWindow();
  });
});

let closing = false;
app.on('will-quit', (event) => {
  if (closing) return;
  // Close the station and the database before the process ends (a WAL checkpoint, no half-sent answers).
  event.preventDefault();
  closing = true;
  void controller.close().finally(() => app.quit());
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
