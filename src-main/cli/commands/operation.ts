import type { AppError } from '../../../src-shared/errors';
import type { OperationKind } from '../../../src-shared/skidkabot/types';
import { failed, succeeded, type CliCommand } from '../command';
import { fullName, outcomeJson, outcomeLine } from '../format';
import { CONFIRM_DUPLICATE_OPTION, duplicateRefusal, withJournal } from '../journalWriter';
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
      const confirmed = args.values['confirm-duplicate'] === true;
      return withShopSession(env, qr.value, async ({ client, qr: ref, customerId, config }) =>
        withJournal(config, client, async (runner) => {
          const blocked = runner.refusalFor(customerId, kind);
          if (blocked) return failed(blocked, { client: customerId });
          if (!confirmed) {
            const earlier = runner.duplicateOf({ client: customerId, kind, bonuses: bonuses.value });
            if (earlier) return failed(duplicateRefusal(kind, bonuses.value, earlier.at), { client: customerId });
          }
          let journalError: AppError | null = null;
          const api = runner.forCheckout({ purchaseKopecks: 0, confirmedDuplicate: true }, (error) => {
            journalError ??= error;
          });
          const outcome = await (kind === 'accrue' ? api.accrue(ref, bonuses.value) : api.redeem(ref, bonuses.value));
          const data = { client: customerId, ...outcomeJson(outcome) };
          // The error, on stderr, already says what became of the bonuses and what to do.
          if (outcome.status !== 'applied') return failed(outcome.error, data);
          const { firstName, lastName } = outcome;
          const lines = [`Покупатель: ${fullName(outcome)}`, outcomeLine(outcome)];
          // Done, but the journal does not show it: the manager must settle it, and a script must not retry.
          if (journalError) return failed(journalError, { ...data, firstName, lastName }, lines);
          return succeeded({ ...data, firstName, lastName }, lines);
        }),
      );
    },
  };
}
