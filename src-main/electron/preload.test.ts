import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type * as Electron from 'electron';
import type * as Sandboxed from './sandboxedElectron';
import { IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { KassaApi } from '../../src-shared/ipc/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Sandboxed.IpcRendererListener>>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    event: { ports: [], sender: 'the raw IPC event' },
  };
});

vi.mock('electron', (): typeof Sandboxed => ({
  contextBridge: { exposeInMainWorld: (key, api) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args) => {
      electron.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel, listener) => {
      const set = electron.listeners.get(channel) ?? new Set();
      electron.listeners.set(channel, set);
      set.add(listener);
    },
    removeListener: (channel, listener) => electron.listeners.get(channel)?.delete(listener),
  },
}));

function exposedApi(): KassaApi {
  return electron.exposed.get('kassa') as KassaApi;
}

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    electron.exposed.clear();
    electron.listeners.clear();
    electron.invoked.length = 0;
    await import('./preload');
  });

  it('exposes one frozen object, kassa, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['kassa']);
    expect(Object.isFrozen(exposedApi())).toBe(true);
  });

  it('spreads the arguments into ipcRenderer.invoke on the prefixed channel', async () => {
    await exposedApi().checkout.redeem({ purchaseKopecks: 1000, bonuses: 5 });
    expect(electron.invoked).toEqual([[`${IPC_PREFIX}checkout.redeem`, { purchaseKopecks: 1000, bonuses: 5 }]]);
  });

  it('hands listeners the payload without the IPC event, and unsubscribes the same function', () => {
    const seen: unknown[][] = [];
    const off = exposedApi().events.onCheckout((...args: unknown[]) => seen.push(args));
    const channel = `${IPC_PREFIX}checkout`;
    for (const listener of electron.listeners.get(channel) ?? []) listener(electron.event, { stage: 'idle' });
    off();
    expect(seen).toEqual([[{ stage: 'idle' }]]);
    expect(electron.listeners.get(channel)?.size).toBe(0);
  });

  it('is typed against a part of electron that its real typings still fit', () => {
    expectTypeOf<Pick<typeof Electron, 'contextBridge' | 'ipcRenderer'>>().toExtend<typeof Sandboxed>();
  });
});
