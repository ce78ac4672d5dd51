import { describe, expect, it } from 'vitest';
import { localIso } from './localTime';
import { hourlyBuckets, shiftReport } from './report';
import { operationView } from '../../test-support/journal/operationView';
import type { OperationView } from './types';

let counter = 0;

function op(hour: number, overrides: Partial<OperationView> = {}): OperationView {
  counter += 1;
  return operationView({
    id: `20250314-${String(hour).padStart(2, '0')}0000-k1-${counter.toString(16).padStart(6, '0')}`,
    at: localIso(new Date(2025, 2, 14, hour, 5).getTime()),
    client: 100,
    bonuses: 10,
    purchaseKopecks: 50_000,
    balanceBefore: 0,
    balanceAfter: null,
    ...overrides,
  });
}

describe('shiftReport', () => {
  it('counts applied accruals and redemptions, purchases once per checkout, unresolved and reversals apart', () => {
    const views = [
      op(9, { checkoutId: 'a', kind: 'redeem', bonuses: 30, purchaseKopecks: 100_000 }),
      op(9, { checkoutId: 'a', kind: 'accrue', bonuses: 14, purchaseKopecks: 100_000 }),
      op(10, { bonuses: 5, purchaseKopecks: 25_000 }),
      op(11, { status: 'refused' }),
      op(12, { status: 'unknown', unresolved: true }),
      op(13, { status: 'pending', unresolved: true }),
      op(14, { kind: 'accrue', bonuses: 30, purchaseKopecks: 0, by: 'manager', reverses: 'x' }),
      op(15, { kind: 'redeem', bonuses: 5, purchaseKopecks: 0, by: 'manager', reverses: 'y' }),
      op(16, { kassa: 2, bonuses: 99 }),
      { ...op(10), at: localIso(new Date(2025, 2, 15, 10).getTime()) },
    ];
    const report = shiftReport(views, '2025-03-14', 1);
    expect(report).toMatchObject({
      day: '2025-03-14',
      kassa: 1,
      accruals: { count: 2, bonuses: 19 },
      redemptions: { count: 1, bonuses: 30 },
      purchases: { count: 2, kopecks: 125_000 },
      refused: 1,
      unresolved: { count: 2 },
      reversals: { count: 2, accrued: 30, redeemed: 5 },
    });
    expect(shiftReport(views, '2025-03-14', null).accruals).toEqual({ count: 3, bonuses: 118 });
  });
});

describe('hourlyBuckets', () => {
  it('puts applied till operations into 24 local hours', () => {
    const buckets = hourlyBuckets([op(9), op(9, { kind: 'redeem', bonuses: 3 }), op(23, { bonuses: 7 }), op(9, { status: 'refused' })], '2025-03-14', null);
    expect(buckets).toHaveLength(24);
    expect(buckets[9]).toEqual({ hour: 9, accrued: { count: 1, bonuses: 10 }, redeemed: { count: 1, bonuses: 3 } });
    expect(buckets[23]?.accrued).toEqual({ count: 1, bonuses: 7 });
    expect(buckets[0]?.accrued).toEqual({ count: 0, bonuses: 0 });
  });
});
