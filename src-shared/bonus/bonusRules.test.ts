import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BonusRuleSettings } from '../settings/settings';
import { accrualFor, checkRedeem, effectiveRules, quote, type BonusRules } from './bonusRules';

const rules = (pPlus: number, pMinus: number, accrueOnPaidPart = true): BonusRules => ({ pPlus, pMinus, accrueOnPaidPart });

describe('effectiveRules', () => {
  const shop: BonusRuleSettings = { source: 'shop', pPlus: 5, pMinus: 30, accrueOnPaidPart: false };

  it('keeps the shop’s own percentages', () => {
    expect(effectiveRules(shop, { pPlus: 2, pMinus: 10 })).toEqual(shop);
  });

  it('takes the server’s percentages and keeps the shop’s accrual setting', () => {
    expect(effectiveRules({ ...shop, source: 'server' }, { pPlus: 2, pMinus: 10 })).toEqual({
      source: 'server',
      pPlus: 2,
      pMinus: 10,
      accrueOnPaidPart: false,
    });
  });
});

describe('quote', () => {
  it.each([
    ['3% of 100.00 is exactly 3', 100_00, 3, 3],
    ['2% of 1 234.50 rounds down to 24', 1_234_50, 2, 24],
    ['2.5% of 1 000.00 is 25', 1_000_00, 2.5, 25],
    ['2.5% of 39.99 rounds down to 0', 39_99, 2.5, 0],
    ['2.5% of 40.00 is 1', 40_00, 2.5, 1],
    ['0.1% of 3 000.00 is 3', 3_000_00, 0.1, 3],
    ['57% of 100.00 is 57 (in floats 100 * 0.57 = 56.99999999999999)', 100_00, 57, 57],
    ['7% of 100.00 is 7', 100_00, 7, 7],
    ['33.33% of 300.00 is 99', 300_00, 33.33, 99],
    ['0% gives nothing', 1_000_000_00, 0, 0],
    ['1% of 99.99 rounds down to 0', 99_99, 1, 0],
    ['a zero purchase gives nothing', 0, 10, 0],
  ])('accrues %s', (_name, purchase, pPlus, expected) => {
    expect(quote(purchase, 0, rules(pPlus, 0)).accrue).toBe(expected);
  });

  it('caps redemption at p_minus % of the purchase', () => {
    expect(quote(1_000_00, 2365, rules(2, 10)).maxRedeem).toBe(100);
  });

  it('rounds the redemption cap down', () => {
    expect(quote(1_234_50, 2365, rules(2, 10)).maxRedeem).toBe(123);
  });

  it('caps redemption at the balance', () => {
    expect(quote(1_000_00, 42, rules(2, 10)).maxRedeem).toBe(42);
  });

  it('gives no redemption with a zero balance', () => {
    expect(quote(1_000_00, 0, rules(2, 10))).toEqual({ accrue: 20, maxRedeem: 0 });
  });

  it('never goes negative with a negative balance', () => {
    expect(quote(1_000_00, -15, rules(2, 10)).maxRedeem).toBe(0);
  });

  it('gives no redemption with p_minus at 0', () => {
    expect(quote(1_000_00, 500, rules(2, 0)).maxRedeem).toBe(0);
  });

  it('never redeems more than the whole rubles of the purchase', () => {
    expect(quote(99_99, 5000, rules(0, 100)).maxRedeem).toBe(99);
  });

  it('treats broken percentages as zero rather than invent bonuses', () => {
    expect(quote(1_000_00, 500, rules(Number.NaN, -5))).toEqual({ accrue: 0, maxRedeem: 0 });
  });

  it('matches exact rational arithmetic for any purchase and two-decimal percentage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (kopecks, basisPoints) => {
        const exact = Number((BigInt(kopecks) * BigInt(basisPoints)) / 1_000_000n);
        expect(quote(kopecks, 0, rules(basisPoints / 100, 0)).accrue).toBe(exact);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('accrualFor', () => {
  it('accrues on the whole purchase when nothing is redeemed', () => {
    expect(accrualFor(1_000_00, 0, rules(2, 10))).toBe(20);
  });

  it('accrues on the part paid with money', () => {
    expect(accrualFor(1_000_00, 100, rules(2, 10))).toBe(18);
  });

  it('rounds the remainder’s accrual down', () => {
    expect(accrualFor(1_234_50, 123, rules(2, 10))).toBe(22);
  });

  it('accrues on the whole purchase when the setting is off', () => {
    expect(accrualFor(1_000_00, 100, rules(2, 10, false))).toBe(20);
  });

  it('accrues nothing when bonuses pay everything', () => {
    expect(accrualFor(100_00, 100, rules(5, 100))).toBe(0);
  });

  it('never accrues on a negative remainder', () => {
    expect(accrualFor(50_00, 80, rules(5, 100))).toBe(0);
  });

  it('accrues with fractional percentages on the remainder', () => {
    expect(accrualFor(1_000_00, 200, rules(2.5, 20))).toBe(20);
  });
});

describe('checkRedeem', () => {
  const r = rules(2, 10);

  it.each([1, 50, 100])('accepts %i of at most 100', (bonuses) => {
    expect(checkRedeem(bonuses, 1_000_00, 2365, r)).toBeNull();
  });

  it.each([0, -1, 101, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s, naming the maximum', (bonuses) => {
    const error = checkRedeem(bonuses, 1_000_00, 2365, r);
    expect(error?.kind).toBe('input');
    expect(error?.message).toContain('до 100 бонусов');
  });

  it('uses the genitive singular after 21', () => {
    expect(checkRedeem(22, 1_000_00, 21, r)?.message).toContain('до 21 бонуса');
  });

  it('says redemption is impossible when the maximum is zero', () => {
    const error = checkRedeem(1, 1_000_00, 0, r);
    expect(error?.kind).toBe('input');
    expect(error?.message).toContain('максимум 0');
  });
});
