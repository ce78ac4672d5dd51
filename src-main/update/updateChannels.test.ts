import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { createAppCore } from '../app/createApp';
import type { AppCore } from '../app/createApp';
import { callCore, ORIGIN, value } from '../../test-support/app/callCore';
import { MemorySecretStore } from '../settings/secretStore';
import { startSimulator } from '../simulator/simulator';
import type { Simulator } from '../simulator/simulator';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';
import { lazyFeedOnlyUpdater } from './lazyFeedOnlyUpdater';
import { UpdateStore } from './updateStore';

const PASSWORD = 'менеджер-2026';
const IDLE_MS = 5 * 60_000;

let dataDir: string;
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
let clock: number;
const opened: AppCore[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-upd-ipc-'));
  clock = Date.UTC(2026, 11, 2, 10, 0);
});
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
  await rm(dataDir, { recursive: true, force: true });
});

function port(): UpdaterPort & { installs: number; emit(event: UpdaterEvent): void } {
  let listener: (event: UpdaterEvent) => void = () => undefined;
  const made = {
    canUpdateItself: true,
    installs: 0,
    setFeed: () => undefined,
    check: () => undefined,
    install: () => {
      made.installs += 1;
    },
    onEvent: (l: (event: UpdaterEvent) => void) => {
      listener = l;
    },
    emit: (event: UpdaterEvent) => listener(event),
  };
  return made;
}

async function till(updater: UpdaterPort) {
  const core = await createAppCore({
    dataDir,
    secretStore: new MemorySecretStore(31337),
    apiUrl: sim.url,
    trustedOrigin: ORIGIN,
    now: () => clock,
    managerIdleMs: IDLE_MS,
    updater,
    appVersion: '1.4.0',
  });
  opened.push(core);
  return callCore(core);
}

describe('update.* channels', () => {
  it('are the manager’s only; the feed is validated in main', async () => {
    const call = await till(port());
    expect(await call('update.status')).toMatchObject({ ok: false, error: { kind: 'auth' } });
    value(await call('manager.setupPassword', PASSWORD));
    expect(value(await call('update.status'))).toMatchObject({ version: '1.4.0', stage: 'off', feedUrl: null });
    expect(await call('update.setFeed', 'http://updates.example.ru/')).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(value(await call('update.setFeed', 'https://updates.example.ru/kassa'))).toMatchObject({ feedUrl: 'https://updates.example.ru/kassa/', stage: 'checking' });
  });

  it('polling the status does not keep an idle manager logged in', async () => {
    const call = await till(port());
    value(await call('manager.setupPassword', PASSWORD));
    for (let minute = 1; minute <= 6; minute += 1) {
      clock += 60_000;
      await call('update.status');
    }
    expect(await call('update.status')).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });

  it('install is refused with a customer on the screen and goes through at a quiet moment', async () => {
    const updater = port();
    const call = await till(updater);
    value(await call('manager.setupPassword', PASSWORD));
    value(await call('update.setFeed', 'https://updates.example.ru/kassa/'));
    updater.emit({ type: 'available', version: '1.5.0' });
    updater.emit({ type: 'downloaded', version: '1.5.0' });
    value(await call('settings.save', { ...DEFAULT_SETTINGS, shopCode: 4 }));
    expect(value(await call('scan.submit', sim.issueQr(83532824))).stage).toBe('customer');
    expect(await call('update.install')).toMatchObject({ ok: false, error: { kind: 'input', key: 'update.customerOpen', message: 'На кассе открыт покупатель: завершите или очистите покупку.' } });
    expect(updater.installs).toBe(0);
    value(await call('checkout.clear'));
    expect(value(await call('update.status')).install).toMatchObject({ allowed: true, reason: 'Версия 1.5.0 будет установлена, программа перезапустится.' });
    expect(value(await call('update.install'))).toMatchObject({ stage: 'installing' });
    expect(updater.installs).toBe(1);
  });
});

describe('a core without an updater (the till without a window, `serve`)', () => {
  async function feedServer(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
      requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port: listening } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${listening}/kassa/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  it('never asks the feed the app saved, nor writes over the app’s last check', async () => {
    const feed = await feedServer();
    const devDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-upd-dev-'));
    try {
      const store = new UpdateStore(dataDir);
      const saved = `${feed.url}serve/`;
      await store.save({ feedUrl: saved, lastCheck: null });
      const core = await createAppCore({ dataDir, secretStore: new MemorySecretStore(31337), apiUrl: sim.url, trustedOrigin: ORIGIN, now: () => clock });
      opened.push(core);
      // A development run of the app started after it does ask its feed: by then the core above had its chance.
      const withUpdater = await createAppCore({
        dataDir: devDir,
        secretStore: new MemorySecretStore(31337),
        apiUrl: sim.url,
        trustedOrigin: ORIGIN,
        updater: lazyFeedOnlyUpdater('1.4.0', devDir),
      });
      opened.push(withUpdater);
      const call = callCore(withUpdater);
      value(await call('manager.setupPassword', PASSWORD));
      value(await call('update.setFeed', `${feed.url}dev/`));
      await expect.poll(() => feed.requests.some((line) => line.includes('/dev/'))).toBe(true);
      expect(feed.requests.filter((line) => line.includes('/serve/'))).toEqual([]);
      expect(await store.load()).toEqual({ feedUrl: saved, lastCheck: null });
    } finally {
      await feed.close();
      await rm(devDir, { recursive: true, force: true });
    }
  });
});
