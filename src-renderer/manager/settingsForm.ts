import type { Settings } from '../../src-shared/settings/settings';

/** The manager's fields as typed: strings until they pass validation. */
export interface SettingsForm {
  shopCode: string;
  kassa: string;
  apiUrl: string;
  rulesSource: Settings['rules']['source'];
  pPlus: string;
  pMinus: string;
  accrueOnPaidPart: boolean;
  language: Settings['language'];
}

/** Keys into the dictionary's `manager.invalid` messages. */
export type InvalidReason = 'shopCode' | 'kassa' | 'apiUrl' | 'percent';

export type FieldErrors = Partial<Record<keyof SettingsForm, InvalidReason>>;

/** What the form edits: everything but the scanner pin and the camera, which their own sections set. */
export type FormSettings = Omit<Settings, 'scanner' | 'camera'>;

export type FormResult = { ok: true; settings: FormSettings } | { ok: false; errors: FieldErrors };

const MAX_KASSA = 1_000_000;
const MAX_URL_LENGTH = 500;

export function formFromSettings(settings: Settings): SettingsForm {
  return {
    shopCode: settings.shopCode === null ? '' : String(settings.shopCode),
    kassa: String(settings.kassa),
    apiUrl: settings.apiUrl,
    rulesSource: settings.rules.source,
    pPlus: String(settings.rules.pPlus),
    pMinus: String(settings.rules.pMinus),
    accrueOnPaidPart: settings.rules.accrueOnPaidPart,
    language: settings.language,
  };
}

/** Checks every field before anything is sent, so the manager sees all problems at once. */
export function settingsFromForm(form: SettingsForm): FormResult {
  const errors: FieldErrors = {};
  const shopCode = parseWhole(form.shopCode);
  if (shopCode === null || shopCode < 1) errors.shopCode = 'shopCode';
  const kassa = parseWhole(form.kassa);
  if (kassa === null || kassa < 1 || kassa > MAX_KASSA) errors.kassa = 'kassa';
  const apiUrl = form.apiUrl.trim();
  if (!isHttpUrl(apiUrl)) errors.apiUrl = 'apiUrl';
  const pPlus = parsePercent(form.pPlus);
  const pMinus = parsePercent(form.pMinus);
  // The shop's own percentages matter only when they are in force; the server's are not typed here.
  if (form.rulesSource === 'shop') {
    if (pPlus === null) errors.pPlus = 'percent';
    if (pMinus === null) errors.pMinus = 'percent';
  }
  if (shopCode === null || kassa === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      shopCode,
      kassa,
      apiUrl,
      rules: {
        source: form.rulesSource,
        pPlus: pPlus ?? 0,
        pMinus: pMinus ?? 0,
        accrueOnPaidPart: form.accrueOnPaidPart,
      },
      language: form.language,
    },
  };
}

/** The shop secret as typed into the masked field: digits only, a safe integer. */
export function parseSecret(text: string): number | null {
  return parseWhole(text);
}

function parseWhole(text: string): number | null {
  const compact = text.trim();
  if (!/^\d{1,16}$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isSafeInteger(value) ? value : null;
}

function parsePercent(text: string): number | null {
  const compact = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(compact)) return null;
  const value = Number(compact);
  return value <= 100 ? value : null;
}

function isHttpUrl(text: string): boolean {
  if (text.length === 0 || text.length > MAX_URL_LENGTH) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
