import type { OperationKind } from '../../../src-shared/skidkabot/types';
import { bonusOperationReport } from '../../operations/customerOperations';
import { failed, type CliCommand } from '../command';
import { cliDesk, CONFIRM_DUPLICATE_OPTION } from '../journalWriter';
import { parseBonuses, requireQr, withShopSession } from '../shopSession';

const TEXT: Record<OperationKind, { summary: string; bonuses: string }> = {
  accrue: { summary: 'начислить покупателю бонусы', bonuses: 'сколько бонусов начислить, целое число от 1' },
  redeem: { summary: 'списать бонусы покупателя', bonuses: 'сколько бонусов списать, целое число от 1' },
};

/** accrue and redeem differ only in the call: one command shape for both. */
export function operationCommand(kind: OperationKind): CliCommand {
  return {
    name: kind,
    summary: TEXT[kind].summary,
    synopsis: '--qr <скан> --bonuses <N> [--confirm-duplicate]',
    options: {
      qr: { type: 'string', valueName: '<скан>', description: 'текст QR-кода покупателя, как его выдал сканер' },
      bonuses: { type: 'string', valueName: '<N>', description: TEXT[kind].bonuses },
      'confirm-duplicate': CONFIRM_DUPLICATE_OPTION,
    },
    async run(args, env) {
      const qr = requireQr(args.values.qr);
      if (!qr.ok) return failed(qr.error);
      const bonuses = parseBonuses(args.values.bonuses);
      if (!bonuses.ok) return failed(bonuses.error);
      const confirmDuplicate = args.values['confirm-duplicate'] === true;
      return withShopSession(env, qr.value, async ({ client, qr: ref, customerId, config }) =>
        bonusOperationReport(cliDesk(config, client), { qr: ref, customerId }, { kind, bonuses: bonuses.value, confirmDuplicate }),
      );
    },
  };
}
