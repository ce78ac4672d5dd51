import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog, Menu, protocol, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { createAppCore } from '../app/createApp';
import type { AppCore } from '../app/createApp';
import type { cliMain } from '../cli/cliMain';
import { createKeytarSecretStore } from '../settings/secretStore';
import { lazyFeedOnlyUpdater } from '../update/lazyFeedOnlyUpdater';
import { lazyUpdater } from '../update/lazyUpdater';
import { applicationMenuTemplate } from './appMenu';
import { cliArguments } from './cliSwitch';
import { saveDialogTarget } from './exportDialog';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES } from './hardening';
import { readLaunchOptions } from './launchOptions';
import { electronNetwork } from './network';
import type { LaunchOptions } from './launchOptions';
import { forwardEvents, registerIpc } from './registerIpc';
import { nodeHidScannerHost } from './scannerHost';
import { createQuitGate } from './quitGate';
import { lockDownSession, serveRenderer } from './session';
import { createMainWindow, focus, guardContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
/** How long quitting waits for the journal and the scanner to close before it exits anyway. */
const CLOSE_TIMEOUT_MS = 5_000;

const cliWords = cliArguments(process.argv);
if (cliWords !== null) {
  runCommandLine(cliWords);
} else {
  const launch = readLaunchOptions({ argv: process.argv, env: process.env, isPackaged: app.isPackaged });
  if (launch.ok) {
    run(launch.value);
  } else {
    void app.whenReady().then(() => failToStart(launch.error.message));
  }
}

/**
 * `<app> --cli …`: the till's command line in the app's own Node, from the CLI bundle packed with it
 * (dist-cli/); no window, no single-instance lock, so it runs beside an open till.
 */
function runCommandLine(words: string[]): void {
  app.dock?.hide();
  const entry = pathToFileURL(path.join(app.getAppPath(), 'dist-cli', 'skidkabot-kassa.mjs')).href;
  (import(entry) as Promise<{ cliMain: typeof cliMain }>)
    .then((cli) => cli.cliMain(words))
    .then(
      (code) => app.exit(code),
      (error: unknown) => {
        process.stderr.write(`Командная строка не запустилась: ${error instanceof Error ? error.message : String(error)}\n`);
        app.exit(3);
      },
    );
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
  const menu = applicationMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform });
  Menu.setApplicationMenu(menu === null ? null : Menu.buildFromTemplate(menu));
  let window: BrowserWindow | null = null;
  let core: AppCore | null = null;

  app.on('second-instance', () => {
    if (window) focus(window);
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents, appOrigin));
  app.on('window-all-closed', () => app.quit());
  app.on(
    'will-quit',
    createQuitGate({
      close: async () => core?.close(),
      finish: () => app.quit(),
      timeoutMs: CLOSE_TIMEOUT_MS,
      onProblem: (message) => console.error(message),
    }),
  );

  const start = async (): Promise<void> => {
    serveRenderer(path.join(here, '..', 'dist', 'renderer'));
    lockDownSession(appOrigin, { filterRequests: options.devServerUrl === undefined, isCameraOpen: () => core?.isCameraOpen() ?? false });
    core = await createAppCore({
      dataDir: app.getPath('userData'),
      secretStore: createKeytarSecretStore(options.keychainService === undefined ? {} : { service: options.keychainService }),
      demo: options.demo,
      apiUrl: options.apiUrl,
      trustedOrigin: appOrigin,
      scanner: nodeHidScannerHost(),
      exportTarget: saveDialogTarget(() => window),
      network: electronNetwork(session.defaultSession),
      appVersion: app.getVersion(),
      // Only an installed app can replace itself; a development or demo run checks the feed without installing.
      updater:
        app.isPackaged && !options.demo
          ? lazyUpdater(true, async () => (await import('./updater')).createElectronUpdater())
          : lazyFeedOnlyUpdater(app.getVersion(), app.getPath('userData')),
    });
    registerIpc(core);
    if (options.e2eHook) exposeE2eHook(core);
    window = createMainWindow({
      preloadPath: path.join(here, 'preload.cjs'),
      entryUrl: options.devServerUrl ?? APP_ENTRY_URL,
      devTools: !app.isPackaged,
    });
    const stopEvents = forwardEvents(core, window.webContents);
    // A reloaded or crashed page never says it closed the camera: main stops granting it.
    window.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) core?.releaseCamera();
    });
    window.webContents.on('render-process-gone', () => core?.releaseCamera());
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
