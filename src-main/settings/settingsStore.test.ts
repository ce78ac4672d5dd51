import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/settings/settings';
import { SettingsSaveError, SettingsStore } from './settingsStore';
import { textContaining } from '../../test-support/matchers';

const shopSettings: Settings = {
  shopCode: 4,
  kassa: 2,
  apiUrl: 'http://127.0.0.1:8080',
  rules: { source: 'shop', pPlus: 3, pMinus: 20, accrueOnPaidPart: false },
  language: 'en',
  scanner: { pinned: { vendorId: 0x0c2e, productId: 0x0b87, serialNumber: 'A1' } },
  camera: { mode: 'always', deviceId: 'f3a9c0de', label: 'USB2.0 HD UVC WebCam (0bda:58f4)' },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixedClock = () => new Date('2025-03-01T10:20:30.456Z');
const keptName = 'settings.json.damaged-2025-03-01T10-20-30-456Z';

describe('SettingsStore.load', () => {
  it('gives the defaults when there is no file yet', async () => {
    const loaded = await new SettingsStore(dir).load();
    expect(loaded).toEqual({ settings: DEFAULT_SETTINGS, exists: false, problem: null });
  });

  it('reads back what was saved', async () => {
    const store = new SettingsStore(dir);
    await store.save(shopSettings);
    expect(await store.load()).toEqual({ settings: shopSettings, exists: true, problem: null });
  });

  it('keeps a file that is not JSON aside and reports it by name', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"shopCode": 4, "kas');
    const loaded = await new SettingsStore(dir, { now: fixedClock }).load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.exists).toBe(true);
    expect(loaded.problem?.kind).toBe('config');
    expect(loaded.problem?.message).toContain(path.join(dir, keptName));
    expect(await readdir(dir)).toEqual([keptName]);
    expect(await readFile(path.join(dir, keptName), 'utf8')).toBe('{"shopCode": 4, "kas');
  });

  it.each([
    ['a shop code of zero', { ...shopSettings, shopCode: 0 }, 'shopCode'],
    ['a fractional register', { ...shopSettings, kassa: 1.5 }, 'kassa'],
    ['an ftp server address', { ...shopSettings, apiUrl: 'ftp://skidkabot.ru' }, 'apiUrl'],
    ['a percentage above 100', { ...shopSettings, rules: { ...shopSettings.rules, pMinus: 150 } }, 'rules.pMinus'],
    ['rules that are not an object', { ...shopSettings, rules: 'server' }, 'rules'],
    ['an array', [shopSettings], 'не объект'],
  ])('treats %s as damaged', async (_name, content, field) => {
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(content));
    const loaded = await new SettingsStore(dir, { now: fixedClock }).load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem?.message).toContain(field);
    expect(await readdir(dir)).toEqual([keptName]);
  });

  it('drops unknown keys and fills missing ones instead of rejecting a file of another version', async () => {
    const withoutLanguage: Partial<Settings> = { ...shopSettings };
    delete withoutLanguage.language;
    await writeFile(
      path.join(dir, 'settings.json'),
      `\uFEFF${JSON.stringify({ ...withoutLanguage, shopSecret: 31337, rules: { ...shopSettings.rules, extra: 1 } })}`,
    );
    const loaded = await new SettingsStore(dir).load();
    expect(loaded.problem).toBeNull();
    expect(loaded.settings).toEqual({ ...shopSettings, language: 'ru' });
    expect(JSON.stringify(loaded.settings)).not.toContain('31337');
  });

  it('loads a file written before the scanner section existed, with no scanner pinned', async () => {
    const older: Partial<Settings> = { ...shopSettings };
    delete older.scanner;
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(older));
    const loaded = await new SettingsStore(dir).load();
    expect(loaded.problem).toBeNull();
    expect(loaded.settings).toEqual({ ...shopSettings, scanner: { pinned: null } });
  });

  it('drops keys a later version added inside the scanner section too', async () => {
    const pinned = { vendorId: 0x0c2e, productId: 0x0b87, serialNumber: 'A1' };
    const newer = { ...shopSettings, scanner: { pinned: { ...pinned, bus: 'usb3' }, beep: true } };
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(newer));
    const loaded = await new SettingsStore(dir).load();
    expect(loaded.problem).toBeNull();
    expect(loaded.settings).toEqual({ ...shopSettings, scanner: { pinned } });
  });

  it('reads back the camera choice, hostile names included', async () => {
    const store = new SettingsStore(dir);
    const label = '\u202eмаркер «"</script>\u0000' + 'к'.repeat(280);
    const camera = { mode: 'on-demand', deviceId: 'x'.repeat(500), label } as const;
    await store.save({ ...shopSettings, camera });
    expect((await store.load()).settings.camera).toEqual(camera);
    await expect(store.save({ ...shopSettings, camera: { ...camera, deviceId: '' } })).rejects.toThrow(/camera\.deviceId/);
    await expect(store.save({ ...shopSettings, camera: { ...camera, label: 'я'.repeat(301) } })).rejects.toThrow(/camera\.label/);
    expect((await store.load()).settings.camera).toEqual(camera);
  });

  it('loads a file written before the camera section existed, with the camera on demand', async () => {
    const older: Partial<Settings> = { ...shopSettings };
    delete older.camera;
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify(older));
    const loaded = await new SettingsStore(dir).load();
    expect(loaded.problem).toBeNull();
    expect(loaded.settings.camera).toEqual({ mode: 'on-demand', deviceId: null, label: null });
  });

  it('reports a settings path it cannot read without crashing', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{}');
    const blocked = path.join(dir, 'settings.json', 'below-a-file');
    const loaded = await new SettingsStore(blocked).load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problem?.kind).toBe('config');
    expect(loaded.problem?.message).toMatch(/Не удалось прочитать файл настроек/);
  });
});

