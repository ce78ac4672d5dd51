import { balanceReport } from '../../operations/customerOperations';
import { failed, type CliCommand } from '../command';
import { cliDesk } from '../journalWriter';
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
    return withShopSession(env, qr.value, ({ client, qr: ref, customerId, config }) => balanceReport(cliDesk(config, client), { qr: ref, customerId }));
  },
};
