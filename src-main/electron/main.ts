import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, protocol } from 'electron';
import type { BrowserWindow } from 'electron';
import { createAppCore } from '../app/createApp';
import type { AppCore } from '../app/createApp';
import { createKeytarSecretStore } from '../settings/secretStore';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES } from './hardening';
import { forwardEvents, registerIpc } from './registerIpc';
import { lockDownSession, serveRenderer } from './session';
import { createMainWindow, focus, guardContents } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const demo = process.argv.includes('--demo');
// Only an unpacked development build may load Vite's dev server; a packaged till ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env['VITE_DEV_SERVER_URL'];
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;

// Two tills on one PC would fight over the scanner and the settings: the second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
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
    lockDownSession(appOrigin, { filterRequests: devServerUrl === undefined });
    core = await createAppCore({
      dataDir: app.getPath('userData'),
      secretStore: createKeytarSecretStore(),
      demo,
      apiUrl: process.env['SKIDKABOT_API_URL'] || undefined,
      trustedOrigin: appOrigin,
    });
    registerIpc(core);
    window = createMainWindow({
      preloadPath: path.join(here, 'preload.cjs'),
      entryUrl: devServerUrl ?? APP_ENTRY_URL,
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
    .catch((error: unknown) => {
      // Without this the till would start with no window and no word of why.
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Скидкабот Касса', `Программа не запустилась: ${reason}\nПозовите менеджера или техника.`);
      app.quit();
    });
}
