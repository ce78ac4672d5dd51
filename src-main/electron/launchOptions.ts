import { codedError, type Result } from '../../src-shared/errors';
import { dataDirOverride } from '../settings/dataDir';
import { readApiUrlOverride } from '../settings/resolveConfig';

/** What the command line and the environment ask of one run of the app. */
export interface LaunchOptions {
  /** `--demo`: the built-in simulator and its demo shop; nothing is saved. */
  demo: boolean;
  /** SKIDKABOT_DATA_DIR: replaces Electron's userData folder (settings, journal, Chromium's profile, the single-instance lock). */
  dataDir: string | undefined;
  /** SKIDKABOT_API_URL: the server in place of the one in the settings. */
  apiUrl: string | undefined;
  /** SKIDKABOT_KEYCHAIN_SERVICE: the keychain entry for the shop secret, so a test run never touches the till's real one. */
  keychainService: string | undefined;
  /** VITE_DEV_SERVER_URL, honoured only by an unpacked development build. */
  devServerUrl: string | undefined;
  /** SKIDKABOT_E2E=1 on an unpacked build: main exposes `globalThis.skidkabotE2E` for Playwright to deliver scans. */
  e2eHook: boolean;
}

export interface LaunchContext {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Electron's `app.isPackaged`: a packaged till ignores the development-only variables. */
  isPackaged: boolean;
}

/** Reads the run's options; a malformed value stops the start with a message rather than being ignored. */
export function readLaunchOptions({ argv, env, isPackaged }: LaunchContext): Result<LaunchOptions> {
  const apiUrl = readApiUrlOverride(env);
  if (!apiUrl.ok) return apiUrl;
  const devServerUrl = isPackaged ? undefined : env['VITE_DEV_SERVER_URL'] || undefined;
  if (devServerUrl !== undefined && !URL.canParse(devServerUrl)) {
    return { ok: false, error: codedError('config', 'cli.devServerUrl', { value: devServerUrl }) };
  }
  return {
    ok: true,
    value: {
      demo: argv.includes('--demo'),
      dataDir: dataDirOverride(env),
      apiUrl: apiUrl.value,
      keychainService: env['SKIDKABOT_KEYCHAIN_SERVICE']?.trim() || undefined,
      devServerUrl,
      e2eHook: !isPackaged && env['SKIDKABOT_E2E'] === '1',
    },
  };
}
