import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { HidHandleListeners, createNodeHidTransport } from './hidTransport';

/** node-hid's async API as far as the transport uses it: the native addon is not loaded in tests. */
const native = vi.hoisted(() => ({
  opened: [] as { args: unknown[]; device: unknown }[],
  driver: [] as string[],
  devices: [] as Record<string, unknown>[],
}));

vi.mock('node-hid', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeAsyncDevice extends Emitter {
    sent: Buffer[] = [];
    closed = false;
    close() {
      this.closed = true;
      return Promise.resolve();
    }
    getFeatureReport(id: number, length: number) {
      return Promise.resolve(Buffer.alloc(length, id));
    }
    sendFeatureReport(data: Buffer) {
      this.sent.push(data);
      return Promise.resolve(data.length);
    }
  }
  return {
    devicesAsync: () => Promise.resolve(native.devices),
    setDriverType: (type: string) => native.driver.push(type),
    HIDAsync: {
      open: (...args: unknown[]) => {
        const device = new FakeAsyncDevice();
        native.opened.push({ args, device });
        return Promise.resolve(device);
      },
    },
  };
});

describe('node-hid transport', () => {
  it('lists devices with empty strings and missing usage pages as null', async () => {
    native.devices = [
      { vendorId: 0x0c2e, productId: 0x0b87, path: '/dev/hidraw3', serialNumber: '', product: ' Xenon 1900g ', manufacturer: 'Honeywell', interface: 0, usagePage: 0x8c, usage: 2, release: 1 },
      { vendorId: 0x0c2e, productId: 0x0b87, interface: 1, release: 1 },
    ];
    const list = await createNodeHidTransport().list();
    expect(list).toEqual([
      { vendorId: 0x0c2e, productId: 0x0b87, path: '/dev/hidraw3', serialNumber: null, manufacturer: 'Honeywell', product: 'Xenon 1900g', usagePage: 0x8c, usage: 2, interface: 0 },
      { vendorId: 0x0c2e, productId: 0x0b87, path: null, serialNumber: null, manufacturer: null, product: null, usagePage: null, usage: null, interface: 1 },
    ]);
    expect(native.driver).toEqual([]);
  });

  it('opens by path (by IDs when there is none), turns Buffers into bytes and reports errors and closing', async () => {
    const transport = createNodeHidTransport({ linuxDriver: 'libusb' });
    const info = { vendorId: 1, productId: 2, path: '/dev/hidraw-test', serialNumber: null, manufacturer: null, product: null, usagePage: null, usage: null, interface: 0 };
    const handle = await transport.open(info);
    await transport.open({ ...info, path: null });
    expect(native.opened.map((o) => o.args)).toEqual([['/dev/hidraw-test', {}], [1, 2, {}]]);
    expect(native.driver).toEqual(['libusb']);
    const device = native.opened[0]?.device as EventEmitter & { sent: Buffer[]; closed: boolean };
    const events: string[] = [];
    handle.on('data', (report) => events.push(`data ${report instanceof Uint8Array && !Buffer.isBuffer(report)} ${[...report].join(',')}`));
    handle.on('error', (error) => events.push(`error ${error.message}`));
    handle.on('close', () => events.push('close'));
    device.emit('data', Buffer.from([2, 1, 0x41]));
    device.emit('error', 'could not read from HID device');
    await handle.sendFeatureReport(Uint8Array.of(0xfe, 0x01));
    expect([...(device.sent[0] ?? [])]).toEqual([0xfe, 0x01]);
    expect([...(await handle.getFeatureReport(3, 2))]).toEqual([3, 3]);
    expect(await handle.getReportDescriptor()).toBeNull();
    await handle.close();
    device.emit('error', 'after close');
    expect(events).toEqual(['data true 2,1,65', 'error could not read from HID device', 'close']);
    expect(device.closed).toBe(true);
  });
});

describe('HidHandleListeners', () => {
  it('adds, removes and clears listeners per event', () => {
    const listeners = new HidHandleListeners();
    const seen: number[] = [];
    const off = listeners.on('data', (r) => seen.push(r.length));
    listeners.emit('data', Uint8Array.of(1, 2));
    off();
    listeners.emit('data', Uint8Array.of(1));
    listeners.on('data', (r) => seen.push(r.length * 10));
    listeners.clear();
    listeners.emit('data', Uint8Array.of(1));
    expect(seen).toEqual([2]);
  });
});
