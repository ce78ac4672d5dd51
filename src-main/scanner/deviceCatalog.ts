import type { HidDeviceInfo } from './hidTransport';
import type { ReportLayout } from './reportLayout';
import { BOOT_KEYBOARD_LAYOUT, HONEYWELL_POS_LAYOUT, NEWLAND_POS_LAYOUT } from './reportLayout';

interface ScannerVendor {
  name: string;
  /** Where its HID POS reports put the data, when the descriptor cannot be read; null: not known. */
  posLayout: ReportLayout | null;
  /** Honeywell's keyboard-mode scanners expose a HID POS collection that a feature report switches on. */
  redirectsToPos: boolean;
}

const HONEYWELL: ScannerVendor = { name: 'Honeywell', posLayout: HONEYWELL_POS_LAYOUT, redirectsToPos: true };
const NEWLAND: ScannerVendor = { name: 'Newland', posLayout: NEWLAND_POS_LAYOUT, redirectsToPos: false };

/** Vendor IDs from shared/scanners.md; Zebra and Datalogic lay out HID POS their own way. */
export const SCANNER_VENDORS: ReadonlyMap<number, ScannerVendor> = new Map([
  [0x0c2e, HONEYWELL],
  [0x0536, { ...HONEYWELL, name: 'Honeywell (Hand Held Products)' }],
  [0x05e0, { name: 'Zebra (Symbol)', posLayout: null, redirectsToPos: false }],
  [0x05f9, { name: 'Datalogic', posLayout: null, redirectsToPos: false }],
  [0x23d0, NEWLAND],
  [0x1eab, NEWLAND],
]);

/** Sent to a Honeywell's HID POS collection, it sends scans there instead of typing them. */
export const HONEYWELL_REDIRECT_TO_POS = Uint8Array.of(0xfe, 0x01);

const PAGE_GENERIC_DESKTOP = 0x01;
const USAGE_KEYBOARD = 0x06;
const PAGE_BARCODE_SCANNER = 0x8c;

export type DeviceMode = 'hid-pos' | 'keyboard' | 'unknown';

export interface ScannerCandidate {
  /** Stable across replugging (no OS path in it), unique within one listing. */
  id: string;
  device: HidDeviceInfo;
  vendorName: string | null;
  mode: DeviceMode;
  /** This OS lets the app read the device's reports (keyboard mode on Windows: never). */
  readable: boolean;
  /** Linux keyboard mode through hidraw: the keys reach the focused window too. */
  alsoTypes: boolean;
  /** The app may choose it on its own; an unknown keyboard may be the cashier's real one, so never. */
  autoPick: boolean;
  /**
   * Honeywell in keyboard mode: the id of its HID POS collection, which feature report [0xFE, 0x01]
   * makes the one that receives scans. Offered to the manager, never done silently.
   */
  redirectTarget: string | null;
  /** A HID POS collection that stays silent while the same scanner types as a keyboard. */
  silentWhileKeyboard: boolean;
  /** The layout to read it with when its descriptor is out of reach; null: read it off the first report. */
  fallbackLayout: ReportLayout | null;
  /** One line for the manager screen and the CLI, in Russian. */
  description: string;
}

export interface PinnedScanner {
  vendorId: number;
  productId: number;
  serialNumber?: string | null;
}

export type Platform = NodeJS.Platform;