describe('SettingsStore.save', () => {
  it('creates the folder and leaves exactly one file, no temp file', async () => {
    const nested = path.join(dir, 'a', 'b');
    await new SettingsStore(nested).save(shopSettings);
    expect(await readdir(nested)).toEqual(['settings.json']);
    expect(JSON.parse(await readFile(path.join(nested, 'settings.json'), 'utf8'))).toEqual(shopSettings);
  });

  it('never writes keys the Settings type does not have', async () => {
    const store = new SettingsStore(dir);
    const polluted = { ...shopSettings, shopSecret: 31337, rules: { ...shopSettings.rules, secret: 31337 } };
    await store.save(polluted);
    const text = await readFile(store.file, 'utf8');
    expect(text).not.toContain('31337');
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toEqual(shopSettings);
  });

  it('refuses invalid values with a Russian message and leaves the old file', async () => {
    const store = new SettingsStore(dir);
    await store.save(shopSettings);
    const saving = store.save({ ...shopSettings, kassa: -1 });
    await expect(saving).rejects.toBeInstanceOf(SettingsSaveError);
    await expect(saving).rejects.toMatchObject({ kind: 'input', message: textContaining('kassa') });
    expect((await store.load()).settings).toEqual(shopSettings);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('reports a folder it cannot write as a config error and leaves no temp file', async () => {
    await writeFile(path.join(dir, 'occupied'), 'a file where the folder should be');
    const saving = new SettingsStore(path.join(dir, 'occupied')).save(shopSettings);
    await expect(saving).rejects.toMatchObject({ kind: 'config', message: textContaining('Не удалось сохранить') });
    expect(await readdir(dir)).toEqual(['occupied']);
  });

  it('keeps the last of several overlapping saves', async () => {
    const store = new SettingsStore(dir);
    await Promise.all([1, 2, 3, 4, 5].map((kassa) => store.save({ ...shopSettings, kassa })));
    expect((await store.load()).settings.kassa).toBe(5);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});
