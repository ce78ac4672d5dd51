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
 * The server said code 0, so the operation happened, but the balance it sent does not add up:
 * 'balance-unreadable' — not a whole number the till can hold (2372.5, 1e308), kept as the text sent;
 * 'balance-mismatch' — a whole number other than the balance before plus or minus the bonuses.
 * Recorded with the operation and shown to the cashier and the manager, never passed over.
 */
export type BalanceAnomaly =
  | { code: 'balance-unreadable'; reported: string; expected?: number }
  | { code: 'balance-mismatch'; reported: number; expected: number };

/**
 * How an accrual or redemption ended. 'not-applied' and 'unknown' are only produced when the
 * answer was lost and the balance was asked again; they are never folded into a generic error.
 */
export type OperationOutcome =
  | {
      status: 'applied';
      kind: OperationKind;
      bonuses: number;
      /** null when the server's balance could not be read as a whole number (then `anomaly` says what it sent). */
      balance: number | null;
      firstName: string;
      lastName: string;
      /** 'answer': the server said code 0; 'balance-check': the answer was lost and the balance moved by exactly the amount. */
      confirmedBy: 'answer' | 'balance-check';
      anomaly?: BalanceAnomaly;
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
