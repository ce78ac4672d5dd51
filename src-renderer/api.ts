import type { KassaApi } from '../src-shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload through contextBridge; absent when the page is opened without it. */
    kassa?: KassaApi;
  }
}

/** The one module that reads the preload's bridge: everything else goes through `kassa()`. */
export function kassa(): KassaApi {
  const api = window.kassa;
  if (!api) throw new Error('window.kassa is missing: the page was loaded without the app preload');
  return api;
}

export function bridgePresent(): boolean {
  return window.kassa !== undefined;
}
