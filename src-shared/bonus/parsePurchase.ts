import type { Result } from '../errors';
import { checkoutError, checkoutRu } from '../messages/checkoutMessages';

/** Beyond this a total is a typing slip, not a purchase. */
const MAX_PURCHASE_RUBLES = 10_000_000;

type PurchaseProblem = 'empty' | 'nonsense' | 'negative' | 'zero' | 'tooManyDecimals' | 'tooLarge';
const PROBLEMS: PurchaseProblem[] = ['empty', 'nonsense', 'negative', 'zero', 'tooManyDecimals', 'tooLarge'];

export const PURCHASE_MESSAGES = Object.fromEntries(PROBLEMS.map((problem) => [problem, checkoutRu[`purchase.${problem}`]()])) as Record<
  PurchaseProblem,
  string
>;

// Thousands may be grouped by an ordinary, no-break, thin or narrow no-break space.
const GROUP = '[ \\u00a0\\u2009\\u202f]';
const AMOUNT = new RegExp(`^([0-9]{1,3}(?:${GROUP}[0-9]{3})+|[0-9]+)(?:[.,]([0-9]+))?$`);
// A ruble sign or abbreviation after the figure is what a cashier copies from a receipt.
const CURRENCY_SUFFIX = /\s*(?:₽|р\.?|руб\.?|rub\.?)$/i;
const MINUS = /^[-\u2212\u2013]/;
// Longer than any real total even with every separator: spares the regexes absurd texts.
const MAX_TEXT = 40;

/** A purchase total typed by a cashier (`1 234,50`, `1234.5`, `1234 ₽`) → whole kopecks. */
export function parsePurchase(text: string): Result<number> {
  const fail = (problem: PurchaseProblem): Result<number> => ({ ok: false, error: checkoutError(`purchase.${problem}`) });
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  if (trimmed.length > MAX_TEXT) return fail('nonsense');
  const figure = trimmed.replace(CURRENCY_SUFFIX, '');
  if (MINUS.test(figure) && AMOUNT.test(figure.slice(1).trim())) return fail('negative');
  const match = AMOUNT.exec(figure);
  if (!match) return fail('nonsense');
  const rubleDigits = (match[1] ?? '').replace(/[^0-9]/g, '').replace(/^0+(?=[0-9])/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return fail('tooManyDecimals');
  // Compare digit counts before converting, so a 30-digit figure never becomes a lossy float.
  if (rubleDigits.length > String(MAX_PURCHASE_RUBLES).length) return fail('tooLarge');
  const kopecks = Number(rubleDigits) * 100 + Number(fraction.padEnd(2, '0'));
  if (kopecks > MAX_PURCHASE_RUBLES * 100) return fail('tooLarge');
  if (kopecks === 0) return fail('zero');
  return { ok: true, value: kopecks };
}
