import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/** A print request: a print route, silently to a printer or to a PDF file. */
interface PrintRequest {
  route: string;
  silent: boolean;
  deviceName: string;
}

const listen = (channel: string, listener: (payload: unknown) => void): (() => void) => {
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
};

/**
 * The whole bridge: one call, the session's events and the link state, printing a print route,
 * opening the waiting-room display, and the first-run choice of host or join. Nothing else of
 * Node or Electron reaches the page. Channel names are prefixed with the app's name.
 */
const bridge = {
  call: (method: string, input: unknown, token: string | null): Promise<unknown> => ipcRenderer.invoke('didar:call', method, input, token),
  /** Receive the events of the session `token` (null stops). */
  watch: (token: string | null): Promise<boolean> => ipcRenderer.invoke('didar:watch', token),
  onEvent: (listener: (event: unknown) => void): (() => void) => listen('didar:event', listener),
  onStatus: (listener: (online: boolean) => void): (() => void) => listen('didar:status', (p) => listener(p === true)),
  print: (request: PrintRequest, token: string): Promise<{ ok: boolean; path?: string; error?: string }> =>
    ipcRenderer.invoke('didar:print', request, token),
  openDisplay: (meetingId: string, token: string): Promise<{ ok: boolean }> => ipcRenderer.invoke('didar:openDisplay', meetingId, token),
  printers: (): Promise<{ name: string; isDefault: boolean }[]> => ipcRenderer.invoke('didar:connection', 'printers'),
  connection: {
    status: (): Promise<unknown> => ipcRenderer.invoke('didar:connection', 'status'),
    discover: (): Promise<unknown> => ipcRenderer.invoke('didar:connection', 'discover'),
    probe: (address: string): Promise<unknown> => ipcRenderer.invoke('didar:connection', 'probe', address),
    chooseHost: (): Promise<unknown> => ipcRenderer.invoke('didar:connection', 'chooseHost'),
    join: (url: string, fingerprint256: string | null): Promise<unknown> => ipcRenderer.invoke('didar:connection', 'join', { url, fingerprint256 }),
    forget: (token: string | null): Promise<unknown> => ipcRenderer.invoke('didar:connection', 'forget', null, token),
  },
};

contextBridge.exposeInMainWorld('didar', bridge);
