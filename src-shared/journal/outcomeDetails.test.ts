import { describe, expect, it } from 'vitest';
import { appError } from '../errors';
import type { OperationOutcome } from '../skidkabot/types';
import { outcomeDetails, outcomeFigures } from './outcomeDetails';

const error = appError('outcome-unknown', 'неизвестно');
const anomaly = { code: 'balance-mismatch', reported: 9, expected: 8 } as const;
/** What the client answers carries more than an outcome records: the kind, the amount, the name. */
const asked = { kind: 'redeem', bonuses: 5, firstName: 'Иван', lastName: 'Петров' } as const;

describe('outcomeDetails', () => {
  it.each<[OperationOutcome, object]>([
    [
      { ...asked, status: 'applied', balance: 8, confirmedBy: 'answer', anomaly },
      { status: 'applied', balance: 8, confirmedBy: 'answer', anomaly },
    ],
    [
      { ...asked, status: 'applied', balance: null, confirmedBy: 'balance-check' },
      { status: 'applied', balance: null, confirmedBy: 'balance-check' },
    ],
    [{ ...asked, status: 'refused', error }, { status: 'refused', error }],
    [{ ...asked, status: 'not-applied', balance: 10, error }, { status: 'not-applied', balance: 10, error }],
    [
      { ...asked, status: 'unknown', balanceBefore: 10, balanceAfter: 12, error },
      { status: 'unknown', balanceBefore: 10, balanceAfter: 12, error },
    ],
    [{ ...asked, status: 'unknown', balanceBefore: 10, error }, { status: 'unknown', balanceBefore: 10, error }],
  ])('keeps what the outcome records and nothing else (case %#)', (outcome, recorded) => {
    expect(outcomeDetails(outcome)).toStrictEqual(recorded);
  });

  it('gives the figures without the error, and leaves its source alone', () => {
    const outcome: OperationOutcome = { ...asked, status: 'not-applied', balance: 10, error };
    expect(outcomeFigures(outcome)).toStrictEqual({ status: 'not-applied', balance: 10 });
    expect(outcome.error).toBe(error);
  });
});
