import { randomUUID } from 'node:crypto';
import { effectiveRules, quote } from '../../../src-shared/bonus/bonusRules';
import { parsePurchase } from '../../../src-shared/bonus/parsePurchase';
import { appError, type Result } from '../../../src-shared/errors';
import type { BonusRuleSettings } from '../../../src-shared/settings/settings';
import type { CustomerBalance, OperationOutcome } from '../../../src-shared/skidkabot/types';
import { pressThrough } from '../../app/tillOperations';
import { failed, type CliCommand, type CommandReport, type JsonObject } from '../command';
import { bonuses, fullName, outcomeJson, outcomeLine, rubles, rublesDecimal } from '../format';
import { CONFIRM_DUPLICATE_OPTION, duplicateRefusal, withJournal } from '../journalWriter';
import { parseBonuses, requireQr, withShopSession } from '../shopSession';

type Unapplied = Exclude<OperationOutcome, { status: 'applied' }>;

export const checkoutCommand: CliCommand = {
  name: 'checkout',
  summary: 'вся покупка: баланс, списание (если нужно) и начисление на оплаченное деньгами',
  synopsis: '--qr <скан> --purchase <рубли> [--redeem <N>|max] [--confirm-duplicate]',
  options: {
    qr: { type: 'string', valueName: '<скан>', description: 'текст QR-кода покупателя, как его выдал сканер' },
    purchase: { type: 'string', valueName: '<рубли>', description: 'сумма покупки, например 1234,50' },
    redeem: { type: 'string', valueName: '<N>|max', description: 'списать N бонусов или max — сколько позволяют правила' },
    'confirm-duplicate': CONFIRM_DUPLICATE_OPTION,
  },
  async run(args, env) {
    const qr = requireQr(args.values.qr);
    if (!qr.ok) return failed(qr.error);
    if (typeof args.values.purchase !== 'string') {
      return failed(appError('input', 'Укажите сумму покупки: --purchase <рубли>, например --purchase 1234,50.'));
    }
    const purchase = parsePurchase(args.values.purchase);
    if (!purchase.ok) return failed(purchase.error);
    const redeem = parseRedeem(args.values.redeem);
    if (!redeem.ok) return failed(redeem.error);

    const confirmDuplicate = args.values['confirm-duplicate'] === true;
    return withShopSession(env, qr.value, async ({ client, qr: ref, customerId, config }) =>
      withJournal(config, client, async (runner) => {
        const answer = await client.balance(ref);
        if (!answer.ok) return failed(answer.error, { client: customerId });
        const customer = answer.value;
        const settingsRules = config.settings.rules;
        const rules = effectiveRules(settingsRules, customer);
        const redeemBonuses = redeem.value === 'max' ? quote(purchase.value, customer.balance, rules).maxRedeem : redeem.value;
        // The same checks as the till's buttons: no repeat of an unresolved operation, no double press unconfirmed.
        const pressed = await pressThrough(runner, {
          qr: ref,
          customer,
          rules,
          purchaseKopecks: purchase.value,
          redeemBonuses,
          scannedAt: Date.now(),
          confirmDuplicate,
          checkoutId: randomUUID(),
        });
        if (pressed.status === 'confirm') return failed(duplicateRefusal(pressed.kind, pressed.bonuses, pressed.earlier.at), { client: customerId });
        if (pressed.status === 'not-sent') return failed(pressed.error, { client: customerId });
        const report = checkoutReport(customerId, purchase.value, customer, pressed.outcomes, settingsRules);
        return { ...report, error: report.error ?? pressed.journalError };
      }),
    );
  },
};

/** `--redeem`: absent or 0 for none, `max`, or a whole number of bonuses. */
function parseRedeem(text: string | boolean | undefined): Result<number | 'max'> {
  if (text === undefined) return { ok: true, value: 0 };
  if (typeof text === 'string' && text.trim().toLowerCase() === 'max') return { ok: true, value: 'max' };
  if (typeof text === 'string' && text.trim() === '0') return { ok: true, value: 0 };
  return parseBonuses(text, '--redeem');
}

/** Pure: what the checkout did, for a person and for a script. */
export function checkoutReport(
  customerId: number,
  purchaseKopecks: number,
  customer: CustomerBalance,
  outcomes: readonly OperationOutcome[],
  settingsRules: BonusRuleSettings,
): CommandReport {
  const rules = effectiveRules(settingsRules, customer);
  const applied = (kind: OperationOutcome['kind']) =>
    outcomes.find((outcome) => outcome.kind === kind && outcome.status === 'applied')?.bonuses ?? 0;
  const redeemed = applied('redeem');
  const accrued = applied('accrue');
  const failure = outcomes.find((outcome): outcome is Unapplied => outcome.status !== 'applied');
  const last = outcomes.at(-1);
  const balance = !last ? customer.balance : last.status === 'applied' || last.status === 'not-applied' ? last.balance : null;
  const toPay = failure ? null : purchaseKopecks - redeemed * 100;

  const data: JsonObject = {
    client: customerId,
    firstName: customer.firstName,
    lastName: customer.lastName,
    balanceBefore: customer.balance,
    pPlus: customer.pPlus,
    pMinus: customer.pMinus,
    rules: { source: rules.source, pPlus: rules.pPlus, pMinus: rules.pMinus, accrueOnPaidPart: rules.accrueOnPaidPart },
    purchase: rublesDecimal(purchaseKopecks),
    redeemed,
    accrued,
    balance,
    toPay: toPay === null ? null : rublesDecimal(toPay),
    operations: outcomes.map(outcomeJson),
  };
  const lines = [
    `Покупатель: ${fullName(customer)}`,
    `Баланс до покупки: ${bonuses(customer.balance)}`,
    `Покупка: ${rubles(purchaseKopecks)}`,
    ...outcomes.map(outcomeLine),
  ];
  if (outcomes.length === 0) lines.push(`Бонусы не начислены и не списаны: по правилам (${rules.pPlus} % покупки) выходит 0.`);
  if (toPay !== null) lines.push(`К оплате деньгами: ${rubles(toPay)}`);
  return { data, lines, error: failure ? failure.error : null };
}
