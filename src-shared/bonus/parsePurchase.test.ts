import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRubles } from '../format/numbers';
import { parsePurchase, PURCHASE_MESSAGES } from './parsePurchase';

describe('parsePurchase accepts', () => {
  it.each([
    ['1234', 1_234_00],
    ['1234.5', 1_234_50],
    ['1234,5', 1_234_50],
    ['1 234,50', 1_234_50],
    ['1\u00a0234,50', 1_234_50],
    ['1\u2009234,50', 1_234_50],
    ['1\u202f234\u202f567,01', 1_234_567_01],
    ['9 345 678', 9_345_678_00],
    ['0,01', 1],
    ['0.5', 50],
    ['007', 7_00],
    ['  99,90 \n', 99_90],
    ['1 234 руб', 1_234_00],
    ['1 234 руб.', 1_234_00],
    ['1234р', 1_234_00],
    ['1234,50 ₽', 1_234_50],
    ['10 000 000', 10_000_000_00],
    ['10000000,00', 10_000_000_00],
  ])('%j', (text, kopecks) => {
    expect(parsePurchase(text)).toEqual({ ok: true, value: kopecks });
  });
});

describe('parsePurchase rejects', () => {
  it.each([
    ['', PURCHASE_MESSAGES.empty],
    ['   ', PURCHASE_MESSAGES.empty],
    ['abc', PURCHASE_MESSAGES.nonsense],
    ['12a', PURCHASE_MESSAGES.nonsense],
    ['1,234.50', PURCHASE_MESSAGES.nonsense],
    ['1.2.3', PURCHASE_MESSAGES.nonsense],
    ['12 34', PURCHASE_MESSAGES.nonsense],
    ['1234,', PURCHASE_MESSAGES.nonsense],
    [',50', PURCHASE_MESSAGES.nonsense],
    ['1e5', PURCHASE_MESSAGES.nonsense],
    ['Infinity', PURCHASE_MESSAGES.nonsense],
    ['0x10', PURCHASE_MESSAGES.nonsense],
    ['1'.repeat(100), PURCHASE_MESSAGES.nonsense],
    ['-5', PURCHASE_MESSAGES.negative],
    ['−1 234,50', PURCHASE_MESSAGES.negative],
    ['0', PURCHASE_MESSAGES.zero],
    ['0,00', PURCHASE_MESSAGES.zero],
    ['12,345', PURCHASE_MESSAGES.tooManyDecimals],
    ['1.001', PURCHASE_MESSAGES.tooManyDecimals],
    ['10 000 000,01', PURCHASE_MESSAGES.tooLarge],
    ['99999999999999999999999', PURCHASE_MESSAGES.tooLarge],
  ])('%j', (text, message) => {
    expect(parsePurchase(text)).toMatchObject({ ok: false, error: { kind: 'input', message } });
  });

  it('gives every reason its own message', () => {
    const messages = Object.values(PURCHASE_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe('parsePurchase', () => {
  it('reads back any total written with a comma and grouped thousands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_00 }), (kopecks) => {
        const text = formatRubles(kopecks, { group: '\u00a0', decimal: ',' }, { alwaysKopecks: true });
        expect(parsePurchase(text)).toEqual({ ok: true, value: kopecks });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and only returns positive whole kopecks within the cap', () => {
    fc.assert(
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: an alphabet of single characters
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 ,.-руб₽\u00a0e'), maxLength: 30 }), (text) => {
        const result = parsePurchase(text);
        if (result.ok) {
          expect(Number.isSafeInteger(result.value) && result.value > 0 && result.value <= 10_000_000_00).toBe(true);
        } else {
          expect(result.error.kind).toBe('input');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
