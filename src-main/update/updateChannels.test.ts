import { mkdtemp, rm } from 'node:fs/promises';
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
