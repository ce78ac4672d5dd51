import { describe, expect, it } from 'vitest';
import { defaultDataDir, PRODUCT_NAME } from './dataDir';

describe('defaultDataDir', () => {
  it('follows XDG_CONFIG_HOME on Linux, as Electron does', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/conf' }, 'linux', '/home/anna')).toBe(`/srv/conf/${PRODUCT_NAME}`);
  });

  it('falls back to ~/.config on Linux', () => {
    expect(defaultDataDir({}, 'linux', '/home/anna')).toBe('/home/anna/.config/Скидкабот Касса');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, 'win32', 'C:\\Users\\anna')).toBe(
      'C:\\Users\\anna\\AppData\\Roaming\\Скидкабот Касса',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\anna')).toBe('C:\\Users\\anna\\AppData\\Roaming\\Скидкабот Касса');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/anna')).toBe('/Users/anna/Library/Application Support/Скидкабот Касса');
  });

  it('lets SKIDKABOT_DATA_DIR override every platform', () => {
    expect(defaultDataDir({ SKIDKABOT_DATA_DIR: '/tmp/kassa', XDG_CONFIG_HOME: '/srv/conf' }, 'linux', '/home/anna')).toBe(
      '/tmp/kassa',
    );
  });
});
