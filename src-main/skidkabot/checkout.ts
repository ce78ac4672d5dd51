import { accrualFor, checkRedeem, effectiveRules, quote } from '../../src-shared/bonus/bonusRules';
import { codedError } from '../../src-shared/errors';
import type { Result } from '../../src-shared/errors';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import type { CustomerBalance, OperationOutcome } from '../../src-shared/skidkabot/types';
import type { QrRef, SkidkabotClient } from './client';

/** The part of the client a checkout needs; tests and other callers may hand in their own. */
export type BonusApi = Pick<SkidkabotClient, 'balance' | 'accrue' | 'redeem'>;

export interface CheckoutRequest {
  purchaseKopecks: number;
  /** Bonuses to redeem: a whole number, 'max' for the most the rules allow, 0 to only accrue. */
  redeem: number | 'max';
  /** The shop's settings; the server's percentages fill in when they say so. */
  rules: BonusRuleSettings;
}

export interface CheckoutResult {
  customer: CustomerBalance;
  outcomes: OperationOutcome[];
}

/**
 * After the balance: the redemption (when asked), then the accrual on the part paid with money.
 * The redemption's answer carries the new balance, which is handed to the accrual, so neither
 * operation costs an extra balance request: a whole checkout is three round trips.
 * An accrual follows only an applied redemption: after a refused, lost or unknown one the
 * cashier must decide what the customer pays before anything else is sent.
 */
export async function performOperations(
  client: BonusApi,
  qr: QrRef,
  customer: CustomerBalance,
  purchaseKopecks: number,
  redeemBonuses: number,
  rules: BonusRuleSettings,
): Promise<Result<OperationOutcome[]>> {
  if (!Number.isSafeInteger(purchaseKopecks) || purchaseKopecks <= 0) {
    return { ok: false, error: codedError('input', 'checkout.badPurchase') };
  }
  if (redeemBonuses !== 0) {
    const refusal = checkRedeem(redeemBonuses, purchaseKopecks, customer.balance, rules);
    if (refusal) return { ok: false, error: refusal };
  }

  const outcomes: OperationOutcome[] = [];
  let balance: number | undefined = customer.balance;
  if (redeemBonuses > 0) {
    const redemption = await client.redeem(qr, redeemBonuses, balance);
    outcomes.push(redemption);
    if (redemption.status !== 'applied') return { ok: true, value: outcomes };
    // An unreadable balance after the redemption: the accrual asks the server afresh.
    balance = redemption.balance ?? undefined;
  }
  const bonuses = accrualFor(purchaseKopecks, redeemBonuses, rules);
  if (bonuses > 0) outcomes.push(await client.accrue(qr, bonuses, balance));
  return { ok: true, value: outcomes };
}

/** The whole till flow: balance, then {@link performOperations} under the rules in force for this customer. */
export async function runCheckout(client: BonusApi, qr: QrRef, request: CheckoutRequest): Promise<Result<CheckoutResult>> {
  const answer = await client.balance(qr);
  if (!answer.ok) return answer;
  const customer = answer.value;
  const rules = effectiveRules(request.rules, { pPlus: customer.pPlus, pMinus: customer.pMinus });
  const redeem = request.redeem === 'max' ? quote(request.purchaseKopecks, customer.balance, rules).maxRedeem : request.redeem;
  const operations = await performOperations(client, qr, customer, request.purchaseKopecks, redeem, rules);
  return operations.ok ? { ok: true, value: { customer, outcomes: operations.value } } : operations;
}
