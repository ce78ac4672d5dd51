import { describe, expect, it } from 'vitest';
import { ENTER, TAB, US_KEYS, isScanTerminator, usCharForCode, usCharForUsage, usKeyForChar } from './usLayout';

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

describe('US keyboard table', () => {
  it('types every printable ASCII character with exactly one key and Shift state, by usage and by code', () => {
    for (const char of PRINTABLE_ASCII) {
      const found = usKeyForChar(char);
      expect(found, char).toBeDefined();
      if (!found) continue;
      expect(usCharForUsage(found.key.usage, found.shift)).toBe(char);
      expect(usCharForCode(found.key.code, found.shift)).toBe(char);
    }
  });

  // The rows of shared/scanners.md, HID usages left to right, unshifted and shifted.
  it.each([
    [[0x35, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2d, 0x2e], '`1234567890-=', '~!@#$%^&*()_+'],
    [[0x14, 0x1a, 0x08, 0x15, 0x17, 0x1c, 0x18, 0x0c, 0x12, 0x13, 0x2f, 0x30, 0x31], 'qwertyuiop[]\\', 'QWERTYUIOP{}|'],
    [[0x04, 0x16, 0x07, 0x09, 0x0a, 0x0b, 0x0d, 0x0e, 0x0f, 0x33, 0x34], "asdfghjkl;'", 'ASDFGHJKL:"'],
    [[0x1d, 0x1b, 0x06, 0x19, 0x05, 0x11, 0x10, 0x36, 0x37, 0x38], 'zxcvbnm,./', 'ZXCVBNM<>?'],
  ])('matches the verified key map row %#', (usages, plain, shifted) => {
    expect(usages.map((u) => usCharForUsage(u, false)).join('')).toBe(plain);
    expect(usages.map((u) => usCharForUsage(u, true)).join('')).toBe(shifted);
  });

  it('reads KeyboardEvent.code names the browser uses', () => {
    expect(usCharForCode('KeyQ', false)).toBe('q');
    expect(usCharForCode('KeyQ', true)).toBe('Q');
    expect(usCharForCode('Digit1', true)).toBe('!');
    expect(usCharForCode('BracketLeft', true)).toBe('{');
    expect(usCharForCode('Quote', true)).toBe('"');
    expect(usCharForCode('Semicolon', true)).toBe(':');
    expect(usCharForCode('Space', false)).toBe(' ');
    expect(usCharForCode('Numpad7', true)).toBe('7');
    expect(usCharForCode('NumpadEnter', false)).toBe(ENTER);
    expect(usCharForCode('Tab', false)).toBe(TAB);
    expect(usCharForCode('ArrowLeft', false)).toBeUndefined();
    expect(usCharForCode('IntlRo', false)).toBeUndefined();
  });

  it('reads usage 0x32 (Non-US #) as the backslash key and ignores keys that type nothing', () => {
    expect(usCharForUsage(0x32, false)).toBe('\\');
    expect(usCharForUsage(0x32, true)).toBe('|');
    expect(usCharForUsage(0x3a, false)).toBeUndefined(); // F1
    expect(usCharForUsage(0x00, false)).toBeUndefined();
  });

  it('gives each usage and each code one key', () => {
    expect(new Set(US_KEYS.map((k) => k.usage)).size).toBe(US_KEYS.length);
    expect(new Set(US_KEYS.map((k) => k.code)).size).toBe(US_KEYS.length);
  });

  it('treats Enter, LF and Tab as the end of a scan, and nothing else', () => {
    expect([ENTER, '\n', TAB].every(isScanTerminator)).toBe(true);
    expect(PRINTABLE_ASCII.some(isScanTerminator)).toBe(false);
  });
});
