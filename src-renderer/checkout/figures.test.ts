import { describe, expect, it } from 'vitest';
import type { CustomerView } from '../../src-shared/ipc/views';
import { ruCustomer } from '../i18n/ruCustomer';
import { computeFigures, parseBonuses } from './figures';

const ivan: CustomerView = {
  client: 83532824,
  firstName: 'Иван',
  lastName: 'Петров',
  balance: 2365,
  rules: { source: 'server', pPlus: 2, pMinus: 10, accrueOnPaidPart: true },
};

describe('computeFigures', () => {
  it('quotes a purchase and previews the redemption with the accrual on the money-paid part', () => {
    const figures = computeFigures('1 200', null, ivan);
    expect(figures).toEqual({
      state: 'ok',
      purchaseKopecks: 120000,
      accrue: 24,
      maxRedeem: 120,
      redeem: { state: 'ok', bonuses: 120, toPayKopecks: 108000, accrue: 21 },
    });
    if (figures.state === 'ok' && figures.redeem.state === 'ok') {
      const { bonuses, toPayKopecks, accrue } = figures.redeem;
      expect(ruCustomer.customer.redeemPreview(bonuses, toPayKopecks, accrue).replace(/\s/g, ' ')).toBe('Спишем 120, к оплате 1 080 ₽, начислим 21');
    }
  });

  it('accrues on the whole purchase when the setting is off', () => {
    const figures = computeFigures('1200', '120', { ...ivan, rules: { ...ivan.rules, accrueOnPaidPart: false } });
    expect(figures.state === 'ok' && figures.redeem).toMatchObject({ state: 'ok', accrue: 24 });
  });

  it('follows the cashier’s redeem amount and explains a refusal', () => {
    const fewer = computeFigures('1200', '50', ivan);
    expect(fewer.state === 'ok' && fewer.redeem).toEqual({ state: 'ok', bonuses: 50, toPayKopecks: 115000, accrue: 23 });
    const tooMany = computeFigures('1200', '121', ivan);
    expect(tooMany.state === 'ok' && tooMany.redeem.state).toBe('refused');
    const words = computeFigures('1200', 'всё', ivan);
    expect(words.state === 'ok' && words.redeem.state).toBe('not-a-number');
  });

  it('caps the redemption at the balance', () => {
    const figures = computeFigures('100000', null, { ...ivan, balance: 150 });
    expect(figures).toMatchObject({ state: 'ok', maxRedeem: 150, redeem: { state: 'ok', bonuses: 150 } });
  });

  it('tells an empty field from nonsense', () => {
    expect(computeFigures('  ', null, ivan)).toEqual({ state: 'empty' });
    expect(computeFigures('сто', null, ivan).state).toBe('invalid');
    expect(computeFigures('-5', null, ivan).state).toBe('invalid');
  });
});

describe('parseBonuses', () => {
  it('reads whole numbers with group spaces only', () => {
    expect(parseBonuses('1 200')).toBe(1200);
    expect(parseBonuses('12')).toBe(12);
    for (const bad of ['', '1.5', '-1', '1e3', 'десять', '9'.repeat(16)]) expect(parseBonuses(bad)).toBeNull();
  });
});
