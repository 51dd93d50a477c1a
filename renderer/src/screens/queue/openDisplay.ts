import { session } from '../../api/client';
import { desktopBridge } from '../../api/transport';

/**
 * Opens the waiting-room display of a meeting: in the desktop app, a second window (full
 * screen on the second monitor); in a browser, a new tab at `#/display/<id>`, which takes the
 * session from its address (`?t=`) and removes it from there at once, as print windows do.
 */
export function openWaitingRoomDisplay(meetingId: string): void {
  const token = session.token;
  if (!token) return;
  const bridge = desktopBridge();
  if (bridge) {
    void bridge.openDisplay(meetingId, token);
    return;
  }
  window.open(`${window.location.pathname}#/display/${encodeURIComponent(meetingId)}?t=${encodeURIComponent(token)}`, '_blank', 'noopener');
}
