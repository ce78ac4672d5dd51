import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScannerEvent } from '../../src-shared/ipc/scannerViews';
import type { CheckoutView } from '../../src-shared/ipc/views';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { FakeHidTransport } from '../../test-support/scanner/fakeHidTransport';
import { posReportsFor } from '../../test-support/scanner/fixtures/buildReports';
import { HID_POS_DESCRIPTOR } from '../../test-support/scanner/fixtures/descriptors';
import { MemorySecretStore } from '../settings/secretStore';
import { SETTINGS_FILE } from '../settings/settingsStore';
import { startSimulator } from '../simulator/simulator';
import type { Simulator } from '../simulator/simulator';
import { closeTestCores, openTestCore } from '../../test-support/app/testCore';
import { value } from '../../test-support/app/callCore';

const PASSWORD = 'пароль-менеджера';
const IVAN = 83532824;
const HONEYWELL_POS = { vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Xenon 1900g', serialNumber: 'A1' };
const NEWLAND_POS = { vendorId: 0x1eab, productId: 0x1d22, usagePage: 0x8c, usage: 0x02, product: 'HR32' };

let sim: Simulator;
let dataDir: string;

beforeEach(async () => {
  sim = await startSimulator();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-scanner-app-'));
});

afterEach(async () => {
  await closeTestCores();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function open(bus: FakeHidTransport, secretStore = new MemorySecretStore()) {
  const scheduler = new ManualScheduler(0);
  const app = await openTestCore({
    dataDir,
    secretStore,
    apiUrl: sim.url,
    scanner: { transport: bus, platform: 'linux', scheduler, udevInstalled: () => Promise.resolve(true) },
  });
  await settle();
  return { ...app, scheduler };
}

async function readyTill(bus: FakeHidTransport, secrets = new MemorySecretStore()) {
  const app = await open(bus, secrets);
  value(await app.call('manager.setupPassword', PASSWORD));
  value(await app.call('settings.save', { ...DEFAULT_SETTINGS, shopCode: 4 }));
  value(await app.call('settings.setSecret', 31337));
  return app;
}

function lastCheckout(events: { event: string; payload: unknown }[]): CheckoutView | undefined {
  return events.filter((e) => e.event === 'checkout').at(-1)?.payload as CheckoutView | undefined;
}

describe('app core with a USB scanner', () => {
  it('takes a HID POS scan from the bus to the customer on screen, and tells the status line and the live test', async () => {
    const bus = new FakeHidTransport();
    const scanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    const app = await readyTill(bus);
    expect(value(await app.call('app.getState')).scanner).toEqual({
      state: 'ready',
      message: 'Сканер Honeywell готов (HID POS).',
      key: 'scannerState.ready',
      params: { name: 'Honeywell', mode: 'hid-pos' },
    });
    const qr = sim.issueQr(IVAN);
    scanner.send(...posReportsFor(qr, 'honeywell'));
    await expect.poll(() => lastCheckout(app.events)?.stage).toBe('customer');
    expect(lastCheckout(app.events)).toMatchObject({ customer: { client: IVAN, balance: 2365 } });
    const reports = app.events.filter((e) => e.event === 'scanner').map((e) => e.payload as ScannerEvent);
    expect(reports).toMatchObject([{ kind: 'scan', via: 'hid-pos', result: { ok: true, client: IVAN } }]);
    const secret = String((JSON.parse(qr) as { secret: number }).secret);
    expect(JSON.stringify(app.events)).not.toContain(secret);
  });

  it('asks the server once for a scan read from the device and typed into the window too', async () => {
    const bus = new FakeHidTransport();
    const scanner = bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    const app = await readyTill(bus);
    const qr = sim.issueQr(IVAN);
    const before = sim.requestCount();
    scanner.send(...posReportsFor(qr, 'honeywell'));
    const typed = value(await app.call('scan.submit', qr, { via: 'keystrokes', durationMs: 190 }));
    await expect.poll(() => lastCheckout(app.events)?.stage).toBe('customer');
    expect(typed.stage).not.toBe('customer');
    expect(sim.requestCount() - before).toBe(1);
  });

  it('pins a scanner for the manager only, keeps the pin in the settings file across a restart and a stale settings form', async () => {
    const bus = new FakeHidTransport();
    bus.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    const newland = bus.plug(NEWLAND_POS);
    const secrets = new MemorySecretStore();
    const app = await readyTill(bus, secrets);
    const listed = value(await app.call('scanner.list'));
    const newlandId = listed.devices.find((d) => d.vendorId === 0x1eab)?.id ?? '';
    value(await app.call('manager.logout'));
    expect(await app.call('scanner.pin', newlandId)).toMatchObject({ ok: false, error: { kind: 'auth' } });

    value(await app.call('manager.login', PASSWORD));
    const form = value(await app.call('settings.get')).settings;
    const pinned = value(await app.call('scanner.pin', newlandId));
    expect(pinned.pinned).toEqual({ vendorId: 0x1eab, productId: 0x1d22, serialNumber: null });
    expect(newland.isOpen).toBe(true);
    value(await app.call('settings.save', { ...form, kassa: 2 }));
    const file = JSON.parse(await readFile(path.join(dataDir, SETTINGS_FILE), 'utf8')) as { kassa: number; scanner: unknown };
    expect(file).toMatchObject({ kassa: 2, scanner: { pinned: { vendorId: 0x1eab, productId: 0x1d22, serialNumber: null } } });

    await app.core.close();
    const restarted = await open(bus, secrets);
    expect(newland.isOpen).toBe(true);
    const state = value(await restarted.call('app.getState'));
    expect(state.scanner.message).toBe('Сканер Newland готов (HID POS).');
  });
});
