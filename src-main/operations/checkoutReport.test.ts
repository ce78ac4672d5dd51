import { describe, expect, it } from 'vitest';
import { appError } from '../../src-shared/errors';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import type { CustomerBalance } from '../../src-shared/skidkabot/types';
import { checkoutReport } from './customerOperations';

const customer: CustomerBalance = { firstName: 'Иван', lastName: 'Петров', balance: 2365, pPlus: 2, pMinus: 10 };
const unknown = appError('outcome-unknown', 'Неизвестно, списаны ли бонусы (123).');

describe('checkoutReport', () => {
  it('stops at a redemption nobody can confirm: no amount to pay, no balance, its error', () => {
    const report = checkoutReport(
      83532824,
      123450,
      customer,
      [{ status: 'unknown', kind: 'redeem', bonuses: 123, balanceBefore: 2365, error: unknown }],
      DEFAULT_SETTINGS.rules,
    );
    expect(report.error).toEqual(unknown);
    expect(report.data).toMatchObject({ redeemed: 0, accrued: 0, balance: null, toPay: null });
    expect(report.lines.join('\n')).not.toContain('К оплате');
  });

  it('keeps what was done when the accrual after a redemption is refused', () => {
    const refused = appError('server', 'QR-код устарел.', 9);
    const report = checkoutReport(
      1,
      100000,
      customer,
      [
        { status: 'applied', kind: 'redeem', bonuses: 100, balance: 2265, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' },
        { status: 'refused', kind: 'accrue', bonuses: 18, error: refused },
      ],
      DEFAULT_SETTINGS.rules,
    );
    expect(report.error).toEqual(refused);
    expect(report.data).toMatchObject({ redeemed: 100, accrued: 0, toPay: null });
    expect(report.lines).toContain('Списано 100 бонусов. Баланс: 2 265 бонусов.');
    expect(report.lines).toContain('Не начислено 18 бонусов.');
  });

  it('says why nothing happened on a purchase too small for a bonus, and uses the shop’s own rules', () => {
    const rules = { source: 'shop' as const, pPlus: 1, pMinus: 0, accrueOnPaidPart: true };
    const report = checkoutReport(1, 5000, customer, [], rules);
    expect(report.error).toBeNull();
    expect(report.data).toMatchObject({ balance: 2365, toPay: '50.00', rules: { source: 'shop', pPlus: 1 } });
    expect(report.lines).toContain('Бонусы не начислены и не списаны: по правилам (1 % покупки) выходит 0.');
  });
});
