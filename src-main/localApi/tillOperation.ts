import type { OperationView } from '../../src-shared/journal/types';
import { rublesDecimal } from '../cli/format';
import type { TillOperation } from './schemas';

/** An operation of this till as a POS reads it on /v1/till/last and /v1/till/events. */
export function tillOperationOf(view: OperationView): TillOperation {
  return {
    id: view.id,
    at: view.at,
    kassa: view.kassa,
    client: view.client,
    kind: view.kind,
    bonuses: view.bonuses,
    purchase: view.purchaseKopecks > 0 ? rublesDecimal(view.purchaseKopecks) : null,
    checkoutId: view.checkoutId,
    by: view.by,
    status: view.status,
    balance: view.balanceAfter,
    reverses: view.reverses,
  };
}
