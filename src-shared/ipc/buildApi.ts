import { EVENT_CHANNELS, INVOKE_CHANNELS, IPC_PREFIX } from './channelNames';
import type { KassaApi } from './contract';

/** What the preload gives this builder: Electron's ipcRenderer in the app, a direct call in the harness. */
export interface KassaTransport {
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  /** Must hand the listener the payload only, never the raw IPC event; returns the unsubscribe. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * Builds `window.kassa` from the channel names alone, so the sandboxed preload needs no validation
 * library and cannot drift from the contract: main validates what arrives anyway.
 */
export function buildKassaApi(transport: KassaTransport): KassaApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [namespace, method] = splitChannel(channel);
    const group = (api[namespace] ??= {});
    const call: Method = (...args) => transport.invoke(IPC_PREFIX + channel, args);
    group[method] = call;
  }
  const events: Record<string, unknown> = {};
  for (const event of EVENT_CHANNELS) {
    const subscribe = (listener: (payload: unknown) => void): (() => void) => {
      if (typeof listener !== 'function') throw new TypeError(`events.${eventMethodName(event)}: нужен обработчик`);
      return transport.on(IPC_PREFIX + event, (payload) => listener(payload));
    };
    events[eventMethodName(event)] = subscribe;
  }
  api['events'] = events;
  // The builder walks the same tuples KassaApi is computed from; the test checks every key exists.
  return deepFreeze(api) as unknown as KassaApi;
}

function eventMethodName(event: string): string {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}`;
}

function splitChannel(channel: string): [string, string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}

function deepFreeze<T extends Record<string, Record<string, unknown>>>(api: T): T {
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api);
}
