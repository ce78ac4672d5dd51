import { BrowserWindow } from 'electron';
import type { WebContents } from 'electron';
import { denyWindowOpen, isNavigationAllowed, webPreferences } from './hardening';
import { loadFailurePage } from './loadFailure';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  devTools: boolean;
}

/** The one window of the till; its contents are guarded by main's `web-contents-created` hook, like any other. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Скидкабот Касса',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: webPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  window.once('ready-to-show', () => window.show());
  // A screen that failed to load would leave the window hidden and the cashier with nothing: show why.
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    const page = loadFailurePage({ errorCode, errorDescription, validatedURL, isMainFrame });
    if (page === null) return;
    window.loadURL(page).catch(() => undefined);
    window.show();
  });
  // A failed load is reported through did-fail-load above; the promise's rejection says nothing more.
  window.loadURL(options.entryUrl).catch(() => undefined);
  return window;
}

/** Applied to every WebContents the app ever creates, not only the window's. */
export function guardContents(contents: WebContents, appOrigin: string): void {
  contents.setWindowOpenHandler(denyWindowOpen);
  const stopForeign = (event: { url: string; preventDefault(): void }): void => {
    if (!isNavigationAllowed(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-frame-navigate', stopForeign);
  contents.on('will-redirect', stopForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** A second launch brings the running till to the front instead of opening another. */
export function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
