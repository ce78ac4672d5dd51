import { describe, expect, it } from 'vitest';
import { appError } from '../../src-shared/errors';
import { bonuses, outcomeJson, outcomeLine, rubles, rublesDecimal } from './format';

describe('CLI text', () => {
  it.each([
    [0, '0 бонусов'],
    [1, '1 бонус'],
    [2, '2 бонуса'],
    [5, '5 бонусов'],
    [11, '11 бонусов'],
    [14, '14 бонусов'],
    [21, '21 бонус'],
    [104, '104 бонуса'],
    [2365, '2 365 бонусов'],
    [1_000_001, '1 000 001 бонус'],
  ])('says %i as «%s»', (n, text) => {
    expect(bonuses(n)).toBe(text);
  });

  it('writes rubles as a receipt does, and as a decimal for JSON', () => {
    expect(rubles(123450)).toBe('1 234,50 ₽');
    expect(rubles(100000)).toBe('1 000 ₽');
    expect(rubles(5)).toBe('0,05 ₽');
    expect(rublesDecimal(123450)).toBe('1234.50');
    expect(rublesDecimal(5)).toBe('0.05');
  });

  it('describes every outcome', () => {
    const error = appError('outcome-unknown', 'неизвестно');
    expect(
      outcomeLine({ status: 'applied', kind: 'accrue', bonuses: 21, balance: 2386, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' }),
    ).toBe('Начислено 21 бонус. Баланс: 2 386 бонусов.');
    expect(
      outcomeLine({ status: 'applied', kind: 'redeem', bonuses: 3, balance: 7, firstName: '', lastName: '', confirmedBy: 'balance-check' }),
    ).toBe('Списано 3 бонуса (ответ сервера потерялся, проведение подтверждено по балансу). Баланс: 7 бонусов.');
    expect(outcomeLine({ status: 'refused', kind: 'redeem', bonuses: 5, error })).toBe('Не списано 5 бонусов.');
    expect(outcomeLine({ status: 'not-applied', kind: 'accrue', bonuses: 5, balance: 10, error })).toBe(
      'Не начислено 5 бонусов: ответ потерялся, баланс не изменился (10 бонусов).',
    );
    expect(outcomeLine({ status: 'unknown', kind: 'redeem', bonuses: 5, balanceBefore: 10, error })).toBe(
      '5 бонусов: неизвестно, списаны ли они.',
    );
    expect(outcomeJson({ status: 'unknown', kind: 'redeem', bonuses: 5, balanceBefore: 10, balanceAfter: 12, error })).toEqual({
      operation: 'redeem',
      status: 'unknown',
      bonuses: 5,
      balanceBefore: 10,
      balanceAfter: 12,
    });
  });
});
