import type { OperationKind } from '../../../src-shared/skidkabot/types';
import { failed, succeeded, type CliCommand } from '../command';
import { fullName, outcomeJson, outcomeLine } from '../format';
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
    synopsis: '--qr <скан> --bonuses <N>',
    options: {
      qr: { type: 'string', valueName: '<скан>', description: 'текст QR-кода покупателя, как его выдал сканер' },
      bonuses: { type: 'string', valueName: '<N>', description: TEXT[kind].bonuses },
    },
    async run(args, env) {
      const qr = requireQr(args.values.qr);
      if (!qr.ok) return failed(qr.error);
      const bonuses = parseBonuses(args.values.bonuses);
      if (!bonuses.ok) return failed(bonuses.error);
      return withShopSession(env, qr.value, async ({ client, qr: ref, customerId }) => {
        const outcome = await (kind === 'accrue' ? client.accrue(ref, bonuses.value) : client.redeem(ref, bonuses.value));
        const data = { client: customerId, ...outcomeJson(outcome) };
        // The error, on stderr, already says what became of the bonuses and what to do.
        if (outcome.status !== 'applied') return failed(outcome.error, data);
        const { firstName, lastName } = outcome;
        return succeeded({ ...data, firstName, lastName }, [`Покупатель: ${fullName(outcome)}`, outcomeLine(outcome)]);
      });
    },
  };
}
