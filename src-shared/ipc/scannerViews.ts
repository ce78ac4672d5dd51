import type { PinnedScannerSettings } from '../settings/settings';
import type { AppError } from '../errors';

/**
 * How a scan reached the app: read from the device in main (HID POS or keyboard reports), typed
 * into the window as keystrokes, pasted, read by the PC's camera, or handed over without saying (the demo buttons).
 */
export type ScanVia = 'hid-pos' | 'hid-keyboard' | 'keystrokes' | 'paste' | 'camera' | 'other';

/** What the renderer says about a scan it hands over with scan.submit. */
export interface ScanOrigin {
  via: 'keystrokes' | 'paste' | 'camera';
  /** From the first key of the burst to the last. */
  durationMs?: number;
}

/**
 * One scan as the manager's live test shows it. Never the scanned text itself: a Skidkabot QR
 * carries the customer's secret, which stays in main.
 */
export interface ScanReport {
  kind: 'scan';
  at: number;
  via: ScanVia;
  /** From the first report or key to the end of the scan; null when unknown (a paste). */
  durationMs: number | null;
  /** What waiting for the end of the scan added after the last report (read in main only). */
  waitMs: number | null;
  endedBy: 'json' | 'suffix' | 'continuation' | 'gap' | null;
  chars: number;
  result: ScanResult;
}

/** What the text decoded to; `repaired`: it arrived in the wrong keyboard layout and was read back; a refusal keeps its keyed error. */
export type ScanResult = { ok: true; vendor: number; client: number; repaired: boolean } | { ok: false; error: AppError };

/** A half-read scan thrown away (unplugged, garbled): the cashier is asked to scan again, in the screen's language from the error's key. */
export interface ScanDropReport {
  kind: 'dropped';
  at: number;
  error: AppError;
}

export type ScannerEvent = ScanReport | ScanDropReport;

export type ScannerMode = 'hid-pos' | 'keyboard' | 'unknown';

/** One device of the «Сканер» section. */
export interface ScannerDeviceView {
  id: string;
  /** One line in Russian: maker, model, IDs, mode and what this OS allows. */
  description: string;
  vendorId: number;
  productId: number;
  serialNumber: string | null;
  mode: ScannerMode;
  /** This OS lets the app read it directly (a keyboard-mode scanner on Windows: never). */
  readable: boolean;
  /** The app is reading it now. */
  active: boolean;
  /** The manager pinned it. */
  pinned: boolean;
  /** Readable and not a collection that stays silent while its scanner types: worth pinning. */
  canPin: boolean;
  /** A Honeywell in keyboard mode whose HID POS collection is still silent: a command can switch it. */
  canRedirect: boolean;
}

export interface ScannerListView {
  devices: ScannerDeviceView[];
  pinned: PinnedScannerSettings | null;
  os: 'windows' | 'macos' | 'linux' | 'other';
  /**
   * Linux: where the udev rule ships, whether one is installed on this computer, and the terminal
   * commands that install it for the way the app is installed (an AppImage's rule is copied out first).
   */
  udev: { ruleFile: string | null; installed: boolean; commands: string } | null;
}

export interface ScannerRedirected {
  /** What happened and what to do next, in Russian. */
  message: string;
}
