import type { AppError } from '../errors';

/**
 * Local `AppError.code`s of the journal, shared so the renderer can offer the next step (a confirmation,
 * a fresh scan) without reading the Russian message.
 */

/** The same operation was made moments ago: the till asks the cashier before sending it again. */
export const DUPLICATE_CODE = 1001;

/** The operation's QR code has expired (or was never kept): a correction needs a fresh code of the customer. */
export const QR_EXPIRED_CODE = 1002;

/** The vendor's codes for a QR that no longer works: not registered, bad checksum, expired. */
const STALE_QR_SERVER_CODES: ReadonlySet<number> = new Set([7, 8, 9]);

/** Whether the manager can go on by scanning a fresh QR code of the customer. */
export function needsFreshQr(error: AppError): boolean {
  if (error.code === undefined) return false;
  if (error.kind === 'server') return STALE_QR_SERVER_CODES.has(error.code);
  return error.code === QR_EXPIRED_CODE;
}
