import type { KassaApi } from '../src-shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload through contextBridge; the only way the renderer reaches main. */
    kassa: KassaApi;
  }
}

/** The one place that reads the preload's bridge: everything else imports `kassa` from here. */
export const kassa: KassaApi = window.kassa;
