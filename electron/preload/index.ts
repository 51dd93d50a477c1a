import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The whole bridge: one call and one event subscription. Nothing else of Node or Electron
 * reaches the page. Channel names are prefixed with the app's name.
 */
const bridge = {
  call: (method: string, input: unknown, token: string | null): Promise<unknown> =>
    ipcRenderer.invoke('didar:call', method, input, token),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('didar:event', wrapped);
    return () => ipcRenderer.removeListener('didar:event', wrapped);
  },
} satisfies { call: unknown; onEvent: unknown };

contextBridge.exposeInMainWorld('didar', bridge);
