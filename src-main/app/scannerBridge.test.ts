import { describe, expect, it } from 'vitest';
import { appError } from '../../src-shared/errors';
import type { Result } from '../../src-shared/errors';
import type { ScannerEvent } from '../../src-shared/ipc/scannerViews';
import type { AppState, CheckoutView } from '../../src-shared/ipc/views';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import type { PinnedScannerSettings } from '../../src-shared/settings/settings';
import type { Platform } from '../scanner/deviceCatalog';
import { FakeHidTransport } from '../../test-support/scanner/fakeHidTransport';
import { SKIDKABOT_QR, keyboardReportsFor } from '../../test-support/scanner/fixtures/buildReports';
import { HID_POS_DESCRIPTOR } from '../../test-support/scanner/fixtures/descriptors';
import { readFixture } from '../../test-support/scanner/fixtures/readFixture';
import { DEFAULT_POLL_MS } from '../scanner/scannerService';
import type { ScannerBridgeOptions } from './scannerBridge';
import { ScannerBridge, scanResult } from './scannerBridge';
import { textContaining, textMatching } from '../../test-support/matchers';

const HONEYWELL_POS = { vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Xenon 1900g', serialNumber: 'A1' };
const NEWLAND_KEYBOARD = { vendorId: 0x1eab, productId: 0x0d10, usagePage: 0x01, usage: 0x06, product: 'HR22' };
const NO_NAME_KEYBOARD = { vendorId: 0x1a86, productId: 0xe026, usagePage: 0x01, usage: 0x06, product: 'Barcode Scanner' };
// The same QR as a US-set scanner types it on the Russian layout (scanners.md).
const TYPED_ON_RUSSIAN = 'ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ';
const IDLE: CheckoutView = { stage: 'idle', busy: false, error: null };

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

function setup(options: { platform?: Platform; pinned?: PinnedScannerSettings | null; saveFails?: boolean; withHost?: boolean } = {}) {
  const scheduler = new ManualScheduler(1_000_000);
  const transport = new FakeHidTransport();
  const scanned: string[] = [];
  const states: AppState['scanner'][] = [];
  const events: ScannerEvent[] = [];
  const saved: (PinnedScannerSettings | null)[] = [];
  const bridgeOptions: ScannerBridgeOptions = {
    host:
      options.withHost === false
        ? null
        : {
            transport,
            platform: options.platform ?? 'linux',
            scheduler,
            udevRuleFile: '/opt/kassa/resources/udev/70-skidkabot-scanners.rules',
            udevInstalled: () => Promise.resolve(false),
          },
    pinned: options.pinned ?? null,
    now: () => scheduler.now(),
    checkout: {
      scan: (text): Promise<Result<CheckoutView>> => {
        scanned.push(text);
        return Promise.resolve({ ok: true, value: IDLE });
      },
      view: () => IDLE,
    },
    savePin: (pinned) => {
      if (options.saveFails) return Promise.resolve({ ok: false, error: appError('config', 'Настройки не сохранены.') });
      saved.push(pinned);
      return Promise.resolve({ ok: true, value: undefined });
    },
    onState: (state) => states.push(state),
    onEvent: (event) => events.push(event),
  };
  const bridge = new ScannerBridge(bridgeOptions);
  const wait = async (ms: number) => {
    scheduler.advance(ms);
    await settle();
  };
  return { scheduler, transport, bridge, scanned, states, events, saved, wait };
}

describe('ScannerBridge', () => {
  it('takes a HID POS scan to the checkout and reports how it came, without the QR secret', async () => {
    const { transport, bridge, scanned, events, wait } = setup();
    const scanner = transport.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    bridge.start();
    await settle();
    const [first, second] = readFixture('honeywell-pos-multi.hex');
    if (!first || !second) throw new Error('fixture');
    scanner.send(first);
    await wait(4);
    scanner.send(second);
    await settle();
    expect(scanned).toEqual([SKIDKABOT_QR]);
    expect(events).toEqual([
      {
        kind: 'scan',
        at: 1_000_004,
        via: 'hid-pos',
        durationMs: 4,
        waitMs: 0,
        endedBy: 'json',
        chars: SKIDKABOT_QR.length,
        result: { ok: true, vendor: 4, client: 83532824, repaired: false },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('31766');
    await bridge.close();
  });

  it('lets one copy through when a Linux keyboard-mode scanner is read in main and types into the window too', async () => {
    const { transport, bridge, scanned, events } = setup();
    const scanner = transport.plug(NEWLAND_KEYBOARD);
    bridge.start();
    await settle();
    scanner.send(...keyboardReportsFor(SKIDKABOT_QR));
    await settle();
    const second = await bridge.fromWindow(SKIDKABOT_QR, { via: 'keystrokes', durationMs: 180 });
    expect(second).toEqual({ ok: true, value: IDLE });
    expect(scanned).toEqual([SKIDKABOT_QR]);
    expect(events.map((e) => e.kind === 'scan' && e.via)).toEqual(['hid-keyboard']);
    await bridge.close();
  });

  it('reports window scans with the way they came, and text repaired from the Russian layout', async () => {
    const { bridge, scanned, events } = setup({ withHost: false });
    bridge.start();
    await bridge.fromWindow(TYPED_ON_RUSSIAN, { via: 'paste' });
    await bridge.fromWindow(SKIDKABOT_QR, { via: 'keystrokes', durationMs: 212 });
    await bridge.fromWindow('4601234567893');
    expect(scanned).toEqual([TYPED_ON_RUSSIAN, SKIDKABOT_QR, '4601234567893']);
    expect(events).toMatchObject([
      { via: 'paste', durationMs: null, result: { ok: true, client: 83532824, repaired: true } },
      { via: 'keystrokes', durationMs: 212, result: { ok: true, repaired: false } },
      { via: 'other', result: { ok: false, error: { kind: 'scan', message: textContaining('штрихкод товара') } } },
    ]);
    await bridge.close();
  });

  it('shows the service state on the status line: nothing found, ready, unplugged, back after a replug', async () => {
    const { transport, bridge, states, wait } = setup();
    bridge.start();
    await settle();
    expect(states.at(-1)).toEqual({ state: 'searching', message: 'Сканер не найден. Подключите его к USB.', key: 'scannerState.notFound' });
    const scanner = transport.plug(HONEYWELL_POS);
    await wait(DEFAULT_POLL_MS);
    expect(states.at(-1)?.state).toBe('ready');
    transport.unplug(scanner);
    await settle();
    expect(states.at(-1)?.state).toBe('searching');
    transport.replug(scanner);
    await wait(DEFAULT_POLL_MS);
    expect(states.at(-1)).toEqual({
      state: 'ready',
      message: 'Сканер Honeywell готов (HID POS).',
      key: 'scannerState.ready',
      params: { name: 'Honeywell', mode: 'hid-pos' },
    });
    await bridge.close();
  });

  it('says a scanner is at work once keystroke scans arrive while nothing is readable on the bus', async () => {
    const { transport, bridge, states, wait } = setup({ platform: 'win32' });
    transport.plug(NO_NAME_KEYBOARD);
    bridge.start();
    await settle();
    expect(states.at(-1)?.state).toBe('searching');
    await bridge.fromWindow(SKIDKABOT_QR, { via: 'keystrokes', durationMs: 150 });
    expect(states.at(-1)).toEqual({
      state: 'ready',
      message: 'Сканер работает как клавиатура: сканы принимаются, когда окно программы активно.',
      key: 'scannerState.typing',
    });
    const pos = transport.plug(HONEYWELL_POS);
    await wait(DEFAULT_POLL_MS);
    expect(states.at(-1)?.state).toBe('ready');
    transport.unplug(pos);
    await settle();
    expect(states.at(-1)?.state).toBe('searching');
    await bridge.close();
  });

  it('tells the cashier about a scan cut short by unplugging, and delivers nothing of it', async () => {
    const { transport, bridge, scanned, events } = setup();
    const scanner = transport.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    bridge.start();
    await settle();
    scanner.send(...readFixture('honeywell-pos-unplugged.hex'));
    transport.unplug(scanner);
    await settle();
    expect(scanned).toEqual([]);
    expect(events).toEqual([
      { kind: 'dropped', at: 1_000_000, error: { kind: 'scan', message: textContaining('Отсканируйте код ещё раз'), key: textMatching(/^scanDrop\./) } },
    ]);
    await bridge.close();
  });

  it('lists devices for the manager, pins one by vendor, product and serial, and unpins', async () => {
    const { transport, bridge, saved } = setup();
    transport.plug(HONEYWELL_POS);
    transport.plug(NEWLAND_KEYBOARD);
    bridge.start();
    await settle();
    const listed = await bridge.list();
    expect(listed).toMatchObject({
      os: 'linux',
      pinned: null,
      udev: { ruleFile: '/opt/kassa/resources/udev/70-skidkabot-scanners.rules', installed: false },
    });
    expect(listed.devices.map((d) => [d.mode, d.active, d.pinned, d.canRedirect])).toEqual([
      ['hid-pos', true, false, false],
      ['keyboard', false, false, false],
    ]);
    expect(listed.devices[0]?.description).toContain('HID POS');

    const newland = listed.devices[1]?.id ?? '';
    const pinned = await bridge.pin(newland);
    expect(saved).toEqual([{ vendorId: 0x1eab, productId: 0x0d10, serialNumber: null }]);
    expect(pinned.ok && pinned.value.devices.map((d) => [d.active, d.pinned])).toEqual([
      [false, false],
      [true, true],
    ]);
    const unpinned = await bridge.pin(null);
    expect(saved.at(-1)).toBeNull();
    expect(unpinned.ok && unpinned.value.devices.map((d) => d.active)).toEqual([true, false]);
    await bridge.close();
  });

  it('refuses to pin a device that is gone, and keeps the pin when the settings cannot be saved', async () => {
    const { transport, bridge, saved } = setup({ saveFails: true });
    transport.plug(HONEYWELL_POS);
    bridge.start();
    await settle();
    const gone = await bridge.pin('1234:5678::0:0000:0000');
    expect(gone).toMatchObject({ ok: false, error: { kind: 'input', message: textContaining('Обновите список') } });
    const id = (await bridge.list()).devices[0]?.id ?? '';
    expect(await bridge.pin(id)).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(saved).toEqual([]);
    expect((await bridge.list()).pinned).toBeNull();
    await bridge.close();
  });

  it('offers and performs the Honeywell switch to HID POS only when asked', async () => {
    const { transport, bridge } = setup();
    transport.plug({ ...NEWLAND_KEYBOARD, vendorId: 0x0c2e, productId: 0x0b61, serialNumber: 'B2' });
    const pos = transport.plug({ ...HONEYWELL_POS, productId: 0x0b61, serialNumber: 'B2', interface: 1 });
    bridge.start();
    await settle();
    const before = await bridge.list();
    expect(before.devices.map((d) => [d.mode, d.active, d.canRedirect, d.canPin])).toEqual([
      ['keyboard', true, true, true],
      ['hid-pos', false, false, false],
    ]);
    const keyboard = before.devices.find((d) => d.canRedirect);
    expect(pos.featureReports).toEqual([]);
    const done = await bridge.redirectToHidPos(keyboard?.id ?? '');
    expect(done.ok).toBe(true);
    expect(pos.featureReports).toEqual([Uint8Array.of(0xfe, 0x01)]);
    const after = await bridge.list();
    expect(after.devices.map((d) => [d.mode, d.active, d.canRedirect, d.canPin])).toEqual([
      ['keyboard', false, false, true],
      ['hid-pos', true, false, true],
    ]);
    expect(after.devices[0]?.description).toContain('Сканы переключены на HID POS.');
    await bridge.close();
  });

  it('works without a USB host: window scans only, an empty list, and no pinning of devices', async () => {
    const { bridge, states, scanned } = setup({ withHost: false });
    bridge.start();
    expect(states).toEqual([]);
    expect(await bridge.list()).toMatchObject({ devices: [] });
    expect((await bridge.pin('0c2e:0b87:A1:0:008c:0002')).ok).toBe(false);
    expect((await bridge.redirectToHidPos('x')).ok).toBe(false);
    await bridge.fromDevice(SKIDKABOT_QR);
    expect(scanned).toEqual([SKIDKABOT_QR]);
    await bridge.close();
  });

  it('stops reading when closed', async () => {
    const { transport, bridge } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    bridge.start();
    await settle();
    expect(scanner.isOpen).toBe(true);
    await bridge.close();
    expect(scanner.isOpen).toBe(false);
  });
});

describe('scanResult', () => {
  it('names shop and customer of a good scan and explains a bad one', () => {
    expect(scanResult(SKIDKABOT_QR)).toEqual({ ok: true, vendor: 4, client: 83532824, repaired: false });
    expect(scanResult('\r\n')).toMatchObject({ ok: false, error: { kind: 'scan', key: 'scan.empty', message: textContaining('ничего не передал') } });
  });
});
