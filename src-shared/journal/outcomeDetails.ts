import type { AppError } from '../errors';
import type { OutcomeDetails } from './types';

type WithoutError<T> = T extends unknown ? Omit<T, 'error'> : never;
/** An outcome's figures without its error: what a report lists beside the one error it states. */
export type OutcomeFigures = WithoutError<OutcomeDetails>;

/**
 * The fields each status of an outcome carries, and no others, taken from anything that has them:
 * the client's answer, a journal record. The one place that says what an outcome records.
 */
export function outcomeDetails(source: OutcomeDetails): OutcomeDetails {
  switch (source.status) {
    case 'applied':
      return {
        status: source.status,
        balance: source.balance,
        confirmedBy: source.confirmedBy,
        ...(source.anomaly === undefined ? {} : { anomaly: source.anomaly }),
      };
    case 'refused':
      return { status: source.status, error: source.error };
    case 'not-applied':
      return { status: source.status, balance: source.balance, error: source.error };
    case 'unknown':
      return {
        status: source.status,
        balanceBefore: source.balanceBefore,
        ...(source.balanceAfter === undefined ? {} : { balanceAfter: source.balanceAfter }),
        error: source.error,
      };
  }
}

export function outcomeFigures(source: OutcomeDetails): OutcomeFigures {
  const figures: OutcomeFigures & { error?: AppError } = outcomeDetails(source);
  delete figures.error;
  return figures;
}
