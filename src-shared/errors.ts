import { keyedError } from './appError';
import { translate, type MessageKey, type MessageParams } from './messages/messages';

/**
 * Every failure the cashier, the manager or a script can meet, as one plain object. It crosses IPC
 * and the CLI's --json output unchanged, so it holds no class instances and never the shop secret.
 */
export const ERROR_KINDS = [
  'scan', // the scanned text is not a Skidkabot QR, or is garbled beyond repair
  'vendor', // a valid QR of another shop
  'server', // the Skidkabot server answered with a non-zero code or an unreadable answer
  'network', // no answer: refused, timed out, reset, DNS, TLS
  'outcome-unknown', // an accrual or redemption may or may not have been applied
  'config', // settings or keychain missing or broken
  'input', // a value typed by a person or sent by the renderer is not acceptable
  'auth', // manager password wrong, locked out, or not logged in
  'journal', // the operations journal cannot be written
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export function isErrorKind(value: unknown): value is ErrorKind {
  return (ERROR_KINDS as readonly unknown[]).includes(value);
}

/**
 * A message's parameters read from outside (a till's answer, a file): only strings (up to
 * `maxText` characters) and finite numbers are kept; null when none is left.
 */
export function readMessageParams(value: unknown, maxText = Number.POSITIVE_INFINITY): MessageParams | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string | number] =>
      (typeof entry[1] === 'string' && entry[1].length <= maxText) || (typeof entry[1] === 'number' && Number.isFinite(entry[1])),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

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
