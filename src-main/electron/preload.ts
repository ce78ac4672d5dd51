import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildKassaApi } from '../../src-shared/ipc/buildApi';
import type { KassaApi } from '../../src-shared/ipc/contract';

/**
 * Sandboxed preload, bundled to one CommonJS file. It exposes one typed object and nothing of
 * ipcRenderer itself: every method maps to one prefixed channel, listeners never see the IPC event.
 */
const kassa: KassaApi = buildKassaApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('kassa', kassa);
