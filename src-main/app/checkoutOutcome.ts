import type { CheckoutView, CustomerView } from '../../src-shared/ipc/views';
import type { OperationOutcome } from '../../src-shared/skidkabot/types';

/**
 * The screen after an accrual or a redemption (with its accrual on the money-paid part):
 * - all applied: 'done', showing what was done and the new balance;
 * - nothing happened (refused, or proven not applied): back to the customer with the reason, so the
 *   cashier can change the amount or press again by choice;
 * - anything else (one applied and one not, or an outcome unknown): 'done' with every outcome and
 *   the first problem, because pressing again could apply an operation twice.
 */
export function viewAfterOperations(customer: CustomerView, outcomes: readonly OperationOutcome[]): CheckoutView {
  const updated = customerAfter(customer, outcomes);
  const problem = outcomes.find((outcome) => outcome.status !== 'applied');
  if (problem === undefined) return { stage: 'done', busy: false, error: null, customer: updated, outcomes: [...outcomes] };
  const nothingHappened = outcomes.every((outcome) => outcome.status === 'refused' || outcome.status === 'not-applied');
  if (nothingHappened) return { stage: 'customer', busy: false, error: problem.error, customer: updated };
  return { stage: 'done', busy: false, error: problem.error, customer: updated, outcomes: [...outcomes] };
}

/** The latest balance the server told, and the name as it last spelled it. */
function customerAfter(customer: CustomerView, outcomes: readonly OperationOutcome[]): CustomerView {
  let next = customer;
  for (const outcome of outcomes) {
    if (outcome.status === 'applied') {
      next = {
        ...next,
        balance: outcome.balance ?? next.balance,
        firstName: outcome.firstName || next.firstName,
        lastName: outcome.lastName || next.lastName,
      };
    } else if (outcome.status === 'not-applied') {
      next = { ...next, balance: outcome.balance };
    } else if (outcome.status === 'unknown' && outcome.balanceAfter !== undefined) {
      next = { ...next, balance: outcome.balanceAfter };
    }
  }
  return next;
}
