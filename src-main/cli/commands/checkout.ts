import { parsePurchase } from '../../../src-shared/bonus/parsePurchase';
import { codedError, type Result } from '../../../src-shared/errors';
import { checkoutOperationReport } from '../../operations/customerOperations';
import { failed, type CliCommand } from '../command';
import { cliDesk, CONFIRM_DUPLICATE_OPTION } from '../journalWriter';
import { parseBonuses, requireQr, withShopSession } from '../shopSession';

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
      return failed(codedError('input', 'cli.purchaseMissing'));
    }
    const purchase = parsePurchase(args.values.purchase);
    if (!purchase.ok) return failed(purchase.error);
    const redeem = parseRedeem(args.values.redeem);
    if (!redeem.ok) return failed(redeem.error);

    const confirmDuplicate = args.values['confirm-duplicate'] === true;
    return withShopSession(env, qr.value, async ({ client, qr: ref, customerId, config }) =>
      checkoutOperationReport(
        cliDesk(config, client),
        { qr: ref, customerId },
        { purchaseKopecks: purchase.value, redeem: redeem.value, confirmDuplicate, rules: config.settings.rules },
      ),
    );
  },
};

/** `--redeem`: absent or 0 for none, `max`, or a whole number of bonuses. */
export function parseRedeem(text: string | boolean | undefined): Result<number | 'max'> {
  if (text === undefined) return { ok: true, value: 0 };
  if (typeof text === 'string' && text.trim().toLowerCase() === 'max') return { ok: true, value: 'max' };
  if (typeof text === 'string' && text.trim() === '0') return { ok: true, value: 0 };
  return parseBonuses(text, '--redeem');
}
