import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_PREFIX } from '../../src-shared/ipc/channelNames';
import type { ScanReport } from '../../src-shared/ipc/scannerViews';
import type { CameraSettings } from '../../src-shared/settings/settings';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { MemorySecretStore } from '../settings/secretStore';
import { SETTINGS_FILE } from '../settings/settingsStore';
import { startSimulator } from '../simulator/simulator';
import type { Simulator } from '../simulator/simulator';
import { closeTestCores, openTestCore } from '../../test-support/app/testCore';
import { FRAME, value } from '../../test-support/app/callCore';

const PASSWORD = 'пароль-менеджера';
const IVAN = 83532824;

let sim: Simulator;
let dataDir: string;

beforeEach(async () => {
  sim = await startSimulator();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-camera-app-'));
});

afterEach(async () => {
  await closeTestCores();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

function open(secretStore: MemorySecretStore) {
  return openTestCore({ dataDir, secretStore, apiUrl: sim.url });
}

async function readyTill(secrets = new MemorySecretStore()) {
  const app = await open(secrets);
  value(await app.call('manager.setupPassword', PASSWORD));
  value(await app.call('settings.save', { ...DEFAULT_SETTINGS, shopCode: 4 }));
  value(await app.call('settings.setSecret', 31337));
  return app;
}

describe('app core and the camera', () => {
  it("keeps the manager's camera choice across a restart and a stale settings form, for the manager only", async () => {
    const secrets = new MemorySecretStore();
    const app = await readyTill(secrets);
    const chosen: CameraSettings = { mode: 'always', deviceId: 'c0ffee', label: '\u202eWebCam «HD» <b>' };
    value(await app.call('manager.logout'));
    expect(await app.call('camera.choose', chosen)).toMatchObject({ ok: false, error: { kind: 'auth' } });

    value(await app.call('manager.login', PASSWORD));
    const staleForm = value(await app.call('settings.get')).settings;
    expect(value(await app.call('camera.choose', chosen))).toEqual(chosen);
    expect(value(await app.call('app.getState')).camera).toEqual(chosen);
    value(await app.call('settings.save', { ...staleForm, kassa: 3 }));
    const file = JSON.parse(await readFile(path.join(dataDir, SETTINGS_FILE), 'utf8')) as { kassa: number; camera: unknown };
    expect(file).toMatchObject({ kassa: 3, camera: chosen });

    await app.core.close();
    const restarted = await open(secrets);
    expect(value(await restarted.call('app.getState')).camera).toEqual(chosen);
  });

  it('knows when the window has the camera open, and only the app window may say so', async () => {
    const app = await readyTill();
    expect(app.core.isCameraOpen()).toBe(false);
    expect(value(await app.call('camera.setOpen', true))).toEqual({ open: true });
    expect(app.core.isCameraOpen()).toBe(true);
    value(await app.call('camera.setOpen', false));
    expect(app.core.isCameraOpen()).toBe(false);
    value(await app.call('camera.setOpen', true));
    app.core.releaseCamera();
    expect(app.core.isCameraOpen()).toBe(false);

    const strangers = [
      { isMainFrame: false, url: FRAME.url },
      { isMainFrame: true, url: 'https://evil.example/index.html' },
    ];
    for (const sender of strangers) {
      const reply = await app.core.dispatch(`${IPC_PREFIX}camera.setOpen`, sender, [true]);
      expect(reply.ok).toBe(false);
    }
    expect(app.core.isCameraOpen()).toBe(false);
  });

  it("takes a camera read the way a scanner's goes: decoder, shop check, balance, live test", async () => {
    const app = await readyTill();
    const view = value(await app.call('scan.submit', sim.issueQr(IVAN), { via: 'camera' }));
    expect(view).toMatchObject({ stage: 'customer', customer: { client: IVAN, balance: 2365 } });
    const report = app.events.filter((e) => e.event === 'scanner').at(-1)?.payload as ScanReport;
    expect(report).toMatchObject({ kind: 'scan', via: 'camera', result: { ok: true, vendor: 4, client: IVAN } });

    const before = sim.requestCount();
    const other = value(await app.call('scan.submit', sim.issueQr(81234571), { via: 'camera' }));
    expect(other.error).toMatchObject({ kind: 'vendor' });
    expect(sim.requestCount()).toBe(before);
  });
});
