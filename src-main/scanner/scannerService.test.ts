import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import { FakeHidTransport } from '../../test-support/scanner/fakeHidTransport';
import { SKIDKABOT_QR, keyboardReportsFor, posReportsFor } from '../../test-support/scanner/fixtures/buildReports';
import { HID_POS_DESCRIPTOR } from '../../test-support/scanner/fixtures/descriptors';
import { readFixture } from '../../test-support/scanner/fixtures/readFixture';
import { messagesEn } from '../../src-shared/messages/messagesEn';
import type { ScanDropEvent, ScanEvent, ScannerServiceOptions, ScannerStatus } from './scannerService';
import { DEFAULT_POLL_MS, ScannerService } from './scannerService';

const HONEYWELL_POS = { vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Xenon 1900g', serialNumber: 'A1' };
const NEWLAND_POS = { vendorId: 0x1eab, productId: 0x1d22, usagePage: 0x8c, usage: 0x02, product: 'HR32' };
const NEWLAND_KEYBOARD = { vendorId: 0x1eab, productId: 0x0d10, usagePage: 0x01, usage: 0x06, product: 'HR22' };

/** Lets the fake transport's promises and the service's reactions to them run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

function setup(options: Partial<ScannerServiceOptions> = {}) {
  const scheduler = new ManualScheduler(0);
  const transport = new FakeHidTransport();
  const service = new ScannerService({ transport, platform: 'linux', scheduler, ...options });
  const scans: ScanEvent[] = [];
  const statuses: ScannerStatus[] = [];
  const drops: ScanDropEvent[] = [];
  service.onScan((s) => scans.push(s));
  service.onStatus((s) => statuses.push(s));
  service.onDrop((d) => drops.push(d));
  /** Moves the clock on and lets whatever it started finish. */
  const wait = async (ms: number) => {
    scheduler.advance(ms);
    await settle();
  };
  return { scheduler, transport, service, scans, statuses, drops, wait };
}

