import type { AppError } from '../errors';
import { checkoutError } from '../messages/checkoutMessages';
import type { BonusRuleSettings } from '../settings/settings';

/** 1 bonus = 1 ruble of discount. Bonuses are whole and always rounded down: a shop never gives more than its rule says. */
export type BonusRules = Pick<BonusRuleSettings, 'pPlus' | 'pMinus' | 'accrueOnPaidPart'>;

export interface BonusQuote {
  /** Bonuses for the purchase when nothing is redeemed. */
  accrue: number;
  /** The most the customer may redeem on this purchase (0 when redemption is impossible). */
  maxRedeem: number;
}

/** The shop's own percentages, or the server's when the settings say so. */
export function effectiveRules(
  settings: BonusRuleSettings,
  server: { pPlus: number; pMinus: number },
): BonusRuleSettings {
  return settings.source === 'server' ? { ...settings, pPlus: server.pPlus, pMinus: server.pMinus } : settings;
}

/** Anything that is not a positive finite amount counts as nothing: bad data must never create bonuses. */
function wholeNonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/**
 * A percentage as the exact decimal a person typed: 2.5 is 25/10, 0.1 is 1/10. Reading the number's
 * shortest decimal form avoids binary-float surprises such as 0.1 * 3 = 0.30000000000000004.
 */
function percentAsFraction(percent: number): { num: bigint; den: bigint } {
  if (!Number.isFinite(percent) || percent <= 0) return { num: 0n, den: 1n };
  const [mantissa = '0', exponent = '0'] = String(percent).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = BigInt(whole + fraction);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { num: digits, den: 10n ** BigInt(scale) } : { num: digits * 10n ** BigInt(-scale), den: 1n };
}

/** floor(percent % of an amount in kopecks), in whole rubles = whole bonuses. */
function percentOf(kopecks: number, percent: number): number {
  const { num, den } = percentAsFraction(percent);
  return Number((BigInt(wholeNonNegative(kopecks)) * num) / (den * 100n * 100n));
}

export function quote(purchaseKopecks: number, balance: number, rules: BonusRules): BonusQuote {
  const purchase = wholeNonNegative(purchaseKopecks);
  return {
    accrue: percentOf(purchase, rules.pPlus),
    maxRedeem: Math.min(percentOf(purchase, rules.pMinus), wholeNonNegative(balance), Math.floor(purchase / 100)),
  };
}

/** Bonuses to accrue after `redeemedBonuses` paid part of the purchase. */
export function accrualFor(purchaseKopecks: number, redeemedBonuses: number, rules: BonusRules): number {
  const purchase = wholeNonNegative(purchaseKopecks);
  const base = rules.accrueOnPaidPart ? Math.max(0, purchase - wholeNonNegative(redeemedBonuses) * 100) : purchase;
  return percentOf(base, rules.pPlus);
}

/** Whether the cashier may redeem `bonuses` on this purchase: a whole number from 1 to the maximum. */
export function checkRedeem(bonuses: number, purchaseKopecks: number, balance: number, rules: BonusRules): AppError | null {
  const { maxRedeem } = quote(purchaseKopecks, balance, rules);
  if (maxRedeem === 0) {
    return checkoutError('redeem.none');
  }
  if (Number.isInteger(bonuses) && bonuses >= 1 && bonuses <= maxRedeem) return null;
  return checkoutError('redeem.range', { max: maxRedeem });
}