function modeOf(device: HidDeviceInfo): DeviceMode | null {
  if (device.usagePage === PAGE_BARCODE_SCANNER) return 'hid-pos';
  if (device.usagePage === PAGE_GENERIC_DESKTOP && device.usage === USAGE_KEYBOARD) return 'keyboard';
  if (device.usagePage === null || device.usagePage === 0) return 'unknown';
  return null;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

function physicalKey(device: HidDeviceInfo): string {
  return `${hex4(device.vendorId)}:${hex4(device.productId)}:${device.serialNumber ?? ''}`;
}

function describe(c: Omit<ScannerCandidate, 'description'>, platform: Platform, redirected: ReadonlySet<string>): string {
  const name = [c.vendorName ?? c.device.manufacturer ?? 'Неизвестный производитель', c.device.product]
    .filter((part): part is string => Boolean(part))
    .join(' ');
  const ids = `${hex4(c.device.vendorId)}:${hex4(c.device.productId)}`;
  if (c.mode === 'hid-pos') {
    return c.silentWhileKeyboard
      ? `${name} (${ids}) — HID POS: молчит, пока сканер работает как клавиатура. Переключите его на HID POS.`
      : `${name} (${ids}) — режим HID POS: читается напрямую, раскладка не важна.`;
  }
  if (c.mode === 'unknown') return `${name} (${ids}) — режим определится по первому скану.`;
  if (!c.autoPick) return `${name} (${ids}) — клавиатура или сканер неизвестной марки: выберите его, если это сканер.`;
  const advice = !c.redirectTarget
    ? ' Лучше перевести его в режим HID POS.'
    : redirected.has(c.redirectTarget)
      ? ' Сканы переключены на HID POS.'
      : ' Можно переключить на HID POS кнопкой ниже.';
  if (!c.readable) {
    return `${name} (${ids}) — режим клавиатуры: ${platform === 'win32' ? 'Windows' : 'эта система'} не даёт читать его напрямую, сканы принимаются из окна программы.${advice}`;
  }
  if (c.alsoTypes) return `${name} (${ids}) — режим клавиатуры: читается напрямую, нажатия перехватываются в окне программы.${advice}`;
  return `${name} (${ids}) — режим клавиатуры: читается напрямую.${advice}`;
}

/**
 * Turns the OS's list of HID interfaces into scanner candidates with a plain description: every
 * HID POS collection, and every interface of a known scanner vendor that can carry scans. Other
 * keyboards are listed too (a no-name scanner looks like one) but are never chosen on their own.
 */
export function classifyDevices(
  devices: readonly HidDeviceInfo[],
  platform: Platform,
  options: {
    /** Linux with the libusb driver: keyboard-mode keys no longer reach any window. */
    keyboardGrabbed?: boolean;
    /** HID POS collections already switched on with [0xFE, 0x01]: they receive the scans now. */
    redirected?: ReadonlySet<string>;
  } = {},
): ScannerCandidate[] {
  const known = devices.flatMap((device) => {
    const mode = modeOf(device);
    const vendor = SCANNER_VENDORS.get(device.vendorId) ?? null;
    if (mode === null || (mode === 'unknown' && !vendor)) return [];
    return [{ device, mode, vendor }];
  });
  const keyboardDevices = new Set(known.filter((k) => k.mode === 'keyboard').map((k) => physicalKey(k.device)));
  const posByDevice = new Map<string, HidDeviceInfo>();
  for (const k of known) if (k.mode === 'hid-pos') posByDevice.set(physicalKey(k.device), k.device);

  const seen = new Map<string, number>();
  const idOf = (device: HidDeviceInfo): string => {
    const base = `${physicalKey(device)}:${device.interface}:${hex4(device.usagePage ?? 0)}:${hex4(device.usage ?? 0)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n + 1}`;
  };
  const ids = new Map(known.map((k) => [k.device, idOf(k.device)]));

  return known.map(({ device, mode, vendor }) => {
    const key = physicalKey(device);
    const id = ids.get(device) ?? key;
    const readable = mode !== 'keyboard' || platform !== 'win32';
    const posSibling = vendor?.redirectsToPos && mode === 'keyboard' ? posByDevice.get(key) : undefined;
    const partial: Omit<ScannerCandidate, 'description'> = {
      id,
      device,
      vendorName: vendor?.name ?? null,
      mode,
      readable,
      alsoTypes: mode === 'keyboard' && platform === 'linux' && !options.keyboardGrabbed,
      autoPick: vendor !== null || mode === 'hid-pos',
      redirectTarget: posSibling ? (ids.get(posSibling) ?? null) : null,
      silentWhileKeyboard:
        mode === 'hid-pos' && Boolean(vendor?.redirectsToPos) && keyboardDevices.has(key) && !options.redirected?.has(id),
      fallbackLayout: mode === 'hid-pos' ? (vendor?.posLayout ?? null) : mode === 'keyboard' ? BOOT_KEYBOARD_LAYOUT : null,
    };
    return { ...partial, description: describe(partial, platform, options.redirected ?? new Set()) };
  });
}

/** Lower is better: HID POS first, then unknown-mode and keyboard-mode known scanners. */
function rank(c: ScannerCandidate): number {
  if (!c.readable) return Infinity;
  if (c.mode === 'hid-pos') return c.vendorName ? 0 : 1;
  if (c.mode === 'unknown') return 2;
  return c.autoPick ? 3 : 4;
}

export function matchesPin(c: ScannerCandidate, pin: PinnedScanner): boolean {
  return (
    c.device.vendorId === pin.vendorId &&
    c.device.productId === pin.productId &&
    (!pin.serialNumber || c.device.serialNumber === pin.serialNumber)
  );
}

/**
 * The device to read: the pinned scanner when it is here (its best readable interface), otherwise
 * the best one the app may choose on its own. `skip` holds candidates that just failed to open.
 */
export function pickScanner(
  candidates: readonly ScannerCandidate[],
  pinned: PinnedScanner | null,
  skip: ReadonlySet<string> = new Set(),
): ScannerCandidate | null {
  const usable = candidates.filter((c) => c.readable && !skip.has(c.id));
  const best = (list: ScannerCandidate[]): ScannerCandidate | null =>
    list.reduce<ScannerCandidate | null>((a, c) => (a === null || rank(c) < rank(a) ? c : a), null);
  const live = usable.filter((c) => !c.silentWhileKeyboard);
  const pinnedHere = pinned ? best(live.filter((c) => matchesPin(c, pinned))) : null;
  if (pinnedHere) return pinnedHere;
  return best(live.filter((c) => c.autoPick));
}