describe('ScannerService', () => {
  it('opens a HID POS scanner, reads its layout from the descriptor, and delivers the whole scan at once', async () => {
    const { transport, service, scans, wait } = setup();
    const scanner = transport.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    service.start();
    await settle();
    expect(service.status()).toMatchObject({ state: 'ready', message: 'Сканер Honeywell готов (HID POS).' });
    const ready = service.status();
    expect(ready.key).toBe('scannerState.ready');
    expect(messagesEn[ready.key](ready.params ?? {})).toBe('The Honeywell scanner is ready (HID POS).');
    expect(service.active()?.layout).toMatchObject({ kind: 'hid-pos', source: 'report descriptor' });
    const [first, second] = readFixture('honeywell-pos-multi.hex');
    if (!first || !second) throw new Error('fixture');
    scanner.send(first);
    await wait(3);
    scanner.send(second);
    expect(scans).toEqual([
      { text: SKIDKABOT_QR, mode: 'hid-pos', durationMs: 3, latencyMs: 0, endedBy: 'json', symbology: ']Q1', deviceId: service.active()?.candidate.id },
    ]);
    await service.stop();
  });

  it('falls back to the vendor layout without a descriptor', async () => {
    const { transport, service, scans } = setup();
    const scanner = transport.plug(NEWLAND_POS);
    service.start();
    await settle();
    scanner.send(...readFixture('newland-pos.hex'));
    expect(scans.map((s) => s.text)).toEqual([SKIDKABOT_QR]);
    await service.stop();
  });

  it('says there is no scanner, then finds one plugged in at the next look', async () => {
    const { transport, service, statuses, wait } = setup();
    service.start();
    await settle();
    expect(service.status()).toMatchObject({ state: 'searching', message: 'Сканер не найден. Подключите его к USB.' });
    transport.plug(HONEYWELL_POS);
    await wait(DEFAULT_POLL_MS);
    expect(service.status().state).toBe('ready');
    expect(statuses.map((s) => s.state)).toEqual(['searching', 'ready']);
    await service.stop();
  });

  it('drops the scan interrupted by unplugging, and reads again after a replug without a restart', async () => {
    const { transport, service, scans, drops, wait } = setup();
    const scanner = transport.plug(HONEYWELL_POS, HID_POS_DESCRIPTOR);
    service.start();
    await settle();
    scanner.send(...readFixture('honeywell-pos-unplugged.hex'));
    transport.unplug(scanner);
    await settle();
    expect(scans).toEqual([]);
    expect(drops.map((d) => d.reason)).toEqual(['device-error']);
    expect(drops[0]?.message).toContain('Отсканируйте код ещё раз');
    expect(service.status().state).toBe('searching');
    await wait(DEFAULT_POLL_MS);
    expect(service.status()).toMatchObject({ state: 'searching', message: 'Сканер не найден. Подключите его к USB.' });
    const again = transport.replug(scanner);
    await wait(DEFAULT_POLL_MS);
    expect(service.status().state).toBe('ready');
    again.send(...readFixture('honeywell-pos-multi.hex'));
    expect(scans.map((s) => s.text)).toEqual([SKIDKABOT_QR]);
    await service.stop();
  });

  it('notices a device that vanished from the bus without an error', async () => {
    const { transport, service, wait } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    service.start();
    await settle();
    transport.vanish(scanner);
    expect(scanner.isOpen).toBe(true);
    await wait(DEFAULT_POLL_MS);
    expect(service.status()).toMatchObject({ state: 'searching', message: 'Сканер не найден. Подключите его к USB.' });
    expect(scanner.isOpen).toBe(false);
    await service.stop();
  });

  it('keeps reading the first scanner when a second is plugged in, and moves to the second when the first goes', async () => {
    const { transport, service, scans, wait } = setup();
    const first = transport.plug(HONEYWELL_POS);
    service.start();
    await settle();
    const second = transport.plug(NEWLAND_POS);
    await wait(DEFAULT_POLL_MS);
    expect(service.devices()).toHaveLength(2);
    expect(first.isOpen && !second.isOpen).toBe(true);
    transport.unplug(first);
    await wait(DEFAULT_POLL_MS);
    expect(second.isOpen).toBe(true);
    second.send(...posReportsFor(SKIDKABOT_QR, 'newland'));
    expect(scans.map((s) => s.text)).toEqual([SKIDKABOT_QR]);
    await service.stop();
  });

  it('drops the half-read scan of a device that fails mid-scan and reopens it', async () => {
    const { transport, service, scans, drops, wait } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    service.start();
    await settle();
    await wait(10_000);
    const [first, second] = posReportsFor(SKIDKABOT_QR, 'honeywell');
    if (!first || !second) throw new Error('reports');
    scanner.send(first);
    scanner.fail();
    await settle();
    scanner.send(second);
    expect(drops.map((d) => d.reason)).toEqual(['device-error']);
    expect(service.status()).toMatchObject({ state: 'searching', message: 'Сканер перестал отвечать. Переподключаем…' });
    await wait(DEFAULT_POLL_MS);
    expect(service.status().state).toBe('ready');
    expect(scanner.opens).toBe(2);
    scanner.send(first, second);
    expect(scans.map((s) => s.text)).toEqual([SKIDKABOT_QR]);
    await service.stop();
  });

  it('backs off from a device that keeps failing as soon as it is opened', async () => {
    const { transport, service, wait } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    service.start();
    await settle();
    scanner.fail();
    await wait(DEFAULT_POLL_MS);
    expect(scanner.opens).toBe(2);
    scanner.fail();
    await settle();
    expect(service.status()).toMatchObject({ state: 'error', message: 'Сканер сбивается сразу после подключения. Переподключите его к USB.' });
    await wait(5 * DEFAULT_POLL_MS);
    expect(scanner.opens).toBe(2);
    await wait(10_000);
    expect(scanner.opens).toBe(3);
    await service.stop();
  });

  it('explains a device it may not open (no udev rule) and retries it now and then, not on every look', async () => {
    const { transport, service, wait } = setup();
    const scanner = transport.plug(HONEYWELL_POS);
    scanner.openError = new Error('cannot open device with path /dev/hidraw3');
    service.start();
    await settle();
    expect(service.status().state).toBe('error');
    expect(service.status().message).toContain('правило udev');
    await wait(4 * DEFAULT_POLL_MS);
    expect(scanner.opens).toBe(1);
    scanner.openError = null;
    await wait(10_000);
    expect(service.status().state).toBe('ready');
    await service.stop();
  });

  it('lets the pinned scanner win, falls back while it is away, and takes it back when it returns', async () => {
    const { transport, service, wait } = setup({ pinned: { vendorId: NEWLAND_KEYBOARD.vendorId, productId: NEWLAND_KEYBOARD.productId } });
    const honeywell = transport.plug(HONEYWELL_POS);
    service.start();
    await settle();
    expect(honeywell.isOpen).toBe(true);
    const newland = transport.plug(NEWLAND_KEYBOARD);
    await wait(DEFAULT_POLL_MS);
    expect(newland.isOpen).toBe(true);
    expect(honeywell.isOpen).toBe(false);
    expect(service.active()?.layout).toMatchObject({ kind: 'keyboard' });
    await service.setPinned({ vendorId: HONEYWELL_POS.vendorId, productId: HONEYWELL_POS.productId, serialNumber: 'A1' });
    expect(honeywell.isOpen).toBe(true);
    expect(newland.isOpen).toBe(false);
    await service.stop();
  });

  it('reads a keyboard-mode scanner on Linux, through the US table', async () => {
    const { transport, service, scans } = setup();
    const scanner = transport.plug(NEWLAND_KEYBOARD);
    service.start();
    await settle();
    scanner.send(...keyboardReportsFor(SKIDKABOT_QR, { shiftAlone: true }));
    expect(scans.map((s) => [s.text, s.mode, s.endedBy])).toEqual([[SKIDKABOT_QR, 'keyboard', 'json']]);
    await service.stop();
  });

  it('never opens a keyboard-mode scanner on Windows, and says scans come through the window', async () => {
    const { transport, service } = setup({ platform: 'win32' });
    const scanner = transport.plug(NEWLAND_KEYBOARD);
    service.start();
    await settle();
    expect(scanner.opens).toBe(0);
    expect(service.status()).toMatchObject({
      state: 'ready',
      message: 'Сканер Newland работает как клавиатура: сканы принимаются, когда окно программы активно.',
    });
    await service.stop();
  });

  it('switches a Honeywell in keyboard mode to HID POS on request only, then reads that collection', async () => {
    const { transport, service, scans } = setup();
    const keyboard = transport.plug({ ...NEWLAND_KEYBOARD, vendorId: 0x0c2e, productId: 0x0b61, serialNumber: 'B2' });
    const pos = transport.plug({ ...HONEYWELL_POS, productId: 0x0b61, serialNumber: 'B2', interface: 1 });
    service.start();
    await settle();
    expect(keyboard.isOpen).toBe(true);
    expect(pos.featureReports).toEqual([]);
    const keyboardCandidate = service.devices().find((c) => c.mode === 'keyboard');
    const result = await service.redirectToHidPos(keyboardCandidate?.id ?? '');
    expect(result).toEqual({ ok: true, value: { message: 'Сканер переключён на HID POS. Отсканируйте QR, чтобы проверить.' } });
    expect(pos.featureReports).toEqual([Uint8Array.of(0xfe, 0x01)]);
    expect(pos.isOpen).toBe(true);
    expect(keyboard.isOpen).toBe(false);
    pos.send(...readFixture('honeywell-pos-multi.hex'));
    expect(scans.map((s) => s.mode)).toEqual(['hid-pos']);
    await service.stop();
  });

  it('refuses to redirect a scanner that cannot be, and reports a refused feature report', async () => {
    const { transport, service } = setup();
    transport.plug(NEWLAND_KEYBOARD);
    const keyboard = transport.plug({ ...NEWLAND_KEYBOARD, vendorId: 0x0c2e, productId: 0x0b61, serialNumber: 'B2' });
    const pos = transport.plug({ ...HONEYWELL_POS, productId: 0x0b61, serialNumber: 'B2', interface: 1 });
    pos.featureError = new Error('write error');
    service.start();
    await settle();
    const newland = service.devices().find((c) => c.device.vendorId === 0x1eab);
    const refused = await service.redirectToHidPos(newland?.id ?? '');
    expect(!refused.ok && refused.error.message).toContain('настроечный штрихкод');
    const honeywell = service.devices().find((c) => c.device.vendorId === 0x0c2e && c.mode === 'keyboard');
    const failed = await service.redirectToHidPos(honeywell?.id ?? '');
    expect(!failed.ok && failed.error.message).toContain('write error');
    expect(pos.isOpen).toBe(false);
    expect(keyboard.featureReports).toEqual([]);
    expect(service.status().state).toBe('ready');
    await service.stop();
  });

  it('looks at the bus at a modest pace and stops looking when stopped', async () => {
    const { transport, service, wait } = setup();
    service.start();
    await settle();
    await wait(15_000);
    expect(transport.lists).toBeLessThanOrEqual(1 + Math.ceil(15_000 / DEFAULT_POLL_MS));
    await service.stop();
    const lists = transport.lists;
    await wait(15_000);
    expect(transport.lists).toBe(lists);
  });

  it('reports a bus it cannot enumerate', async () => {
    const { transport, service } = setup();
    transport.listError = new Error('hid_enumerate failed');
    service.start();
    await settle();
    expect(service.status().state).toBe('error');
    await service.stop();
  });
});
