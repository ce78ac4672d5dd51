/** Settings shared by the app and the CLI. The shop secret is never part of them: it lives in the OS keychain. */
export interface BonusRuleSettings {
  /** 'server': use p_plus/p_minus from the balance answer; 'shop': use the percentages below. */
  source: 'server' | 'shop';
  pPlus: number;
  pMinus: number;
  /** The vendor's advice: when bonuses pay part of a purchase, accrue only on the part paid with money. */
  accrueOnPaidPart: boolean;
}

/** The scanner the manager chose by vendor/product ID (and serial, to tell two alike apart). */
export interface PinnedScannerSettings {
  vendorId: number;
  productId: number;
  serialNumber: string | null;
}

export interface ScannerSettings {
  /** null: the app picks the best scanner it finds (HID POS first). */
  pinned: PinnedScannerSettings | null;
}

/**
 * The till's camera, for shops without a 2D scanner. 'on-demand': F6 or «Камера» opens it for one
 * scan; 'always': the camera is the till's scanner and stays on while the till waits for a customer.
 */
export interface CameraSettings {
  mode: 'off' | 'on-demand' | 'always';
  /** The browser's id of the chosen camera; null: the system's default camera. */
  deviceId: string | null;
  /** Its name when chosen, so an unplugged camera can be named. */
  label: string | null;
}

export interface Settings {
  shopCode: number | null;
  kassa: number;
  apiUrl: string;
  rules: BonusRuleSettings;
  language: 'ru' | 'en';
  scanner: ScannerSettings;
  camera: CameraSettings;
}

export const DEFAULT_API_URL = 'https://skidkabot.ru';

export const DEFAULT_SETTINGS: Settings = {
  shopCode: null,
  kassa: 1,
  apiUrl: DEFAULT_API_URL,
  rules: { source: 'server', pPlus: 0, pMinus: 0, accrueOnPaidPart: true },
  language: 'ru',
  scanner: { pinned: null },
  camera: { mode: 'on-demand', deviceId: null, label: null },
};
