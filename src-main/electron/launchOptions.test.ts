import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLaunchOptions, type LaunchContext } from './launchOptions';

const unpacked = (env: NodeJS.ProcessEnv, argv: string[] = ['electron', 'main.js']): LaunchContext => ({ argv, env, isPackaged: false });

describe('readLaunchOptions', () => {
  it('asks nothing special of a plain start', () => {
    expect(readLaunchOptions({ argv: ['kassa'], env: {}, isPackaged: true })).toEqual({
      ok: true,
      value: { demo: false, dataDir: undefined, apiUrl: undefined, keychainService: undefined, devServerUrl: undefined, e2eHook: false },
    });
  });

  it('reads what e2e/harness.ts sets for an Electron run', () => {
    const options = readLaunchOptions(
      unpacked(
        {
          SKIDKABOT_E2E: '1',
          SKIDKABOT_DATA_DIR: '/tmp/kassa-e2e',
          SKIDKABOT_KEYCHAIN_SERVICE: 'Skidkabot Kassa test 42',
          SKIDKABOT_API_URL: 'http://127.0.0.1:41234',
        },
        ['electron', 'dist-electron/main.js', '--demo'],
      ),
    );
    expect(options).toEqual({
      ok: true,
      value: {
        demo: true,
        dataDir: path.resolve('/tmp/kassa-e2e'),
        apiUrl: 'http://127.0.0.1:41234',
        keychainService: 'Skidkabot Kassa test 42',
        devServerUrl: undefined,
        e2eHook: true,
      },
    });
  });

  it('makes a relative data folder absolute', () => {
    const options = readLaunchOptions(unpacked({ SKIDKABOT_DATA_DIR: 'kassa-data' }));
    expect(options.ok && options.value.dataDir).toBe(path.resolve('kassa-data'));
  });

  it('treats empty variables as not set', () => {
    const options = readLaunchOptions(unpacked({ SKIDKABOT_DATA_DIR: '', SKIDKABOT_API_URL: '', SKIDKABOT_KEYCHAIN_SERVICE: '  ', VITE_DEV_SERVER_URL: '' }));
    expect(options.ok && options.value).toMatchObject({ dataDir: undefined, apiUrl: undefined, keychainService: undefined, devServerUrl: undefined });
  });

  it('refuses a server address that is not one, in words a technician can fix', () => {
    const options = readLaunchOptions(unpacked({ SKIDKABOT_API_URL: 'skidkabot.ru' }));
    expect(options.ok).toBe(false);
    if (!options.ok) {
      expect(options.error.kind).toBe('config');
      expect(options.error.message).toContain('SKIDKABOT_API_URL');
    }
  });

  it('keeps the test hook and the dev server away from a packaged till', () => {
    const env = { SKIDKABOT_E2E: '1', VITE_DEV_SERVER_URL: 'http://localhost:5173' };
    expect(readLaunchOptions({ argv: [], env, isPackaged: true })).toMatchObject({ ok: true, value: { e2eHook: false, devServerUrl: undefined } });
    expect(readLaunchOptions(unpacked(env))).toMatchObject({ ok: true, value: { e2eHook: true, devServerUrl: 'http://localhost:5173' } });
  });

  it('exposes the hook only for SKIDKABOT_E2E=1 exactly', () => {
    for (const value of ['0', 'true', 'yes', '']) {
      expect(readLaunchOptions(unpacked({ SKIDKABOT_E2E: value }))).toMatchObject({ ok: true, value: { e2eHook: false } });
    }
  });

  it('refuses a dev server address that cannot be parsed', () => {
    expect(readLaunchOptions(unpacked({ VITE_DEV_SERVER_URL: 'localhost 5173' })).ok).toBe(false);
  });
});
