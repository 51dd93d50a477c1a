import { BrowserWindow, ipcMain, screen, type WebContents } from 'electron';
import { lockNavigation, RENDERER_PAGE, securePreferences } from './secureWindow';

/**
 * The waiting-room display: a second window, full screen on the second monitor when there is
 * one. It shows ticket numbers only and plays the call chime and the spoken call without a
 * click (autoplay allowed for this window alone).
 */
export function openDisplayWindow(meetingId: string, token: string): BrowserWindow {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const target = displays.find((d) => d.id !== primary.id) ?? primary;
  const win = new BrowserWindow({
    x: target.bounds.x,
    y: target.bounds.y,
    width: target.bounds.width,
    height: target.bounds.height,
    fullscreen: target.id !== primary.id,
    autoHideMenuBar: true,
    title: 'دیدار — نمایشگر سالن انتظار',
    webPreferences: securePreferences({ autoplayPolicy: 'no-user-gesture-required' }),
  });
  lockNavigation(win);
  void win.loadFile(RENDERER_PAGE, { hash: `/display/${meetingId}?t=${encodeURIComponent(token)}` });
  return win;
}

const UUID = /^[0-9a-f-]{36}$/;

/** `didar:openDisplay` from one of the app's own windows opens the display for a meeting. */
export function installDisplay(isOwnSender: (sender: WebContents, frameUrl: string | undefined) => boolean): void {
  ipcMain.handle('didar:openDisplay', (event, meetingId: unknown, token: unknown) => {
    if (!isOwnSender(event.sender, event.senderFrame?.url)) return { ok: false };
    if (typeof meetingId !== 'string' || !UUID.test(meetingId) || typeof token !== 'string') return { ok: false };
    openDisplayWindow(meetingId, token);
    return { ok: true };
  });
}
