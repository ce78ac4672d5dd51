import { pluralEn } from '../../src-shared/format/plural';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import { formatInteger as int, formatRubles } from './format';
import type { CustomerDictionary } from './ruCustomer';

const bonuses = (n: number) => `${int(n, 'en')} ${pluralEn(n, 'bonus', 'bonuses')}`;
const rubles = (kopecks: number) => `${formatRubles(kopecks, 'en')}\u00a0₽`;
const kindWord = (kind: OperationKind) => (kind === 'accrue' ? 'accrual' : 'redemption');

export const enCustomer: CustomerDictionary = {
  customer: {
    balance: 'Balance',
    unnamed: 'Unnamed customer',
    purchase: 'Purchase total, ₽',
    purchasePlaceholder: 'e.g. 1234.50',
    enterPurchase: 'Enter the purchase total: bonuses are calculated for you',
    accrueInfo: (n) => `This purchase earns ${bonuses(n)}`,
    maxRedeem: (n) => `Up to ${bonuses(n)} can be redeemed`,
    nothingToRedeem: 'Nothing to redeem',
    redeem: 'Bonuses to redeem',
    redeemNotNumber: 'Enter a whole number of bonuses',
    redeemPreview: (b, toPayKopecks, accrue) =>
      accrue > 0
        ? `Redeem ${int(b, 'en')}, to pay ${rubles(toPayKopecks)}, accrue ${int(accrue, 'en')}`
        : `Redeem ${int(b, 'en')}, to pay ${rubles(toPayKopecks)}, no bonuses accrued`,
    accrueButton: 'Accrue bonuses',
    redeemButton: 'Redeem bonuses',
    accrueKeys: 'F2 · Enter',
    redeemKeys: 'F4',
    redeemEnter: 'Enter redeems',
    sending: 'Sending…',
    newCustomer: 'Next customer',
    newCustomerKey: 'Esc',
    rules: (source, pPlus, pMinus) =>
      `${source === 'server' ? 'Skidkabot account rates' : "Shop's own rates"}: accrual ${pPlus} %, redemption up to ${pMinus} % of the purchase`,
  },
  done: {
    applied: (kind, n) => (kind === 'accrue' ? `Accrued ${bonuses(n)}` : `Redeemed ${bonuses(n)}`),
    confirmedByBalance: "the server's answer was lost; confirmed by the balance",
    notDone: (kind, n) => (kind === 'accrue' ? `Accrual of ${bonuses(n)} not done` : `Redemption of ${bonuses(n)} not done`),
    unknown: (kind, n) =>
      kind === 'accrue' ? `Unknown whether the accrual of ${bonuses(n)} went through` : `Unknown whether the redemption of ${bonuses(n)} went through`,
    newBalance: 'Balance now',
    balanceUnknown: 'unknown',
    balanceBefore: (n) => `Balance before: ${int(n, 'en')}`,
    balanceAfter: (n) => `Balance on re-check: ${int(n, 'en')}`,
    balanceNotChecked: 'The balance could not be re-checked',
    anomaly: (anomaly, kind) =>
      `${kind === 'accrue' ? 'Accrued' : 'Redeemed'}, but the server sent the balance ${
        anomaly.code === 'balance-unreadable' ? `"${anomaly.reported}", which is not a whole number` : `${anomaly.reported} instead of ${anomaly.expected}`
      }. Recorded as done; the manager must check the customer's balance in the journal.`,
  },
  repeat: {
    title: 'The same operation was just made',
    text: (kind, n, time) => `${kind === 'accrue' ? 'An accrual' : 'A redemption'} of ${bonuses(n)} was already made for this customer at ${time}.`,
    question: 'Is this a new purchase? Make it again?',
    hint: 'If it is the same purchase, press “No”: the bonuses are already counted.',
    yes: 'Yes, make it again',
    yesKey: 'F9',
    no: 'No',
    noKey: 'Esc · Enter',
  },
  blocked: {
    title: 'Do not repeat: the last operation has an unknown outcome',
    line: (kind, n, time) => `${time}: ${kindWord(kind)} of ${bonuses(n)} — unknown whether it went through.`,
    next: 'Call the manager: they check it in the journal. Until then this operation is not made for this customer.',
  },
};
