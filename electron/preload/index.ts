import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/** A print request: a print route, silently to a printer or to a PDF file. */
interface PrintRequest {
  route: string;
  silent: boolean;
  deviceName: string;
}

/**
 * The whole bridge: one call, one event subscription, printing a print route and opening the
 * waiting-room display. Nothing
 * else of Node or Electron reaches the page. Channel names are prefixed with the app's name.
 */
const bridge = {
  call: (method: string, input: unknown, token: string | null): Promise<unknown> =>
    ipcRenderer.invoke('didar:call', method, input, token),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('didar:event', wrapped);
    return () => ipcRenderer.removeListener('didar:event', wrapped);
  },
  print: (request: PrintRequest, token: string): Promise<{ ok: boolean; path?: string; error?: string }> =>
    ipcRenderer.invoke('didar:print', request, token),
  openDisplay: (meetingId: string, token: string): Promise<{ ok: boolean }> => ipcRenderer.invoke('didar:openDisplay', meetingId, token),
} satisfies { call: unknown; onEvent: unknown; print: unknown; openDisplay: unknown };

contextBridge.exposeInMainWorld('didar', bridge);
