import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInteger, formatRubles, type DigitStyle } from './numbers';

const SCREEN_RU: DigitStyle = { group: '\u00a0', decimal: ',' };
const TERMINAL: DigitStyle = { group: ' ', decimal: ',' };
const SCREEN_EN: DigitStyle = { group: ',', decimal: '.' };
const JSON_STYLE: DigitStyle = { group: '', decimal: '.' };

describe('formatInteger', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1 000'],
    [2365, '2 365'],
    [1_000_001, '1 000 001'],
    [-1_234_567, '-1 234 567'],
    [12.6, '13'],
  ])('%d → «%s»', (n, text) => {
    expect(formatInteger(n, TERMINAL)).toBe(text);
  });

  it('groups with the style’s separator', () => {
    expect(formatInteger(12345, SCREEN_RU)).toBe('12\u00a0345');
    expect(formatInteger(12345, SCREEN_EN)).toBe('12,345');
    expect(formatInteger(12345, JSON_STYLE)).toBe('12345');
  });

  it('writes what Intl writes for Russian, on any whole number', () => {
    const intl = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (n) => {
        expect(formatInteger(n, SCREEN_RU)).toBe(intl.format(n));
      }),
    );
  });
});

describe('formatRubles', () => {
  it('shows kopecks only when there are any, as a receipt does', () => {
    expect(formatRubles(123450, TERMINAL)).toBe('1 234,50');
    expect(formatRubles(100000, TERMINAL)).toBe('1 000');
    expect(formatRubles(5, TERMINAL)).toBe('0,05');
    expect(formatRubles(0, TERMINAL)).toBe('0');
  });

  it('always shows kopecks for files read by programs', () => {
    expect(formatRubles(123450, JSON_STYLE, { alwaysKopecks: true })).toBe('1234.50');
    expect(formatRubles(5, JSON_STYLE, { alwaysKopecks: true })).toBe('0.05');
    expect(formatRubles(100000, { group: '', decimal: ',' }, { alwaysKopecks: true })).toBe('1000,00');
  });

  it('puts the sign before the whole amount', () => {
    expect(formatRubles(-150, TERMINAL)).toBe('-1,50');
    expect(formatRubles(-123456, { group: '', decimal: ',' }, { alwaysKopecks: true })).toBe('-1234,56');
  });

  it.each([
    ['ru-RU', SCREEN_RU],
    ['en-GB', SCREEN_EN],
  ] as const)('writes what Intl writes for %s', (locale, style) => {
    const withKopecks = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (kopecks) => {
        const expected = kopecks % 100 === 0 ? whole.format(kopecks / 100) : withKopecks.format(kopecks / 100);
        expect(formatRubles(kopecks, style)).toBe(expected);
      }),
    );
  });
});
