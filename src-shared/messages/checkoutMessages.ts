import type { AppError } from '../errors';
import { keyedError } from '../appError';
import { pluralRu } from '../format/plural';
import type { MessageParams } from './messageTypes';

const num = (p: MessageParams, name: string): number => Number(p[name] ?? 0);
const PURCHASE_EXAMPLE = 'Введите сумму цифрами, например 1 234,50.';

/**
 * What the till's own screen finds wrong in the two figures a cashier types, in Russian. Apart from
 * the other messages because the renderer checks them on every keystroke without loading the rest;
 * their English is in messagesEn.ts with all the others.
 */
export const checkoutRu = {
  'redeem.none': () => 'На этой покупке списать бонусы нельзя: максимум 0. Начислите бонусы или продолжите без них.',
  // The genitive after «до»: «до 21 бонуса», «до 11 бонусов».
  'redeem.range': (p: MessageParams) =>
    `Можно списать от 1 до ${num(p, 'max')} ${pluralRu(num(p, 'max'), 'бонуса', 'бонусов', 'бонусов')}, целым числом. Исправьте сумму списания.`,
  'purchase.empty': () => 'Введите сумму покупки, например 1 234,50.',
  'purchase.nonsense': () => `Не понимаю сумму. ${PURCHASE_EXAMPLE}`,
  'purchase.negative': () => `Сумма не может быть отрицательной. ${PURCHASE_EXAMPLE}`,
  'purchase.zero': () => `Сумма покупки должна быть больше нуля. ${PURCHASE_EXAMPLE}`,
  'purchase.tooManyDecimals': () => 'После запятой не больше двух цифр (копейки). Исправьте сумму, например 1 234,50.',
  'purchase.tooLarge': () => 'Сумма больше 10 000 000 ₽: проверьте, нет ли лишних цифр.',
} satisfies Record<string, (p: MessageParams) => string>;

export type CheckoutMessageKey = keyof typeof checkoutRu;

/** A cashier's slip in the figures, with its Russian words written without the whole message table. */
export function checkoutError(key: CheckoutMessageKey, params?: MessageParams): AppError {
  return keyedError('input', key, checkoutRu[key](params ?? {}), params);
}
