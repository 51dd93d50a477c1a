import type { BrowserWindow, WebPreferences } from 'electron';
import { join } from 'node:path';

/** The web preferences of every Didar window: isolated, sandboxed, no Node in the page, the one preload. */
export function securePreferences(extra: WebPreferences = {}): WebPreferences {
  return {
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
    ...extra,
  };
}

/** The built renderer's page, which every window loads (with a route in its hash). */
export const RENDERER_PAGE = join(import.meta.dirname, '../renderer/index.html');

/** Refuses new windows and navigation away from the loaded page. */
export function lockNavigation(win: BrowserWindow): void {
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault();
  });
}
