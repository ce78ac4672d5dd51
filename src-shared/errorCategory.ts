import type { AppError } from './errors';
import { QR_EXPIRED_CODE } from './journal/errorCodes';

/**
 * Who acts next, which is what a cashier needs from an error at a glance: the customer (another
 * code), the cashier (fix the scan or the figures), the manager (settings, account, keychain),
 * Skidkabot's side (a broken answer), the network, or nobody yet because the outcome is unknown.
 */
export type ErrorCategory = 'customer' | 'cashier' | 'manager' | 'server' | 'network' | 'outcome-unknown';

/** The vendor's answer codes (skidkabot-api.md) by who can fix them; any other code is the server's. */
const SERVER_CODE_CATEGORY: Readonly<Record<number, ErrorCategory>> = {
  1: 'manager',
  2: 'manager',
  3: 'manager',
  4: 'manager',
  5: 'manager',
  6: 'customer',
  7: 'customer',
  8: 'customer',
  9: 'customer',
  11: 'manager',
  12: 'manager',
  13: 'cashier',
  15: 'manager',
};

export function errorCategory(error: Pick<AppError, 'kind' | 'code' | 'key'>): ErrorCategory {
  switch (error.kind) {
    case 'vendor':
      return 'customer';
    case 'scan':
      // A code the bot showed instead of a QR (a JSON error) or a damaged QR is the customer's to refresh.
      return error.key === 'scan.qrError' || error.key === 'scan.badField' ? 'customer' : 'cashier';
    case 'server':
      return (error.code === undefined ? undefined : SERVER_CODE_CATEGORY[error.code]) ?? 'server';
    case 'network':
      // A certificate that fails is not the till's internet: nothing the cashier retries will help.
      return error.key === 'network.tls' ? 'server' : 'network';
    case 'outcome-unknown':
      return 'outcome-unknown';
    case 'input':
      return error.code === QR_EXPIRED_CODE ? 'customer' : 'cashier';
    case 'config':
    case 'auth':
    case 'journal':
    case 'internal':
      return 'manager';
  }
}
