import type { BalanceAnomaly, OperationKind } from './types';

/**
 * The Russian words for a balance that does not add up after an applied operation: the CLI, the
 * journal's CSV and the till's Russian dictionary all say it with this one function.
 */
export function balanceAnomalyRu(anomaly: BalanceAnomaly, kind: OperationKind): string {
  const done = kind === 'accrue' ? 'начислены' : 'списаны';
  const said =
    anomaly.code === 'balance-unreadable'
      ? `сервер прислал баланс «${anomaly.reported}», а это не целое число бонусов`
      : `сервер прислал баланс ${anomaly.reported}, а должно было стать ${anomaly.expected}`;
  return `Бонусы ${done}, но ${said}. Операция записана как проведённая; менеджеру нужно проверить баланс клиента в журнале.`;
}

/** The same, as a short note on the operation's line in the journal and its CSV. */
export function balanceAnomalyNoteRu(anomaly: BalanceAnomaly): string {
  return anomaly.code === 'balance-unreadable'
    ? `баланс не сходится: сервер прислал «${anomaly.reported}» — проверьте баланс клиента`
    : `баланс не сходится: сервер прислал ${anomaly.reported}, ожидалось ${anomaly.expected} — проверьте баланс клиента`;
}
