import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateView } from '../../src-shared/update/types';
import { serveFiles } from '../../test-support/net/fileServer';
import type { FileServer } from '../../test-support/net/fileServer';
import { feedOnlyUpdater } from './feedOnlyUpdater';
import { CHECK_INTERVAL_MS } from './updatePolicy';
import type { TillActivity } from './updatePolicy';
import type { UpdaterEvent, UpdaterPort } from './updaterPort';
import { UpdateService } from './updateService';
import { UpdateStore } from './updateStore';

const INSTALLER = Buffer.from('installer bytes '.repeat(5000));
const channelFile = process.platform === 'win32' ? 'latest.yml' : `latest-linux${process.arch === 'x64' ? '' : `-${process.arch}`}.yml`;

let server: FileServer;
let feedUrl: string;
let served: Record<string, Buffer | string> = {};
let dataDir: string;
let clock: number;
let till: TillActivity;
const services: UpdateService[] = [];

const feedYaml = (version: string, body: Buffer): string =>
  `version: ${version}\nfiles:\n  - url: Kassa-${version}.bin\n    sha512: ${createHash('sha512').update(body).digest('base64')}\n    size: ${body.length}\n`;

beforeAll(async () => {
  server = await serveFiles(() => served);
  feedUrl = `${server.origin}/feed/`;
});
afterAll(() => server.close());
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'skidkabot-upd-'));
  clock = Date.UTC(2026, 11, 2, 9, 0);
  till = { operationInFlight: false, checkoutOpen: false };
  served = {};
});
afterEach(() => {
  for (const service of services.splice(0)) service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(port: UpdaterPort): Promise<UpdateService> {
  const service = await UpdateService.open({ port, store: new UpdateStore(dataDir), appVersion: '0.1.0', now: () => clock, activity: () => till });
  services.push(service);
  return service;
}

async function settled(service: UpdateService, stage: UpdateView['stage']): Promise<UpdateView> {
  await vi.waitFor(() => expect(service.view().stage).toBe(stage), { timeout: 5_000 });
  return service.view();
}

describe('UpdateService with a real feed on loopback', () => {
  it('is off until a feed is set; a bad address is refused and nothing is saved', async () => {
    const service = await open(feedOnlyUpdater('0.1.0', path.join(dataDir, 'cache')));
    expect(service.view()).toMatchObject({ version: '0.1.0', feedUrl: null, stage: 'off', nextCheckAt: null, lastCheck: null });
    const refused = await service.setFeed('http://updates.example.ru/');
    expect(refused.ok).toBe(false);
    expect(service.view().feedUrl).toBeNull();
  });

  it('checks as soon as the feed is set, downloads and verifies the newer version, and remembers the feed', async () => {
    served = { [`/feed/${channelFile}`]: feedYaml('0.2.0', INSTALLER), '/feed/Kassa-0.2.0.bin': INSTALLER };
    const service = await open(feedOnlyUpdater('0.1.0', path.join(dataDir, 'cache')));
    expect(await service.setFeed(` ${feedUrl} `)).toMatchObject({ ok: true, value: { feedUrl } });
    const view = await settled(service, 'ready');
    expect(view).toMatchObject({ available: { version: '0.2.0', percent: 100 }, lastCheck: { at: clock, outcome: 'available' }, canUpdateItself: false });
    expect(readFileSync(path.join(dataDir, 'cache', 'Kassa-0.2.0.bin')).equals(INSTALLER)).toBe(true);
    expect(view.nextCheckAt).toBe(clock + CHECK_INTERVAL_MS);
    // The check's outcome is saved after the view moves on: wait for the file, not for the view.
    await vi.waitFor(() => expect(JSON.parse(readFileSync(path.join(dataDir, 'update.json'), 'utf8'))).toMatchObject({ feedUrl, lastCheck: { outcome: 'available' } }));
  });

  it('a corrupted download is dropped and the reason shown; a restart checks again', async () => {
    const corrupted = Buffer.from(INSTALLER);
    corrupted[0] = 0;
    served = { [`/feed/${channelFile}`]: feedYaml('0.2.0', INSTALLER), '/feed/Kassa-0.2.0.bin': corrupted };
    const service = await open(feedOnlyUpdater('0.1.0', path.join(dataDir, 'cache')));
    await service.setFeed(feedUrl);
    await vi.waitFor(() => expect(service.view().lastCheck?.outcome).toBe('error'), { timeout: 5_000 });
    expect(service.view()).toMatchObject({ stage: 'idle', available: null, lastCheck: { message: expect.stringContaining('sha512') as unknown } });
    service.close();

    served = { [`/feed/${channelFile}`]: feedYaml('0.1.0', INSTALLER) };
    clock += 60_000;
    const restarted = await open(feedOnlyUpdater('0.1.0', path.join(dataDir, 'cache')));
    expect(restarted.view().feedUrl).toBe(feedUrl);
    await vi.waitFor(() => expect(restarted.view().lastCheck).toMatchObject({ at: clock, outcome: 'up-to-date', message: 'Установлена последняя версия.' }), { timeout: 5_000 });
  });

  it('a download folder that cannot be made ends the check with the reason, not an endless "checking"', async () => {
    served = { [`/feed/${channelFile}`]: feedYaml('0.2.0', INSTALLER), '/feed/Kassa-0.2.0.bin': INSTALLER };
    const cacheDir = path.join(dataDir, 'cache');
    writeFileSync(cacheDir, 'a file where the folder should be');
    const service = await open(feedOnlyUpdater('0.1.0', cacheDir));
    await service.setFeed(feedUrl);
    await vi.waitFor(() => expect(service.view().lastCheck?.outcome).toBe('error'), { timeout: 5_000 });
    expect(service.view()).toMatchObject({ stage: 'idle', available: null, lastCheck: { message: expect.stringContaining(cacheDir) as unknown } });
  });

  it('a damaged update.json turns updates off instead of guessing', async () => {
    writeFileSync(path.join(dataDir, 'update.json'), '{"feedUrl": "http://evil.example/", "lastCheck": 5}');
    const service = await open(feedOnlyUpdater('0.1.0', path.join(dataDir, 'cache')));
    expect(service.view()).toMatchObject({ feedUrl: null, stage: 'off' });
  });
});

/** Stands in for electron-updater's autoUpdater, which needs Electron: records what the service asks. */
function recordingPort(): UpdaterPort & { calls: string[]; emit(event: UpdaterEvent): void } {
  let listener: (event: UpdaterEvent) => void = () => undefined;
  const calls: string[] = [];
  return {
    canUpdateItself: true,
    calls,
    setFeed: (url) => calls.push(`feed ${url ?? 'off'}`),
    check: () => calls.push('check'),
    install: () => calls.push('install'),
    onEvent: (l) => {
      listener = l;
    },
    emit: (event) => listener(event),
  };
}

describe('UpdateService deciding for the autoUpdater', () => {
  it('checks again a day after a good check, and not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const port = recordingPort();
      const service = await open(port);
      await service.setFeed(feedUrl);
      port.emit({ type: 'up-to-date' });
      clock += CHECK_INTERVAL_MS - 60_000;
      vi.advanceTimersByTime(CHECK_INTERVAL_MS - 60_000);
      expect(port.calls.filter((call) => call === 'check')).toHaveLength(1);
      clock += 60_000;
      vi.advanceTimersByTime(60_000);
      expect(port.calls.filter((call) => call === 'check')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('checks at start even after a recent check; installs only at a quiet moment', async () => {
    writeFileSync(path.join(dataDir, 'update.json'), JSON.stringify({ feedUrl, lastCheck: { at: clock - 1_000, outcome: 'up-to-date', message: 'x' } }));
    const port = recordingPort();
    const service = await open(port);
    expect(port.calls).toEqual([`feed ${feedUrl}`, 'check']);
    port.emit({ type: 'available', version: '0.2.0' });
    port.emit({ type: 'progress', percent: 50 });
    expect(service.view()).toMatchObject({ stage: 'downloading', available: { percent: 50 } });
    port.emit({ type: 'downloaded', version: '0.2.0' });

    till = { operationInFlight: false, checkoutOpen: true };
    expect(service.installNow()).toMatchObject({ ok: false, error: { kind: 'input', key: 'update.customerOpen', message: 'На кассе открыт покупатель: завершите или очистите покупку.' } });
    till = { operationInFlight: true, checkoutOpen: true };
    expect(service.view().install.allowed).toBe(false);
    expect(port.calls).not.toContain('install');

    till = { operationInFlight: false, checkoutOpen: false };
    expect(service.installNow()).toMatchObject({ ok: true, value: { stage: 'installing' } });
    expect(port.calls.filter((call) => call === 'install')).toHaveLength(1);
    expect(service.installNow().ok).toBe(false);
  });

  it('the manager’s «check now» is ignored while a check runs', async () => {
    const port = recordingPort();
    const service = await open(port);
    await service.setFeed(feedUrl);
    expect(port.calls).toEqual(['feed off', `feed ${feedUrl}`, 'check']);
    service.checkNow();
    expect(port.calls.filter((call) => call === 'check')).toHaveLength(1);
    port.emit({ type: 'error', error: { kind: 'network', message: 'Лента обновлений недоступна.' } });
    expect(service.view()).toMatchObject({ stage: 'idle', lastCheck: { outcome: 'error', message: 'Лента обновлений недоступна.' } });
    service.checkNow();
    expect(port.calls.filter((call) => call === 'check')).toHaveLength(2);
  });
});
