import { describe, expect, it } from 'vitest';
import { appError } from '../../src-shared/errors';
import type { OperationOutcome } from '../../src-shared/skidkabot/types';
import { balanceAfter, hasUnknownOutcome } from './outcomeSummary';

const applied = (kind: 'accrue' | 'redeem', bonuses: number, balance: number): OperationOutcome => ({
  status: 'applied',
  kind,
  bonuses,
  balance,
  firstName: 'Иван',
  lastName: 'Петров',
  confirmedBy: 'answer',
});
const lost = appError('outcome-unknown', 'Ответ потерян');

describe('balanceAfter', () => {
  it('takes the last reported balance: redemption, then the accrual on the paid part', () => {
    expect(balanceAfter([applied('redeem', 120, 2245), applied('accrue', 21, 2266)])).toBe(2266);
  });

  it('keeps the redemption balance when the accrual after it was refused', () => {
    const refused: OperationOutcome = { status: 'refused', kind: 'accrue', bonuses: 21, error: appError('server', 'Нет', 13) };
    expect(balanceAfter([applied('redeem', 120, 2245), refused])).toBe(2245);
  });

  it('reports the re-checked balance of an unknown outcome, or nothing when the re-check failed', () => {
    const checked: OperationOutcome = { status: 'unknown', kind: 'accrue', bonuses: 5, balanceBefore: 100, balanceAfter: 103, error: lost };
    const unchecked: OperationOutcome = { status: 'unknown', kind: 'accrue', bonuses: 5, balanceBefore: 100, error: lost };
    expect(balanceAfter([checked])).toBe(103);
    expect(balanceAfter([applied('redeem', 10, 90), unchecked])).toBeNull();
  });

  it('has nothing to report when no operation answered', () => {
    expect(balanceAfter([])).toBeNull();
  });
});

describe('hasUnknownOutcome', () => {
  it('finds an unknown outcome among applied ones', () => {
    const unknown: OperationOutcome = { status: 'unknown', kind: 'redeem', bonuses: 5, balanceBefore: 100, error: lost };
    expect(hasUnknownOutcome([applied('accrue', 1, 2)])).toBe(false);
    expect(hasUnknownOutcome([applied('accrue', 1, 2), unknown])).toBe(true);
  });
});
