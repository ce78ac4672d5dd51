import { describe, expect, it } from 'vitest';
import { lazyUpdater } from './lazyUpdater';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';

/** A real port's observable surface: what it was told, and a way to send events. */
function recordingPort() {
  const calls: string[] = [];
  const listeners: ((event: UpdaterEvent) => void)[] = [];
  const port: UpdaterPort = {
    canUpdateItself: true,
    setFeed: (url) => calls.push(`feed ${url ?? 'none'}`),
    check: () => calls.push('check'),
    install: () => calls.push('install'),
    onEvent: (listener) => listeners.push(listener),
  };
  return { port, calls, send: (event: UpdaterEvent) => listeners.forEach((listener) => listener(event)) };
}

describe('lazyUpdater', () => {
  it('loads nothing while no feed is set: checks and installs are no-ops', async () => {
    let loads = 0;
    const updater = lazyUpdater(false, () => {
      loads += 1;
      return Promise.resolve(recordingPort().port);
    });
    updater.setFeed(null);
    updater.check();
    updater.install();
    await Promise.resolve();
    expect(loads).toBe(0);
    expect(updater.canUpdateItself).toBe(false);
  });

  it('hands over the latest feed and a check asked for while loading, then forwards events', async () => {
    const inner = recordingPort();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let loads = 0;
    const updater = lazyUpdater(true, async () => {
      loads += 1;
      await gate;
      return inner.port;
    });
    const seen: UpdaterEvent[] = [];
    updater.onEvent((event) => seen.push(event));
    updater.setFeed('https://updates.example.invalid/a/');
    updater.check();
    updater.setFeed('https://updates.example.invalid/b/');
    expect(inner.calls).toEqual([]);
    release();
    await gate;
    await new Promise((resolve) => setImmediate(resolve));
    expect(loads).toBe(1);
    expect(inner.calls).toEqual(['feed https://updates.example.invalid/b/', 'check']);
    updater.check();
    updater.setFeed(null);
    updater.install();
    expect(inner.calls.slice(2)).toEqual(['check', 'feed none', 'install']);
    inner.send({ type: 'available', version: '9.9.9' });
    expect(seen).toEqual([{ type: 'available', version: '9.9.9' }]);
  });

  it('reports a module that fails to load, and tries again on the next feed', async () => {
    let attempts = 0;
    const inner = recordingPort();
    const updater = lazyUpdater(true, () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve(inner.port);
    });
    const seen: UpdaterEvent[] = [];
    updater.onEvent((event) => seen.push(event));
    updater.setFeed('https://updates.example.invalid/');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'error', error: { kind: 'internal' } });
    expect(seen[0]?.type === 'error' && seen[0].error.message).toMatch(/модуль обновлений.*chunk missing/);
    updater.setFeed('https://updates.example.invalid/');
    await new Promise((resolve) => setImmediate(resolve));
    expect(inner.calls).toEqual(['feed https://updates.example.invalid/']);
  });
});
