/**
 * The part of `electron` the sandboxed preload uses, declared without Node. Electron's own typings
 * begin with `/// <reference types="node" />`, so a preload checked against them could call Node
 * and only fail at run time in the sandbox. tsconfig.preload.json maps `electron` here;
 * preload.test.ts checks that Electron's real typings still fit these.
 */
export interface IpcRendererEvent {
  readonly ports: readonly MessagePort[];
}

export type IpcRendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

export interface IpcRenderer {
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
  on: (channel: string, listener: IpcRendererListener) => unknown;
  removeListener: (channel: string, listener: IpcRendererListener) => unknown;
}

export interface ContextBridge {
  exposeInMainWorld: (apiKey: string, api: unknown) => void;
}

// @public: the preload imports these as `electron` through tsconfig.preload.json's paths, which knip does not follow.
/** @public */
export declare const ipcRenderer: IpcRenderer;
/** @public */
export declare const contextBridge: ContextBridge;
