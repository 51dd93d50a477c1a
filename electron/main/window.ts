import { BrowserWindow, session } from 'electron';
import { lockNavigation, RENDERER_PAGE, securePreferences } from './secureWindow';

/**
 * The desk window: isolated, sandboxed, no Node in the page, navigation and new windows
 * refused, every permission request denied.
 */
export function createDeskWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 1024,
    minHeight: 640,
    title: 'دیدار',
    show: false,
    autoHideMenuBar: true,
    webPreferences: securePreferences(),
  });
  win.once('ready-to-show', () => win.show());
  lockNavigation(win);
  void win.loadFile(RENDERER_PAGE);
  return win;
}

/** Denies every permission a page asks for (camera, notifications, geolocation …). */
export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
