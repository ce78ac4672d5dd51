import { pluralRu } from '../../src-shared/format/plural';
import { balanceAnomalyRu } from '../../src-shared/skidkabot/anomaly';
import type { BalanceAnomaly, OperationKind } from '../../src-shared/skidkabot/types';
import { formatInteger as int, formatRubles } from './format';

const bonuses = (n: number) => `${int(n, 'ru')} ${pluralRu(n, 'бонус', 'бонуса', 'бонусов')}`;
const rubles = (kopecks: number) => `${formatRubles(kopecks, 'ru')}\u00a0₽`;
const kindWord = (kind: OperationKind) => (kind === 'accrue' ? 'начисление' : 'списание');

/**
 * The words of a customer on the till (the card, the figures, the double press, the outcome), loaded
 * with those panels while the first customer's balance is asked: the idle till starts without them.
 * `enCustomer.ts` must have the same shape.
 */
export const ruCustomer = {
  customer: {
    balance: 'Баланс',
    unnamed: 'Покупатель без имени',
    purchase: 'Сумма покупки, ₽',
    purchasePlaceholder: 'например 1 234,50',
    enterPurchase: 'Введите сумму покупки — бонусы посчитаются сами',
    accrueInfo: (n: number) => `Покупка принесёт ${bonuses(n)}`,
    maxRedeem: (n: number) => `Можно списать до ${bonuses(n)}`,
    nothingToRedeem: 'Списать нечего',
    redeem: 'Списать бонусов',
    redeemNotNumber: 'Введите целое число бонусов',
    redeemPreview: (b: number, toPayKopecks: number, accrue: number) =>
      accrue > 0
        ? `Спишем ${int(b, 'ru')}, к оплате ${rubles(toPayKopecks)}, начислим ${int(accrue, 'ru')}`
        : `Спишем ${int(b, 'ru')}, к оплате ${rubles(toPayKopecks)}, бонусы не начисляем`,
    accrueButton: 'Начислить бонусы',
    redeemButton: 'Списать бонусы',
    accrueKeys: 'F2 · Enter',
    redeemKeys: 'F4',
    redeemEnter: 'Enter — списать',
    sending: 'Отправляем…',
    newCustomer: 'Новый покупатель',
    newCustomerKey: 'Esc',
    rules: (source: 'server' | 'shop', pPlus: number, pMinus: number) =>
      `${source === 'server' ? 'Проценты из кабинета Скидкабот' : 'Проценты магазина'}: начисление ${pPlus} %, списание до ${pMinus} % покупки`,
  },
  done: {
    applied: (kind: OperationKind, n: number) => (kind === 'accrue' ? `Начислено ${bonuses(n)}` : `Списано ${bonuses(n)}`),
    confirmedByBalance: 'ответ сервера потерялся, проведение подтверждено по балансу',
    notDone: (kind: OperationKind, n: number) =>
      kind === 'accrue' ? `Начисление ${bonuses(n)} не проведено` : `Списание ${bonuses(n)} не проведено`,
    unknown: (kind: OperationKind, n: number) =>
      kind === 'accrue' ? `Неизвестно, прошло ли начисление ${bonuses(n)}` : `Неизвестно, прошло ли списание ${bonuses(n)}`,
    newBalance: 'Баланс теперь',
    balanceUnknown: 'неизвестен',
    balanceBefore: (n: number) => `Баланс до операции: ${int(n, 'ru')}`,
    balanceAfter: (n: number) => `Баланс при проверке: ${int(n, 'ru')}`,
    balanceNotChecked: 'Проверить баланс не удалось',
    anomaly: (anomaly: BalanceAnomaly, kind: OperationKind): string => balanceAnomalyRu(anomaly, kind),
  },
  repeat: {
    title: 'Такая операция только что была',
    text: (kind: OperationKind, n: number, time: string) =>
      `${kind === 'accrue' ? 'Начисление' : 'Списание'} ${bonuses(n)} этому покупателю уже было в ${time}.`,
    question: 'Это новая покупка? Провести ещё раз?',
    hint: 'Если покупка та же — нажмите «Нет»: бонусы уже учтены.',
    yes: 'Да, провести ещё раз',
    yesKey: 'F9',
    no: 'Нет',
    noKey: 'Esc · Enter',
  },
  blocked: {
    title: 'Повторять нельзя: итог прошлой операции неизвестен',
    line: (kind: OperationKind, n: number, time: string) => `${time}: ${kindWord(kind)} ${bonuses(n)} — неизвестно, прошло ли.`,
    next: 'Позовите менеджера: он проверит операцию в журнале. До этого такая операция этому покупателю не проводится.',
  },
};

export type CustomerDictionary = typeof ruCustomer;
