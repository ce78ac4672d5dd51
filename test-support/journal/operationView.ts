import type { OperationView } from '../../src-shared/journal/types';

/** An applied accrual at 2025-03-14 10:00 local time, changed where a test needs it. */
export function operationView(overrides: Partial<OperationView> = {}): OperationView {
  return {
    id: '20250314-100000-k1-000001',
    at: '2025-03-14T10:00:00.000+03:00',
    kassa: 1,
    shop: 4,
    client: 83532824,
    kind: 'accrue',
    bonuses: 40,
    purchaseKopecks: 200_000,
    balanceBefore: 100,
    checkoutId: null,
    by: 'cashier',
    reverses: null,
    reason: null,
    outcome: null,
    resolutions: [],
    reversedBy: [],
    status: 'applied',
    unresolved: false,
    reversed: false,
    balanceAfter: 140,
    ...overrides,
  };
}
