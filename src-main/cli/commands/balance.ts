import { failed, succeeded, type CliCommand } from '../command';
import { customerLines } from '../format';
import { requireQr, withShopSession } from '../shopSession';

export const balanceCommand: CliCommand = {
  name: 'balance',
  summary: 'имя и баланс покупателя по его QR-коду',
  synopsis: '--qr <скан>',
  options: {
    qr: { type: 'string', valueName: '<скан>', description: 'текст QR-кода покупателя, как его выдал сканер' },
  },
  async run(args, env) {
    const qr = requireQr(args.values.qr);
    if (!qr.ok) return failed(qr.error);
    return withShopSession(env, qr.value, async ({ client, qr: ref, customerId }) => {
      const customer = await client.balance(ref);
      if (!customer.ok) return failed(customer.error, { client: customerId });
      const { firstName, lastName, balance, pPlus, pMinus } = customer.value;
      return succeeded({ client: customerId, firstName, lastName, balance, pPlus, pMinus }, customerLines(customer.value));
    });
  },
};
