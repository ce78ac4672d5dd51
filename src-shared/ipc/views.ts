import type { AppError } from '../errors';
import type { MessageKey, MessageParams } from '../messages/messages';
import type { BonusRuleSettings, CameraSettings, Settings } from '../settings/settings';
import type { OperationStatus } from '../journal/types';
import type { OperationKind, OperationOutcome } from '../skidkabot/types';

/** What the status line and the screens need to know about the whole app. Never holds a secret. */
export interface AppState {
  /** 'setup-password' and 'setup-shop' are the first-run steps; 'ready' is the till. */
  phase: 'setup-password' | 'setup-shop' | 'ready';
  demo: boolean;
  shopCode: number | null;
  kassa: number;
  language: Settings['language'];
  secretSet: boolean;
  /** A damaged settings file that was kept aside, or a keychain that does not answer. */
  problems: AppError[];
  /** 'pending' while a request is out, `at` its start: the line never shows an older answer as current. */
  server: { state: 'unknown' | 'pending' | 'ok' | 'error'; message: string; at: number | null };
  /** `key`, `params`: the message's words as a key, so an English screen shows them in English. */
  scanner: { state: 'ready' | 'searching' | 'error'; message: string; key?: MessageKey; params?: MessageParams };
  /** The till's camera as the manager set it (the cashier screen opens it, or keeps it on). */
  camera: CameraSettings;
  manager: { passwordSet: boolean; loggedIn: boolean; lockedUntil: number | null };
  /** Operations in the journal whose outcome nobody knows yet (from before a crash too): the manager must settle each. */
  unresolved: number;
}

/** The customer of the current checkout, as the cashier sees them. The QR secret stays in main. */
export interface CustomerView {
  client: number;
  firstName: string;
  lastName: string;
  balance: number;
  /** The rules in force for this customer: the server's percentages or the shop's own. */
  rules: BonusRuleSettings;
  /** Present when an operation of this customer has an unknown outcome: that kind may not be sent until the manager settles it. */
  blocked?: BlockedOperation[];
}

/** An operation of the customer on screen whose outcome nobody knows yet. */
export interface BlockedOperation {
  kind: OperationKind;
  bonuses: number;
  /** Local time of the operation, as the journal keeps it. */
  at: string;
}

/** The press that looks like a double press, waiting for the cashier's «yes» (sent again as is) or «no». */
export interface RepeatQuestion {
  /** The button pressed: an accrual alone, or a redemption (with its accrual on the rest). */
  kind: OperationKind;
  purchaseKopecks: number;
  /** The bonuses of the pressed operation: accrued, or redeemed. */
  bonuses: number;
  /** The same operation moments ago. */
  earlier: { at: string; status: OperationStatus };
}

export type CheckoutView =
  | { stage: 'idle'; busy: boolean; error: AppError | null }
  | { stage: 'customer'; busy: boolean; error: AppError | null; customer: CustomerView }
  /** The same operation was made moments ago: nothing is sent until the cashier confirms or cancels. */
  | { stage: 'confirm'; busy: boolean; error: AppError | null; customer: CustomerView; repeat: RepeatQuestion }
  | {
      stage: 'done';
      busy: boolean;
      error: AppError | null;
      customer: CustomerView;
      /** The redemption first, then the accrual on the part paid with money, when both were done. */
      outcomes: OperationOutcome[];
    };

/** Settings as the manager screen shows them: the secret only as set or not set. */
export interface SettingsView {
  settings: Settings;
  secretSet: boolean;
}

export interface DemoCustomer {
  label: string;
  qrText: string;
}

export interface ConnectionCheck {
  message: string;
}
