import { describe, expect, it } from 'vitest';
import type { HidDeviceInfo } from './hidTransport';
import { classifyDevices, pickScanner } from './deviceCatalog';
import { HONEYWELL_POS_LAYOUT } from './reportLayout';
import { hidDeviceInfo } from '../../test-support/scanner/fakeHidTransport';

function device(info: Partial<HidDeviceInfo> & Pick<HidDeviceInfo, 'vendorId' | 'productId'>): HidDeviceInfo {
  return hidDeviceInfo(info, `/dev/hidraw-${info.vendorId}-${info.usagePage ?? 0}`);
}

const honeywellPos = device({ vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 0x02, product: 'Xenon 1900g', serialNumber: 'A1' });
const honeywellKeyboard = device({ vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x01, usage: 0x06, product: 'Voyager 1450g', serialNumber: 'B2' });
const honeywellKeyboardPos = device({ vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02, product: 'Voyager 1450g', serialNumber: 'B2', interface: 1 });
const honeywellVendorIface = device({ vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0xff00, usage: 0x01, serialNumber: 'B2', interface: 2 });
const newlandKeyboard = device({ vendorId: 0x1eab, productId: 0x0d10, usagePage: 0x01, usage: 0x06, product: 'HR22' });
const realKeyboard = device({ vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 0x06, manufacturer: 'Logitech', product: 'USB Keyboard' });
const mouse = device({ vendorId: 0x046d, productId: 0xc077, usagePage: 0x01, usage: 0x02 });
const noNamePos = device({ vendorId: 0x1234, productId: 0x5678, usagePage: 0x8c, usage: 0x02 });
const libusbHoneywell = device({ vendorId: 0x0c2e, productId: 0x0b87, path: '0001:0004:00' });

describe('classifyDevices', () => {
  it('lists scanners and keyboards, with mode and vendor, and leaves mice and vendor interfaces out', () => {
    const list = classifyDevices([honeywellPos, newlandKeyboard, realKeyboard, mouse, honeywellVendorIface, noNamePos], 'linux');
    expect(list.map((c) => [c.device, c.vendorName, c.mode, c.autoPick])).toEqual([
      [honeywellPos, 'Honeywell', 'hid-pos', true],
      [newlandKeyboard, 'Newland', 'keyboard', true],
      [realKeyboard, null, 'keyboard', false],
      [noNamePos, null, 'hid-pos', true],
    ]);
  });

  it('describes each in plain Russian, with what this OS allows', () => {
    const [pos, newland] = classifyDevices([honeywellPos, newlandKeyboard], 'linux');
    expect(pos?.description).toBe('Honeywell Xenon 1900g (0c2e:0b87) — режим HID POS: читается напрямую, раскладка не важна.');
    expect(newland?.description).toContain('режим клавиатуры: читается напрямую, нажатия перехватываются в окне программы');
    const [onWindows] = classifyDevices([newlandKeyboard], 'win32');
    expect(onWindows).toMatchObject({ readable: false });
    expect(onWindows?.description).toContain('Windows не даёт читать его напрямую');
    const [grabbed] = classifyDevices([newlandKeyboard], 'linux', { keyboardGrabbed: true });
    expect(grabbed?.alsoTypes).toBe(false);
  });

  it('sees a Honeywell in keyboard mode: its HID POS collection is silent and can be switched on', () => {
    const [keyboard, pos] = classifyDevices([honeywellKeyboard, honeywellKeyboardPos], 'darwin');
    expect(keyboard?.redirectTarget).toBe(pos?.id);
    expect(pos?.silentWhileKeyboard).toBe(true);
    expect(pos?.description).toContain('молчит');
    const switched = classifyDevices([honeywellKeyboard, honeywellKeyboardPos], 'darwin', { redirected: new Set([pos?.id ?? '']) });
    expect(switched[1]?.silentWhileKeyboard).toBe(false);
  });

  it('keeps ids stable across a replug (a new OS path) and unique within a listing', () => {
    const [before] = classifyDevices([honeywellPos], 'linux');
    const [after] = classifyDevices([{ ...honeywellPos, path: '/dev/hidraw9' }], 'linux');
    expect(after?.id).toBe(before?.id);
    const twins = classifyDevices([newlandKeyboard, { ...newlandKeyboard, path: '/dev/other' }], 'linux');
    expect(new Set(twins.map((c) => c.id)).size).toBe(2);
  });

  it('reads a known vendor under libusb, where usage pages are missing, by its first report', () => {
    const [candidate] = classifyDevices([libusbHoneywell], 'linux');
    expect(candidate).toMatchObject({ mode: 'unknown', fallbackLayout: null, autoPick: true });
  });

  it('falls back to the vendor layout for HID POS', () => {
    expect(classifyDevices([honeywellPos], 'linux')[0]?.fallbackLayout).toEqual(HONEYWELL_POS_LAYOUT);
    expect(classifyDevices([noNamePos], 'linux')[0]?.fallbackLayout).toBeNull();
  });
});

describe('pickScanner', () => {
  const pick = (devices: HidDeviceInfo[], platform: NodeJS.Platform, pinned: Parameters<typeof pickScanner>[1] = null) =>
    pickScanner(classifyDevices(devices, platform), pinned)?.device ?? null;

  it('prefers HID POS, then a known keyboard-mode scanner, never an unknown keyboard', () => {
    expect(pick([newlandKeyboard, realKeyboard, honeywellPos], 'linux')).toBe(honeywellPos);
    expect(pick([realKeyboard, newlandKeyboard], 'linux')).toBe(newlandKeyboard);
    expect(pick([realKeyboard], 'linux')).toBeNull();
  });

  it('never picks a keyboard-mode scanner on Windows', () => {
    expect(pick([newlandKeyboard], 'win32')).toBeNull();
    expect(pick([newlandKeyboard], 'win32', { vendorId: 0x1eab, productId: 0x0d10 })).toBeNull();
  });

  it('reads a Honeywell in keyboard mode through its keyboard interface, not its silent HID POS one', () => {
    expect(pick([honeywellKeyboardPos, honeywellKeyboard], 'linux')).toBe(honeywellKeyboard);
    expect(pick([honeywellKeyboardPos, honeywellKeyboard], 'win32')).toBeNull();
  });

  it('lets a pinned device win, by vendor/product and serial', () => {
    expect(pick([honeywellPos, newlandKeyboard], 'linux', { vendorId: 0x1eab, productId: 0x0d10 })).toBe(newlandKeyboard);
    expect(pick([honeywellPos, realKeyboard], 'linux', { vendorId: 0x046d, productId: 0xc31c })).toBe(realKeyboard);
    expect(pick([honeywellPos], 'linux', { vendorId: 0x0c2e, productId: 0x0b87, serialNumber: 'other' })).toBe(honeywellPos);
    const second = { ...honeywellPos, serialNumber: 'A2', path: '/dev/hidraw7' };
    expect(pick([honeywellPos, second], 'linux', { vendorId: 0x0c2e, productId: 0x0b87, serialNumber: 'A2' })).toBe(second);
  });
});
