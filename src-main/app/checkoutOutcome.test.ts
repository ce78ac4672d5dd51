import { describe, expect, it } from 'vitest';
import type { AppError } from '../../src-shared/errors';
import type { CustomerView } from '../../src-shared/ipc/views';
import type { OperationOutcome } from '../../src-shared/skidkabot/types';
import { viewAfterOperations } from './checkoutOutcome';

const customer: CustomerView = {
  client: 1,
  firstName: 'Иван',
  lastName: 'Петров',
  balance: 100,
  rules: { source: 'server', pPlus: 2, pMinus: 10, accrueOnPaidPart: true },
};
const lost: AppError = { kind: 'network', message: 'Нет ответа' };
const unknownError: AppError = { kind: 'outcome-unknown', message: 'Неизвестно' };
const refusal: AppError = { kind: 'server', code: 13, message: 'Не хватает бонусов' };

const redeemed: OperationOutcome = { status: 'applied', kind: 'redeem', bonuses: 10, balance: 90, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' };
const accrued: OperationOutcome = { status: 'applied', kind: 'accrue', bonuses: 2, balance: 92, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'balance-check' };

describe('viewAfterOperations', () => {
  it('shows done with the last balance when everything applied', () => {
    const view = viewAfterOperations(customer, [redeemed, accrued]);
    expect(view).toEqual({ stage: 'done', busy: false, error: null, customer: { ...customer, balance: 92 }, outcomes: [redeemed, accrued] });
  });

  it('returns to the customer when nothing happened, with the reason', () => {
    const refused: OperationOutcome = { status: 'refused', kind: 'redeem', bonuses: 10, error: refusal };
    expect(viewAfterOperations(customer, [refused])).toEqual({ stage: 'customer', busy: false, error: refusal, customer });
    const notApplied: OperationOutcome = { status: 'not-applied', kind: 'accrue', bonuses: 2, balance: 101, error: lost };
    expect(viewAfterOperations(customer, [notApplied])).toEqual({ stage: 'customer', busy: false, error: lost, customer: { ...customer, balance: 101 } });
  });

  it('stays on done when one applied and the next did not, so nothing is pressed twice', () => {
    const refused: OperationOutcome = { status: 'refused', kind: 'accrue', bonuses: 2, error: refusal };
    const view = viewAfterOperations(customer, [redeemed, refused]);
    expect(view).toMatchObject({ stage: 'done', error: refusal, customer: { balance: 90 } });
  });

  it('stays on done with the unknown outcome and the balance seen on the re-check', () => {
    const unknown: OperationOutcome = { status: 'unknown', kind: 'accrue', bonuses: 2, balanceBefore: 100, balanceAfter: 97, error: unknownError };
    expect(viewAfterOperations(customer, [unknown])).toMatchObject({ stage: 'done', error: unknownError, customer: { balance: 97 }, outcomes: [unknown] });
    const blind: OperationOutcome = { status: 'unknown', kind: 'accrue', bonuses: 2, balanceBefore: 100, error: unknownError };
    expect(viewAfterOperations(customer, [blind])).toMatchObject({ stage: 'done', customer: { balance: 100 } });
  });

  it('keeps the name on screen when an answer had none', () => {
    const nameless: OperationOutcome = { ...accrued, firstName: '', lastName: '' };
    expect(viewAfterOperations(customer, [nameless])).toMatchObject({ customer: { firstName: 'Иван', lastName: 'Петров' } });
  });
});
