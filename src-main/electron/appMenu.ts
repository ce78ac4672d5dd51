import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. A packaged till has none on Windows and Linux: no Ctrl+R reload in the middle
 * of an operation, no dev tools, nothing a cashier can stray into (Chromium still handles copy and
 * paste in text fields there). macOS needs its app and Edit menus for Quit and the clipboard keys.
 * An unpackaged build keeps reload and the dev tools for development. null means "no menu".
 */
export function applicationMenuTemplate(options: { isPackaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] | null {
  const development: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ label: 'Разработка', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] }];
  if (options.platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, ...development];
  return development.length === 0 ? null : development;
}
