import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, protocol } from 'electron';
import type { BrowserWindow } from 'electron';
import { createAppCore } from '../app/createApp';
import type { AppCore } from '../app/createApp';
import { createKeytarSecretStore } from '../settings/secretStore';
import { saveDialogTarget } from './exportDialog';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES } from './hardening';
import { readLaunchOptions } from './launchOptions';
import type { LaunchOptions } from './launchOptions';
import { forwardEvents, registerIpc } from './registerIpc';
import { nodeHidScannerHost } from './scannerHost';
import { lockDownSession, serveRenderer } from './session';
import { createMainWindow, focus, guardContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));

const launch = readLaunchOptions({ argv: process.argv, env: process.env, isPackaged: app.isPackaged });
if (launch.ok) {
  run(launch.value);
} else {
  void app.whenReady().then(() => failToStart(launch.error.message));
}

function run(options: LaunchOptions): void {
  // Before the lock: Electron keys the single-instance lock to userData, so a test run in its own
  // folder neither blocks nor is blocked by the till's real app.
  if (options.dataDir !== undefined) app.setPath('userData', options.dataDir);
  // Two tills on one PC would fight over the scanner and the settings: the second launch focuses the first.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const appOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : APP_ORIGIN;
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  let window: BrowserWindow | null = null;
  let core: AppCore | null = null;

  app.on('second-instance', () => {
    if (window) focus(window);
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents, appOrigin));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void core?.close();
  });

  const start = async (): Promise<void> => {
    serveRenderer(path.join(here, '..', 'dist', 'renderer'));
    lockDownSession(appOrigin, { filterRequests: options.devServerUrl === undefined });
    core = await createAppCore({
      dataDir: app.getPath('userData'),
      secretStore: createKeytarSecretStore(options.keychainService === undefined ? {} : { service: options.keychainService }),
      demo: options.demo,
      apiUrl: options.apiUrl,
      trustedOrigin: appOrigin,
      scanner: nodeHidScannerHost(),
      exportTarget: saveDialogTarget(() => window),
    });
    registerIpc(core);
    if (options.e2eHook) exposeE2eHook(core);
    window = createMainWindow({
      preloadPath: path.join(here, 'preload.cjs'),
      entryUrl: options.devServerUrl ?? APP_ENTRY_URL,
      devTools: !app.isPackaged,
    });
    const stopEvents = forwardEvents(core, window.webContents);
    window.on('closed', () => {
      stopEvents();
      window = null;
    });
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failToStart(error instanceof Error ? error.message : String(error)));
}

/** Without this the till would start with no window and no word of why. */
function failToStart(reason: string): void {
  dialog.showErrorBox('Скидкабот Касса', `Программа не запустилась: ${reason}\nПозовите менеджера или техника.`);
  app.quit();
}

/** What e2e/harness.ts reaches through Playwright's `app.evaluate`: a scan delivered as a scanner's would be, and whether main is busy. */
function exposeE2eHook(core: AppCore): void {
  Object.assign(globalThis, { skidkabotE2E: { deliverScan: (text: string) => core.deliverScan(text), inFlight: () => core.inFlight() } });
}
