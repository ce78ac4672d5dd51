import { formatInteger, formatRubles, type DigitStyle } from '../../src-shared/format/numbers';
import { pluralRu } from '../../src-shared/format/plural';
import { outcomeFigures } from '../../src-shared/journal/outcomeDetails';
import { balanceAnomalyRu } from '../../src-shared/skidkabot/anomaly';
import type { CustomerBalance, OperationOutcome } from '../../src-shared/skidkabot/types';

/** Plain text for a terminal: grouping by an ordinary space, so the figures copy cleanly. */
const TERMINAL: DigitStyle = { group: ' ', decimal: ',' };
/** What a script expects in JSON: no grouping, a decimal point. */
const JSON_DECIMAL: DigitStyle = { group: '', decimal: '.' };

/** 1 бонус, 2 бонуса, 5 бонусов, 11 бонусов, 21 бонус. */
export function bonuses(n: number): string {
  return `${formatInteger(n, TERMINAL)} ${pluralRu(n, 'бонус', 'бонуса', 'бонусов')}`;
}

export function rubles(kopecks: number): string {
  return `${formatRubles(kopecks, TERMINAL)} ₽`;
}

/** Kopecks as the decimal rubles a script expects in JSON: "1234.50". */
export function rublesDecimal(kopecks: number): string {
  return formatRubles(kopecks, JSON_DECIMAL, { alwaysKopecks: true });
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim() || 'без имени';
}

export function customerLines(customer: CustomerBalance): string[] {
  return [
    `Покупатель: ${fullName(customer)}`,
    `Баланс: ${bonuses(customer.balance)}`,
    `Правила Скидкабот: начисление ${customer.pPlus} % покупки, списание до ${customer.pMinus} % покупки`,
  ];
}

const DONE: Record<OperationOutcome['kind'], string> = { accrue: 'Начислено', redeem: 'Списано' };
const NOT_DONE: Record<OperationOutcome['kind'], string> = { accrue: 'Не начислено', redeem: 'Не списано' };

/** One line per operation: what happened to the customer's bonuses. */
export function outcomeLine(outcome: OperationOutcome): string {
  switch (outcome.status) {
    case 'applied': {
      const confirmed =
        outcome.confirmedBy === 'balance-check' ? ' (ответ сервера потерялся, проведение подтверждено по балансу)' : '';
      const balance = outcome.balance === null ? 'Баланс неизвестен.' : `Баланс: ${bonuses(outcome.balance)}.`;
      const anomaly = outcome.anomaly ? ` Внимание: ${balanceAnomalyRu(outcome.anomaly, outcome.kind)}` : '';
      return `${DONE[outcome.kind]} ${bonuses(outcome.bonuses)}${confirmed}. ${balance}${anomaly}`;
    }
    case 'refused':
      return `${NOT_DONE[outcome.kind]} ${bonuses(outcome.bonuses)}.`;
    case 'not-applied':
      return `${NOT_DONE[outcome.kind]} ${bonuses(outcome.bonuses)}: ответ потерялся, баланс не изменился (${bonuses(outcome.balance)}).`;
    case 'unknown':
      return `${bonuses(outcome.bonuses)}: неизвестно, ${outcome.kind === 'accrue' ? 'начислены' : 'списаны'} ли они.`;
  }
}

/** An outcome's figures for --json: what was asked, what became of it, the balance after; the report states the error. */
export function outcomeJson(outcome: OperationOutcome) {
  const { status, ...figures } = outcomeFigures(outcome);
  const anomaly = 'anomaly' in figures ? figures.anomaly : undefined;
  return {
    operation: outcome.kind,
    status,
    bonuses: outcome.bonuses,
    ...figures,
    ...(anomaly ? { anomaly: { ...anomaly, message: balanceAnomalyRu(anomaly, outcome.kind) } } : {}),
  };
}
