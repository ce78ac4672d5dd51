import { describe, expect, it } from 'vitest';
import { settingsSaveSchema } from '../../src-shared/ipc/contract';
import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/settings/settings';
import { formFromSettings, parseSecret, settingsFromForm, type SettingsForm } from './settingsForm';

const valid: SettingsForm = {
  shopCode: '4',
  kassa: '2',
  apiUrl: 'https://skidkabot.ru',
  rulesSource: 'shop',
  pPlus: '2,5',
  pMinus: '10',
  accrueOnPaidPart: true,
  language: 'ru',
};

describe('settingsFromForm', () => {
  it('turns valid fields into settings that main will accept', () => {
    const result = settingsFromForm(valid);
    expect(result).toEqual({
      ok: true,
      settings: {
        shopCode: 4,
        kassa: 2,
        apiUrl: 'https://skidkabot.ru',
        rules: { source: 'shop', pPlus: 2.5, pMinus: 10, accrueOnPaidPart: true },
        language: 'ru',
      },
    });
    if (result.ok) expect(settingsSaveSchema.safeParse(result.settings).success).toBe(true);
  });

  it('round-trips the settings it was filled from', () => {
    const settings: Partial<Settings> = { ...DEFAULT_SETTINGS, shopCode: 17 };
    delete settings.scanner;
    delete settings.camera;
    expect(settingsFromForm(formFromSettings({ ...DEFAULT_SETTINGS, shopCode: 17 }))).toEqual({ ok: true, settings });
  });

  it('names every bad field at once', () => {
    const result = settingsFromForm({ ...valid, shopCode: '0', kassa: '1,5', apiUrl: 'ftp://x', pPlus: '101', pMinus: '-1' });
    expect(result).toEqual({
      ok: false,
      errors: { shopCode: 'shopCode', kassa: 'kassa', apiUrl: 'apiUrl', pPlus: 'percent', pMinus: 'percent' },
    });
  });

  it.each(['', 'четыре', '4a', '99999999999999999', ' '])('refuses shop code %j', (shopCode) => {
    expect(settingsFromForm({ ...valid, shopCode })).toEqual({ ok: false, errors: { shopCode: 'shopCode' } });
  });

  it.each(['0', '1000001', '-3'])('refuses register number %j', (kassa) => {
    expect(settingsFromForm({ ...valid, kassa })).toEqual({ ok: false, errors: { kassa: 'kassa' } });
  });

  it.each(['skidkabot.ru', 'javascript:alert(1)', 'https://', `https://a.ru/${'x'.repeat(500)}`])('refuses server address %j', (apiUrl) => {
    expect(settingsFromForm({ ...valid, apiUrl })).toEqual({ ok: false, errors: { apiUrl: 'apiUrl' } });
  });

  it("ignores the shop's percentages while the server's are in force", () => {
    const result = settingsFromForm({ ...valid, rulesSource: 'server', pPlus: 'abc', pMinus: '' });
    expect(result.ok && result.settings.rules).toEqual({ source: 'server', pPlus: 0, pMinus: 0, accrueOnPaidPart: true });
  });
});

describe('parseSecret', () => {
  it('reads digits only', () => {
    expect(parseSecret(' 31337 ')).toBe(31337);
    expect(parseSecret('0')).toBe(0);
    for (const bad of ['', '31 337', '-1', '1e5', '3.5', '99999999999999999']) expect(parseSecret(bad)).toBeNull();
  });
});
