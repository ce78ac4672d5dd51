import { describe, expect, it } from 'vitest';
import { buildKassaApi } from './buildApi';
import type { KassaTransport } from './buildApi';
import { EVENT_CHANNELS, INVOKE_CHANNELS, IPC_PREFIX } from './channelNames';

function fakeTransport(): KassaTransport & {
  invoked: [string, unknown[]][];
  emit(channel: string, payload: unknown): void;
  listenerCount(channel: string): number;
} {
  const invoked: [string, unknown[]][] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    invoked,
    invoke: (channel, args) => {
      invoked.push([channel, args]);
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit: (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload)),
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
}

describe('buildKassaApi', () => {
  it('has one method per invoke channel, calling the prefixed channel with the arguments', async () => {
    const transport = fakeTransport();
    const api = buildKassaApi(transport) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    for (const channel of INVOKE_CHANNELS) {
      const [ns, method] = channel.split('.') as [string, string];
      const fn = api[ns]?.[method];
      expect(typeof fn, channel).toBe('function');
      expect(await fn?.(1, 'two')).toEqual({ ok: true, value: IPC_PREFIX + channel });
    }
    expect(transport.invoked.map(([c]) => c)).toEqual(INVOKE_CHANNELS.map((c) => IPC_PREFIX + c));
    expect(transport.invoked.every(([, args]) => args.length === 2 && args[0] === 1 && args[1] === 'two')).toBe(true);
  });

  it('calls typed methods the way the renderer will', async () => {
    const transport = fakeTransport();
    const api = buildKassaApi(transport);
    await api.checkout.redeem({ purchaseKopecks: 1000, bonuses: 5 });
    await api.app.getState();
    expect(transport.invoked).toEqual([
      [`${IPC_PREFIX}checkout.redeem`, [{ purchaseKopecks: 1000, bonuses: 5 }]],
      [`${IPC_PREFIX}app.getState`, []],
    ]);
  });

  it('subscribes to every event as onX and unsubscribes', () => {
    const transport = fakeTransport();
    const api = buildKassaApi(transport);
    const seen: unknown[] = [];
    const off = api.events.onCheckout((view) => seen.push(view));
    const offState = api.events.onAppState((state) => seen.push(state));
    transport.emit(`${IPC_PREFIX}checkout`, { stage: 'idle' });
    transport.emit(`${IPC_PREFIX}appState`, { phase: 'ready' });
    off();
    offState();
    transport.emit(`${IPC_PREFIX}checkout`, { stage: 'customer' });
    expect(seen).toEqual([{ stage: 'idle' }, { phase: 'ready' }]);
    for (const event of EVENT_CHANNELS) expect(transport.listenerCount(IPC_PREFIX + event)).toBe(0);
  });

  it('passes the listener the payload only, even when the transport hands more', () => {
    let deliver: ((...args: unknown[]) => void) | undefined;
    const api = buildKassaApi({
      invoke: () => Promise.resolve(),
      on: (_channel, listener) => {
        deliver = listener;
        return () => undefined;
      },
    });
    const received: unknown[][] = [];
    api.events.onCheckout((...args: unknown[]) => received.push(args));
    deliver?.('payload', { sender: 'raw IPC event' });
    expect(received).toEqual([['payload']]);
  });

  it('is frozen: the page cannot swap a method', () => {
    const api = buildKassaApi(fakeTransport());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.checkout)).toBe(true);
    expect(Object.isFrozen(api.events)).toBe(true);
  });
});
