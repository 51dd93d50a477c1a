/**
 * The events channel's timing, one definition for its three ends: the station that sends the
 * heartbeat (electron/station/server.ts), the desktop's link to a remote host
 * (electron/station/remoteHost.ts) and the renderer's socket (renderer/src/api/transport.ts).
 */

/** The heartbeat on the wire: not a DidarEvent; a desk drops it after noting the host is alive. */
export const HEARTBEAT_MESSAGE = '{"name":"heartbeat"}';
/** How often the host sends it. */
export const HEARTBEAT_EVERY_MS = 5_000;
/** Silence this long means the host is gone even if the socket never closed (a cable pulled, a PC asleep): over two heartbeats missed. */
export const SILENCE_MEANS_GONE_MS = 12_000;
/** Reconnecting: the first try after this long, doubling each time… */
export const RECONNECT_FIRST_MS = 500;
/** …up to this. */
export const RECONNECT_MAX_MS = 5_000;
