import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from './appMenu';

function roles(items: readonly MenuItemConstructorOptions[] | null): string[] {
  return (items ?? []).flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('applicationMenuTemplate', () => {
  it('gives a packaged till on Windows and Linux no menu at all', () => {
    expect(applicationMenuTemplate({ isPackaged: true, platform: 'win32' })).toBeNull();
    expect(applicationMenuTemplate({ isPackaged: true, platform: 'linux' })).toBeNull();
  });

  it('keeps macOS its app and Edit menus, without reload or dev tools when packaged', () => {
    expect(roles(applicationMenuTemplate({ isPackaged: true, platform: 'darwin' }))).toEqual(['appMenu', 'editMenu']);
  });

  it('offers reload and the dev tools to an unpackaged build only', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(roles(applicationMenuTemplate({ isPackaged: false, platform }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
      expect(roles(applicationMenuTemplate({ isPackaged: true, platform }))).not.toEqual(expect.arrayContaining(['reload']));
      expect(roles(applicationMenuTemplate({ isPackaged: true, platform }))).not.toEqual(expect.arrayContaining(['toggleDevTools']));
    }
  });
});
