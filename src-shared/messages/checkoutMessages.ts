import type { AppError } from '../errors';
import { keyedError } from '../appError';
import { pluralEn, pluralRu } from '../format/plural';
import type { MessageParams } from './messageTypes';

const num = (p: MessageParams, name: string): number => Number(p[name] ?? 0);
const PURCHASE_EXAMPLE_RU = 'Введите сумму цифрами, например 1 234,50.';
const PURCHASE_EXAMPLE_EN = 'Type the total in figures, e.g. 1234.50.';

/**
 * What the till's own screen finds wrong in the two figures a cashier types. Apart from the other
 * messages because the renderer checks them on every keystroke at start, before any other table loads.
 */
export const checkoutRu = {
  'redeem.none': () => 'На этой покупке списать бонусы нельзя: максимум 0. Начислите бонусы или продолжите без них.',
  // The genitive after «до»: «до 21 бонуса», «до 11 бонусов».
  'redeem.range': (p: MessageParams) =>
    `Можно списать от 1 до ${num(p, 'max')} ${pluralRu(num(p, 'max'), 'бонуса', 'бонусов', 'бонусов')}, целым числом. Исправьте сумму списания.`,
  'purchase.empty': () => 'Введите сумму покупки, например 1 234,50.',
  'purchase.nonsense': () => `Не понимаю сумму. ${PURCHASE_EXAMPLE_RU}`,
  'purchase.negative': () => `Сумма не может быть отрицательной. ${PURCHASE_EXAMPLE_RU}`,
  'purchase.zero': () => `Сумма покупки должна быть больше нуля. ${PURCHASE_EXAMPLE_RU}`,
  'purchase.tooManyDecimals': () => 'После запятой не больше двух цифр (копейки). Исправьте сумму, например 1 234,50.',
  'purchase.tooLarge': () => 'Сумма больше 10 000 000 ₽: проверьте, нет ли лишних цифр.',
} satisfies Record<string, (p: MessageParams) => string>;

export type CheckoutMessageKey = keyof typeof checkoutRu;

export const checkoutEn: Record<CheckoutMessageKey, (p: MessageParams) => string> = {
  'redeem.none': () => 'Nothing can be redeemed on this purchase: the maximum is 0. Accrue bonuses or go on without them.',
  'redeem.range': (p) => `Redeem from 1 to ${num(p, 'max')} ${pluralEn(num(p, 'max'), 'bonus', 'bonuses')}, a whole number. Correct the amount to redeem.`,
  'purchase.empty': () => 'Enter the purchase total, e.g. 1234.50.',
  'purchase.nonsense': () => `This is not a total. ${PURCHASE_EXAMPLE_EN}`,
  'purchase.negative': () => `The total cannot be negative. ${PURCHASE_EXAMPLE_EN}`,
  'purchase.zero': () => `The purchase total must be above zero. ${PURCHASE_EXAMPLE_EN}`,
  'purchase.tooManyDecimals': () => 'At most two digits after the point (kopecks). Correct the total, e.g. 1234.50.',
  'purchase.tooLarge': () => 'The total is over 10,000,000 ₽: check for extra digits.',
};

/** A cashier's slip in the figures, with its Russian words written without the whole message table. */
export function checkoutError(key: CheckoutMessageKey, params?: MessageParams): AppError {
  return keyedError('input', key, checkoutRu[key](params ?? {}), params);
}
