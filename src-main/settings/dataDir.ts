import os from 'node:os';
import path from 'node:path';

/** package.json `productName`: Electron names the app's data folder after it. */
export const PRODUCT_NAME = 'Скидкабот Касса';

/**
 * The folder Electron's `app.getPath('userData')` gives the app, computed without Electron so the
 * CLI and the app read the same settings. `SKIDKABOT_DATA_DIR` overrides it (tests, integrators).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = dataDirOverride(env);
  if (override) return override;
  // Paths for another platform are built with that platform's separators, so the rule is testable anywhere.
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  }
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

/** `SKIDKABOT_DATA_DIR` as an absolute path; undefined when it is not set. */
export function dataDirOverride(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.SKIDKABOT_DATA_DIR;
  return override ? path.resolve(override) : undefined;
}
