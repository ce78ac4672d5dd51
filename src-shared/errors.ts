/**
 * Every failure the cashier, the manager or a script can meet, as one plain object. It crosses IPC
 * and the CLI's --json output unchanged, so it holds no class instances and never the shop secret.
 */
export type ErrorKind =
  | 'scan' // the scanned text is not a Skidkabot QR, or is garbled beyond repair
  | 'vendor' // a valid QR of another shop
  | 'server' // the Skidkabot server answered with a non-zero code or an unreadable answer
  | 'network' // no answer: refused, timed out, reset, DNS, TLS
  | 'outcome-unknown' // an accrual or redemption may or may not have been applied
  | 'config' // settings or keychain missing or broken
  | 'input' // a value typed by a person or sent by the renderer is not acceptable
  | 'auth' // manager password wrong, locked out, or not logged in
  | 'journal' // the operations journal cannot be written
  | 'internal';

export interface AppError {
  kind: ErrorKind;
  /** The vendor's answer code for kind 'server', or a stable local code where useful. */
  code?: number;
  /** Russian text written for the person at the till. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function appError(kind: ErrorKind, message: string, code?: number): AppError {
  return code === undefined ? { kind, message } : { kind, code, message };
}
