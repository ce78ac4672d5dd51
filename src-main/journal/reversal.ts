import { codedError, type Result } from '../../src-shared/errors';
import type { MessageKey, MessageParams } from '../../src-shared/messages/messages';
import { QR_EXPIRED_CODE } from '../../src-shared/journal/errorCodes';
import type { OperationId, OperationView } from '../../src-shared/journal/types';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import type { QrCredentials } from './qrSecrets';

export interface ReversalPlan {
  reverses: OperationId;
  /** The opposite of the original: a redemption is undone by an accrual, an accrual by a redemption. */
  kind: OperationKind;
  bonuses: number;
  qr: QrCredentials;
}

export interface ReversalContext {
  /** The original's QR while it is valid, or a fresh code of the same customer; null when neither. */
  qr: QrCredentials | null;
  /** The customer's balance now, from the server. */
  balance: number;
}

function refuse(key: MessageKey, params?: MessageParams, code?: number): Result<ReversalPlan> {
  return { ok: false, error: codedError('input', key, params, code) };
}

/**
 * Whether and how an operation can be undone, since the API has no refund: by the opposite
 * operation, sent with a QR code that still works. Pure: the caller asks the balance first.
 */
export function planReversal(original: OperationView, context: ReversalContext): Result<ReversalPlan> {
  if (original.reverses !== null) {
    return refuse('reversal.ofReversal');
  }
  if (original.unresolved) {
    return refuse('reversal.unresolved');
  }
  if (original.status !== 'applied') return refuse('reversal.notApplied');
  if (original.reversedBy.some((link) => link.status === 'applied')) return refuse('reversal.done');
  if (original.reversedBy.some((link) => link.status === 'pending' || link.status === 'unknown')) {
    return refuse('reversal.pending');
  }
  if (context.qr === null) {
    return refuse('journal.qrStale', undefined, QR_EXPIRED_CODE);
  }
  if (context.qr.client !== original.client) return refuse('reversal.otherCustomer');
  const kind: OperationKind = original.kind === 'accrue' ? 'redeem' : 'accrue';
  if (kind === 'redeem' && context.balance < original.bonuses) {
    return refuse('reversal.spent', { balance: context.balance, bonuses: original.bonuses });
  }
  return { ok: true, value: { reverses: original.id, kind, bonuses: original.bonuses, qr: context.qr } };
}
