import type { AppError } from '../../src-shared/errors';
import { accrualFor, checkRedeem, quote } from '../../src-shared/bonus/bonusRules';
import { parsePurchase } from '../../src-shared/bonus/parsePurchase';
import type { CustomerView } from '../../src-shared/ipc/views';

/** What the cashier's two inputs mean right now, computed on every keystroke. */
export type Figures =
  | { state: 'empty' }
  | { state: 'invalid'; error: AppError }
  | {
      state: 'ok';
      purchaseKopecks: number;
      /** Bonuses a plain accrual would add. */
      accrue: number;
      maxRedeem: number;
      redeem: RedeemFigures;
    };

export type RedeemFigures =
  | { state: 'not-a-number' }
  | { state: 'refused'; bonuses: number; error: AppError }
  | { state: 'ok'; bonuses: number; toPayKopecks: number; accrue: number };

const KOPECKS_PER_BONUS = 100;

/**
 * `redeemText` null means the cashier has not touched the redeem field: it follows the maximum,
 * so the common case (redeem all that is allowed) needs no typing.
 */
export function computeFigures(purchaseText: string, redeemText: string | null, customer: CustomerView): Figures {
  if (purchaseText.trim() === '') return { state: 'empty' };
  const purchase = parsePurchase(purchaseText);
  if (!purchase.ok) return { state: 'invalid', error: purchase.error };
  const purchaseKopecks = purchase.value;
  const { accrue, maxRedeem } = quote(purchaseKopecks, customer.balance, customer.rules);
  return {
    state: 'ok',
    purchaseKopecks,
    accrue,
    maxRedeem,
    redeem: redeemFigures(redeemText ?? String(maxRedeem), purchaseKopecks, customer),
  };
}

function redeemFigures(text: string, purchaseKopecks: number, customer: CustomerView): RedeemFigures {
  const bonuses = parseBonuses(text);
  if (bonuses === null) return { state: 'not-a-number' };
  const refusal = checkRedeem(bonuses, purchaseKopecks, customer.balance, customer.rules);
  if (refusal) return { state: 'refused', bonuses, error: refusal };
  return {
    state: 'ok',
    bonuses,
    toPayKopecks: purchaseKopecks - bonuses * KOPECKS_PER_BONUS,
    accrue: accrualFor(purchaseKopecks, bonuses, customer.rules),
  };
}

/** A whole number of bonuses as a cashier types it: digits, spaces between groups allowed. */
export function parseBonuses(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,15}$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isSafeInteger(value) ? value : null;
}
