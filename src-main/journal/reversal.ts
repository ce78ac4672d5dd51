import { appError, type Result } from '../../src-shared/errors';
import { QR_EXPIRED_CODE } from '../../src-shared/journal/errorCodes';
import type { OperationId, OperationView } from '../../src-shared/journal/types';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import type { QrCredentials } from './qrSecrets';
import { bonusCount } from '../../src-shared/format/plural';

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

function refuse(message: string, code?: number): Result<ReversalPlan> {
  return { ok: false, error: appError('input', message, code) };
}

/**
 * Whether and how an operation can be undone, since the API has no refund: by the opposite
 * operation, sent with a QR code that still works. Pure: the caller asks the balance first.
 */
export function planReversal(original: OperationView, context: ReversalContext): Result<ReversalPlan> {
  if (original.reverses !== null) {
    return refuse('Это уже отмена другой операции, её не отменяют. Если нужно, проведите обычную операцию на кассе.');
  }
  if (original.unresolved) {
    return refuse('Итог этой операции неизвестен. Сначала проверьте её или отметьте, прошла ли она, а потом отменяйте.');
  }
  if (original.status !== 'applied') return refuse('Операция не была проведена: отменять нечего.');
  if (original.reversedBy.some((link) => link.status === 'applied')) return refuse('Операция уже отменена.');
  if (original.reversedBy.some((link) => link.status === 'pending' || link.status === 'unknown')) {
    return refuse('Отмена этой операции уже была, но её итог неизвестен. Сначала решите её в списке неразрешённых.');
  }
  if (context.qr === null) {
    return refuse(
      'QR-код покупателя устарел: он действует сутки. Попросите покупателя открыть бот, показать новый QR-код, и отсканируйте его.',
      QR_EXPIRED_CODE,
    );
  }
  if (context.qr.client !== original.client) return refuse('Это QR-код другого покупателя. Отсканируйте код того, чью операцию отменяете.');
  const kind: OperationKind = original.kind === 'accrue' ? 'redeem' : 'accrue';
  if (kind === 'redeem' && context.balance < original.bonuses) {
    return refuse(
      `Отменить начисление нельзя: на счёте покупателя ${bonusCount(context.balance)}, а забрать нужно ${original.bonuses} — часть он уже потратил.`,
    );
  }
  return { ok: true, value: { reverses: original.id, kind, bonuses: original.bonuses, qr: context.qr } };
}
