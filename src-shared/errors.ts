import { keyedError } from './appError';
import { translate, type MessageKey, type MessageParams } from './messages/messages';

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
  /** Russian text written for the person at the till; kept for logs, the journal and older readers. */
  message: string;
  /** What each edge (screen, CLI) translates: a key of src-shared/messages with its parameters. */
  key?: MessageKey;
  params?: MessageParams;
}

// Built apart from the messages: the renderer makes errors at start without loading main's message tables.
export { appError } from './appError';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** An error that every edge can translate: the Russian `message` is written from the same key. */
export function codedError(kind: ErrorKind, key: MessageKey, params?: MessageParams, code?: number): AppError {
  return keyedError(kind, key, translate(key, params), params, code);
}
