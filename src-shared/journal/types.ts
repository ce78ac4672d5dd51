import type { AppError } from '../errors';
import type { BalanceAnomaly, OperationKind } from '../skidkabot/types';

/**
 * `YYYYMMDD-HHMMSS-k<kassa>-<6 hex>`, from the intent's local time: readable in a file, sortable,
 * and it names the month file the operation's whole history lives in.
 */
export type OperationId = string;

/** Who asked for the operation: the till, or the manager correcting one from the journal. */
export type Actor = 'cashier' | 'manager';

/**
 * Every journal line is one of these four records, `v` first so a later format can be told apart.
 * `at` is local time with its offset (`2025-03-14T10:22:31.123+03:00`): a person reads the shop's
 * own clock, a script still gets an exact instant. No record type has a field for the shop secret
 * or the QR secret, so neither can reach the monthly files.
 */
export interface IntentRecord {
  v: 1;
  type: 'intent';
  id: OperationId;
  at: string;
  kassa: number;
  shop: number;
  client: number;
  kind: OperationKind;
  bonuses: number;
  /** 0 for a reversal, which is not a purchase. */
  purchaseKopecks: number;
  /** The balance the till saw before sending: what a later re-check compares against. */
  balanceBefore?: number;
  /** Shared by the redemption and the accrual of one purchase, so the report counts it once. */
  checkoutId?: string;
  by: Actor;
  /** Set on a reversal: the operation it undoes. */
  reverses?: OperationId;
  /** The manager's reason, for a reversal. */
  reason?: string;
}

export type OutcomeDetails =
  /** `balance` null and `anomaly` set: applied, but the server's balance was not a whole number; see {@link BalanceAnomaly}. */
  | { status: 'applied'; balance: number | null; confirmedBy: 'answer' | 'balance-check'; anomaly?: BalanceAnomaly }
  | { status: 'refused'; error: AppError }
  | { status: 'not-applied'; balance: number; error: AppError }
  | { status: 'unknown'; balanceBefore: number; balanceAfter?: number; error: AppError };

export type OutcomeRecord = { v: 1; type: 'outcome'; id: OperationId; at: string } & OutcomeDetails;

/** 'recheck' notes a balance seen by a re-check that did not settle the question; the other two settle it. */
export type ResolutionAction = 'applied' | 'not-applied' | 'recheck';

export interface ResolutionRecord {
  v: 1;
  type: 'resolution';
  id: OperationId;
  at: string;
  action: ResolutionAction;
  reason: string;
  balance?: number;
  by: 'manager';
}

/** Written into the original's file before its reversal is sent, so the original shows it was reversed. */
export interface ReversalRecord {
  v: 1;
  type: 'reversal';
  id: OperationId;
  at: string;
  reversalId: OperationId;
  reason: string;
}

export type JournalRecord = IntentRecord | OutcomeRecord | ResolutionRecord | ReversalRecord;

/**
 * 'pending': the intent was written and nothing after it (the app stopped while sending, or is
 * sending now). 'pending' and 'unknown' are the unresolved states a manager must settle.
 */
export type OperationStatus = 'pending' | 'applied' | 'refused' | 'not-applied' | 'unknown';

export type OutcomeEntry = { at: string } & OutcomeDetails;

export interface ResolutionEntry {
  at: string;
  action: ResolutionAction;
  reason: string;
  balance?: number;
  by: 'manager';
}

export interface ReversalLink {
  id: OperationId;
  at: string;
  reason: string;
  /** The reversal's own status; null when its intent never reached the journal (the write failed). */
  status: OperationStatus | null;
}

/** Every field of the intent, null where the intent left an optional one out. */
type IntentFields = {
  [K in Exclude<keyof IntentRecord, 'v' | 'type'>]-?: undefined extends IntentRecord[K] ? Exclude<IntentRecord[K], undefined> | null : IntentRecord[K];
};

/** One operation as the manager sees it: its intent merged with everything written about it since. */
export interface OperationView extends IntentFields {
  outcome: OutcomeEntry | null;
  resolutions: ResolutionEntry[];
  reversedBy: ReversalLink[];
  /** After the manager's resolutions: the last 'applied' / 'not-applied' one overrides the outcome. */
  status: OperationStatus;
  unresolved: boolean;
  /** A reversal of this operation went through. */
  reversed: boolean;
  /** The last balance known after this operation, from the answer, a re-check or the manager. */
  balanceAfter: number | null;
}

export interface KindTotals {
  count: number;
  bonuses: number;
}

/** The shift report for one day and one register (or every register when kassa is null). */
export interface ShiftReport {
  day: string;
  kassa: number | null;
  /** Applied operations made at the till; reversals are counted apart. */
  accruals: KindTotals;
  redemptions: KindTotals;
  /** Purchases with at least one applied operation, each counted once. */
  purchases: { count: number; kopecks: number };
  refused: number;
  /** Still waiting for the manager: pending or unknown. */
  unresolved: { count: number; ids: OperationId[] };
  reversals: {
    count: number;
    /** Bonuses given back by reversing redemptions. */
    accrued: number;
    /** Bonuses taken back by reversing accruals. */
    redeemed: number;
  };
}

export interface HourBucket {
  hour: number;
  accrued: KindTotals;
  redeemed: KindTotals;
}

/** One day (and register) for the manager screen: the shift report and the chart above the list. */
export interface JournalDay {
  report: ShiftReport;
  hours: HourBucket[];
}

/** What a re-check of an unresolved operation found. */
export interface RecheckReply {
  /** 'undetermined': the balance moved by something else too; the manager decides. */
  verdict: 'applied' | 'not-applied' | 'undetermined';
  balance: number;
  operation: OperationView | null;
}

/** A reversal that was sent: applied, or with an outcome nobody knows yet (then it waits for the manager too). */
export interface ReversalReply {
  outcome: 'applied' | 'unknown';
  reversal: OperationView | null;
  original: OperationView | null;
}

/** `file` is null when the manager closed the save dialog without choosing a file. */
export interface ExportReply {
  file: string | null;
  rows: number;
}

export interface ExportProgress {
  done: number;
  total: number;
}

/** Pushed after every record the journal writes, so an open journal screen reloads. */
export interface JournalPulse {
  unresolved: number;
}
