import type { OperationOutcome } from '../../src-shared/skidkabot/types';

/**
 * The balance to show after an operation: the last figure the server actually reported. An outcome
 * whose re-check did not answer leaves the balance unknown, and the screen must say so rather than
 * show the stale figure from before the press.
 */
export function balanceAfter(outcomes: readonly OperationOutcome[]): number | null {
  let balance: number | null = null;
  for (const outcome of outcomes) {
    switch (outcome.status) {
      case 'applied':
      case 'not-applied':
        balance = outcome.balance;
        break;
      case 'unknown':
        balance = outcome.balanceAfter ?? null;
        break;
      case 'refused':
        break;
    }
  }
  return balance;
}

/** True when any operation may or may not have gone through: the screen then leads with that. */
export function hasUnknownOutcome(outcomes: readonly OperationOutcome[]): boolean {
  return outcomes.some((outcome) => outcome.status === 'unknown');
}
