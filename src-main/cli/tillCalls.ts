import { parsePurchase } from '../../src-shared/bonus/parsePurchase';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import type { ParsedArgs } from './args';
import { parseRedeem } from './commands/checkout';
import { parseBonuses, requireQr } from './shopSession';
import type { TillCall } from './viaTill';

/**
 * Each command's call to the running till. Input the command would refuse gives null: the command
 * then runs here and refuses it with the same words, before anything is sent.
 */

export function balanceCall(args: ParsedArgs): TillCall | null {
  const qr = requireQr(args.values.qr);
  return qr.ok ? { method: 'POST', path: '/v1/balance', body: { qr: qr.value }, operation: false } : null;
}

export function operationCall(kind: OperationKind): (args: ParsedArgs) => TillCall | null {
  return (args) => {
    const qr = requireQr(args.values.qr);
    const bonuses = parseBonuses(args.values.bonuses);
    if (!qr.ok || !bonuses.ok) return null;
    const confirmDuplicate = args.values['confirm-duplicate'] === true;
    return { method: 'POST', path: `/v1/${kind}`, body: { qr: qr.value, bonuses: bonuses.value, confirmDuplicate }, operation: true };
  };
}

export function checkoutCall(args: ParsedArgs): TillCall | null {
  const qr = requireQr(args.values.qr);
  const purchase = args.values.purchase;
  const redeem = parseRedeem(args.values.redeem);
  if (!qr.ok || typeof purchase !== 'string' || !parsePurchase(purchase).ok || !redeem.ok) return null;
  const confirmDuplicate = args.values['confirm-duplicate'] === true;
  return { method: 'POST', path: '/v1/checkout', body: { qr: qr.value, purchase, redeem: redeem.value, confirmDuplicate }, operation: true };
}

/** The list only: the shift report and the CSV export read the journal files here, which is safe while the till writes. */
export function journalCall(args: ParsedArgs): TillCall | null {
  if (args.positionals.length > 0) return null;
  const query = new URLSearchParams();
  for (const name of ['day', 'kassa', 'customer', 'kind', 'limit'] as const) {
    const value = args.values[name];
    if (typeof value === 'string') query.set(name, value);
  }
  const search = query.toString();
  return { method: 'GET', path: `/v1/journal${search ? `?${search}` : ''}`, operation: false };
}
