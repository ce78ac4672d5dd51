import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { messagesEn } from '../../src-shared/messages/messagesEn';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, type Result } from '../../src-shared/errors';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { inspectConfig, resolveConfig } from './resolveConfig';
import { createKeytarSecretStore, MemorySecretStore, type SecretStore } from './secretStore';
import { SettingsStore } from './settingsStore';
import { textContaining, textMatching } from '../../test-support/matchers';

/** A keychain that counts how often it is asked. */
class CountingSecretStore implements SecretStore {
  reads = 0;
  constructor(private readonly answer: Result<number | null>) {}
  get() {
    this.reads += 1;
    return Promise.resolve(this.answer);
  }
  set(): Promise<Result<void>> {
    return Promise.resolve({ ok: true, value: undefined });
  }
  clear(): Promise<Result<void>> {
    return Promise.resolve({ ok: true, value: undefined });
  }
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-config-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const saveShop = (shopCode: number, kassa = 3) =>
  new SettingsStore(dataDir).save({ ...DEFAULT_SETTINGS, shopCode, kassa, apiUrl: 'https://example.org' });

describe('resolveConfig', () => {
  it('takes the settings file and the keychain when the environment says nothing', async () => {
    await saveShop(12);
    const resolved = await resolveConfig({ env: { SKIDKABOT_DATA_DIR: dataDir }, secretStore: new MemorySecretStore(555) });
    expect(resolved.ok && resolved.value.credentials).toEqual({ shopCode: 12, shopSecret: 555, kassa: 3 });
    expect(resolved.ok && resolved.value.settings.apiUrl).toBe('https://example.org');
    expect(resolved.ok && resolved.value.report.sources).toEqual({
      dataDir: 'env',
      apiUrl: 'settings',
      shopCode: 'settings',
      kassa: 'settings',
      shopSecret: 'keychain',
    });
  });

  it('reads the secret from the keychain entry SKIDKABOT_KEYCHAIN_SERVICE names, as the app does', async () => {
    await saveShop(12);
    const service = `Skidkabot Kassa config test ${process.pid}-${Date.now()}`;
    const entry = createKeytarSecretStore({ service });
    expect(await entry.set(4242)).toEqual({ ok: true, value: undefined });
    try {
      const resolved = await resolveConfig({ env: { SKIDKABOT_DATA_DIR: dataDir, SKIDKABOT_KEYCHAIN_SERVICE: service } });
      expect(resolved.ok && resolved.value.credentials).toEqual({ shopCode: 12, shopSecret: 4242, kassa: 3 });
    } finally {
      await entry.clear();
    }
  });

  it('lets every environment variable override the settings, and then leaves the keychain alone', async () => {
    await saveShop(12);
    const keychain = new CountingSecretStore({ ok: false, error: appError('config', 'must not be asked') });
    const resolved = await resolveConfig({
      env: {
        SKIDKABOT_DATA_DIR: dataDir,
        SKIDKABOT_API_URL: 'http://127.0.0.1:9000',
        SKIDKABOT_SHOP: '4',
        SKIDKABOT_SHOP_SECRET: '31337',
        SKIDKABOT_KASSA: '7',
      },
      secretStore: keychain,
    });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.value.credentials).toEqual({ shopCode: 4, shopSecret: 31337, kassa: 7 });
    expect(resolved.value.settings.apiUrl).toBe('http://127.0.0.1:9000');
    expect(resolved.value.report.sources).toMatchObject({ apiUrl: 'env', shopCode: 'env', kassa: 'env', shopSecret: 'env' });
    expect(keychain.reads).toBe(0);
  });

  it.each([
    ['SKIDKABOT_API_URL', 'skidkabot.ru'],
    ['SKIDKABOT_API_URL', 'file:///etc/passwd'],
    ['SKIDKABOT_SHOP', 'abc'],
    ['SKIDKABOT_SHOP', '0'],
    ['SKIDKABOT_SHOP', '4.5'],
    ['SKIDKABOT_KASSA', '-1'],
    ['SKIDKABOT_KASSA', '99999999'],
    ['SKIDKABOT_SHOP_SECRET', '-31337'],
    ['SKIDKABOT_SHOP_SECRET', '31337abc'],
  ])('names %s when it holds %j', async (variable, value) => {
    const resolved = await resolveConfig({
      env: { SKIDKABOT_DATA_DIR: dataDir, SKIDKABOT_SHOP: '4', SKIDKABOT_SHOP_SECRET: '1', [variable]: value },
      secretStore: new MemorySecretStore(1),
    });
    expect(resolved).toMatchObject({ ok: false, error: { kind: 'config', message: textContaining(variable), params: { env: variable } } });
    expect(resolved.ok || resolved.error.key === undefined || messagesEn[resolved.error.key](resolved.error.params ?? {})).toContain(variable);
  });

  it('never repeats a malformed secret from the environment', async () => {
    const resolved = await resolveConfig({ env: { SKIDKABOT_DATA_DIR: dataDir, SKIDKABOT_SHOP_SECRET: '31337-x' } });
    expect(resolved.ok).toBe(false);
    expect(JSON.stringify(resolved)).not.toContain('31337');
  });

  it('says the shop code is missing, without asking the keychain', async () => {
    const keychain = new CountingSecretStore({ ok: true, value: 1 });
    const resolved = await resolveConfig({ env: { SKIDKABOT_DATA_DIR: dataDir }, secretStore: keychain });
    expect(resolved).toMatchObject({
      ok: false,
      error: { kind: 'config', key: 'settings.noShopCode', message: textMatching(/^Не задан код магазина.*SKIDKABOT_SHOP\b/) },
    });
    expect(keychain.reads).toBe(0);
  });

  it('says the secret is missing', async () => {
    await saveShop(12);
    const resolved = await resolveConfig({ env: { SKIDKABOT_DATA_DIR: dataDir }, secretStore: new MemorySecretStore() });
    expect(resolved).toMatchObject({
      ok: false,
      error: { kind: 'config', key: 'settings.noSecret', message: textMatching(/^Не задан секретный код.*SKIDKABOT_SHOP_SECRET/) },
    });
  });

  it('passes on a keychain that does not answer', async () => {
    await saveShop(12);
    const down = appError('config', 'Хранилище паролей ОС недоступно: test');
    const resolved = await resolveConfig({
      env: { SKIDKABOT_DATA_DIR: dataDir },
      secretStore: new CountingSecretStore({ ok: false, error: down }),
    });
    expect(resolved).toEqual({ ok: false, error: down });
  });

  it('treats empty variables as unset', async () => {
    await saveShop(12);
    const resolved = await resolveConfig({
      env: { SKIDKABOT_DATA_DIR: dataDir, SKIDKABOT_SHOP: '', SKIDKABOT_SHOP_SECRET: '', SKIDKABOT_API_URL: '' },
      secretStore: new MemorySecretStore(9),
    });
    expect(resolved.ok && resolved.value.credentials).toEqual({ shopCode: 12, shopSecret: 9, kassa: 3 });
  });
});

describe('inspectConfig', () => {
  it('reports a damaged settings file and what is missing, without failing', async () => {
    await writeFile(path.join(dataDir, 'settings.json'), 'not json');
    const report = await inspectConfig({ env: { SKIDKABOT_DATA_DIR: dataDir }, secretStore: new MemorySecretStore() });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.value.settingsFileExists).toBe(true);
    expect(report.value.settingsProblem?.message).toContain('settings.json.damaged-');
    expect(report.value.settings.shopCode).toBeNull();
    expect(report.value.secret).toEqual({ ok: true, value: null });
    expect((await readdir(dataDir)).some((name) => name.startsWith('settings.json.damaged-'))).toBe(true);
  });
});
