import { accrualFor } from '../../src-shared/bonus/bonusRules';
import type { AppError } from '../../src-shared/errors';
import type { OperationView } from '../../src-shared/journal/types';
import type { BlockedOperation } from '../../src-shared/ipc/views';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import type { CustomerBalance, OperationKind, OperationOutcome } from '../../src-shared/skidkabot/types';
import type { OperationRunner } from '../journal/operationRunner';
import type { QrCredentials } from '../journal/qrSecrets';
import { performOperations } from '../skidkabot/checkout';

/** One press of «Начислить» (redeemBonuses 0) or «Списать» (with the accrual on the part paid with money). */
export interface PressRequest {
  qr: QrCredentials;
  /** The balance the cashier saw, with the server's percentages. */
  customer: CustomerBalance;
  /** The rules in force for this customer. */
  rules: BonusRuleSettings;
  purchaseKopecks: number;
  redeemBonuses: number;
  /** When the QR was scanned: its day of validity for corrections counts from here. */
  scannedAt: number;
  /** The cashier confirmed the double-press question for this very press. */
  confirmDuplicate: boolean;
  /** Ties the redemption and the accrual of one purchase together in the journal. */
  checkoutId: string;
}

export type PressResult =
  /** Sent; `journalError` when an outcome could not be written (the operation then waits for the manager). */
  | { status: 'sent'; outcomes: OperationOutcome[]; journalError: AppError | null }
  /** The same operation was made moments ago: nothing sent, the cashier is asked. */
  | { status: 'confirm'; kind: OperationKind; bonuses: number; earlier: OperationView }
  /** Nothing was sent: an unresolved operation blocks it, the journal cannot be written, the till is not configured. */
  | { status: 'not-sent'; error: AppError };

/** What the checkout asks of the journal. */
export interface CheckoutOperations {
  press(request: PressRequest): Promise<PressResult>;
  /** The customer's operations with an unknown outcome, for the customer card. */
  blockedFor(client: number): BlockedOperation[];
}

/**
 * A press, checked before anything is sent: every operation it would send must not be blocked by an
 * unresolved one, and the pressed operation must not repeat one made moments ago without the
 * cashier's «yes». Then the operations go through the journal (intent first, outcome after).
 */
export async function pressThrough(runner: OperationRunner, request: PressRequest): Promise<PressResult> {
  const { qr, purchaseKopecks, redeemBonuses, rules } = request;
  const pressed: { kind: OperationKind; bonuses: number } =
    redeemBonuses > 0 ? { kind: 'redeem', bonuses: redeemBonuses } : { kind: 'accrue', bonuses: accrualFor(purchaseKopecks, 0, rules) };
  const kinds: OperationKind[] = redeemBonuses > 0 ? ['redeem', 'accrue'] : ['accrue'];
  for (const kind of kinds) {
    const refusal = runner.refusalFor(qr.client, kind);
    if (refusal) return { status: 'not-sent', error: refusal };
  }
  if (!request.confirmDuplicate) {
    const earlier = runner.duplicateOf({ client: qr.client, ...pressed });
    if (earlier) return { status: 'confirm', ...pressed, earlier };
  }
  let journalError: AppError | null = null;
  // The press as a whole was checked above; the accrual on the rest belongs to this new purchase and
  // is not a second press, so the runner does not ask again.
  const api = runner.forCheckout(
    { purchaseKopecks, checkoutId: request.checkoutId, qrSeenAt: request.scannedAt, confirmedDuplicate: true },
    (error) => {
      journalError ??= error;
    },
    { deferSync: true },
  );
  const done = await performOperations(api, qr, request.customer, purchaseKopecks, redeemBonuses, rules);
  // Before the cashier sees the result, the last outcome is on disk (the accrual's intent synced the redemption's).
  await api.settle();
  if (!done.ok) return { status: 'not-sent', error: done.error };
  return { status: 'sent', outcomes: done.value, journalError };
}
