import type { AppError } from '../errors';

/** What the balance call tells about a customer. */
export interface CustomerBalance {
  firstName: string;
  lastName: string;
  balance: number;
  /** Server's accrual percentage of a purchase. */
  pPlus: number;
  /** Server's redemption cap, percent of a purchase. */
  pMinus: number;
}

export type OperationKind = 'accrue' | 'redeem';

/**
 * How an accrual or redemption ended. 'not-applied' and 'unknown' are only produced when the
 * answer was lost and the balance was asked again; they are never folded into a generic error.
 */
export type OperationOutcome =
  | {
      status: 'applied';
      kind: OperationKind;
      bonuses: number;
      balance: number;
      firstName: string;
      lastName: string;
      /** 'answer': the server said code 0; 'balance-check': the answer was lost and the balance moved by exactly the amount. */
      confirmedBy: 'answer' | 'balance-check';
    }
  | { status: 'refused'; kind: OperationKind; bonuses: number; error: AppError }
  | { status: 'not-applied'; kind: OperationKind; bonuses: number; balance: number; error: AppError }
  | {
      status: 'unknown';
      kind: OperationKind;
      bonuses: number;
      balanceBefore: number;
      /** The balance seen on the re-check, when the re-check itself answered. */
      balanceAfter?: number;
      error: AppError;
    };
