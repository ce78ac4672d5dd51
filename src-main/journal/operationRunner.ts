import { codedError, type AppError, type Result } from '../../src-shared/errors';
import { DUPLICATE_CODE, QR_EXPIRED_CODE } from '../../src-shared/journal/errorCodes';
import { reasonSchema } from '../../src-shared/journal/schemas';
import { isMessageKey } from '../../src-shared/messages/messages';
import type { OperationId, OperationView } from '../../src-shared/journal/types';
import type { CustomerBalance, OperationKind, OperationOutcome } from '../../src-shared/skidkabot/types';
import { judgeRecheck, type OperationAttempt, type RecheckVerdict } from './guards';
import type { Journal } from './journal';
import { QR_VALIDITY_MS, type QrCredentials } from './qrSecrets';
import { planReversal } from './reversal';

/** The part of `SkidkabotClient` an operation needs; every method resolves, never rejects. */
export interface OperationClient {
  accrue(qr: QrCredentials, bonuses: number, balanceBefore?: number): Promise<OperationOutcome>;
  redeem(qr: QrCredentials, bonuses: number, balanceBefore?: number): Promise<OperationOutcome>;
  balance(qr: QrCredentials): Promise<Result<CustomerBalance>>;
}

export interface RunnerOptions {
  journal: Journal;
  client: OperationClient;
  shop: number;
  kassa: number;
  /** After an operation's outcome is written (or failed to be): the till tells the POS what was done. */
  onSent?: (id: OperationId) => Promise<void>;
}

export interface OperationRequest {
  qr: QrCredentials;
  kind: OperationKind;
  bonuses: number;
  purchaseKopecks: number;
  /** The balance shown to the cashier: what a lost answer is checked against. */
  balanceBefore: number;
  checkoutId?: string;
  /** When the QR was scanned; its day of validity counts from here. */
  qrSeenAt?: number;
  /** The cashier has seen the double-press warning and wants it sent again. */
  confirmedDuplicate?: boolean;
}

/** A checkout's client: after its last operation, `settle` makes the outcomes durable and tells the POS. */
export interface CheckoutClient extends OperationClient {
  settle(): Promise<void>;
}

export type RunResult =
  /** Sent; `journalError` when the outcome could not be written (the operation then stays unresolved in the journal). */
  | { status: 'done'; id: OperationId; outcome: OperationOutcome; journalError: AppError | null }
  /** The same operation was made moments ago: ask the cashier, then run again with confirmedDuplicate. */
  | { status: 'needs-confirmation'; duplicateOf: OperationView; question: AppError }
  /** Nothing was sent. */
  | { status: 'not-sent'; error: AppError; blockedBy: OperationView | null };

export interface RecheckResult {
  verdict: RecheckVerdict;
  balance: number;
  view: OperationView | null;
}

/** `AppError.code` of the refusal the checkout adapter gives for an unconfirmed double press. */
export { DUPLICATE_CODE };

/** What a checkout's operations have in common: the purchase they belong to. */
export interface PurchaseContext {
  purchaseKopecks: number;
  checkoutId?: string;
  qrSeenAt?: number;
  confirmedDuplicate?: boolean;
}

/** The reason schema's refusal, keyed: too short (or missing) or too long. */
/** reasonSchema's refusals carry their message key. */
function reasonError(message: string | undefined): AppError {
  return codedError('input', message !== undefined && isMessageKey(message) ? message : 'journal.reasonShort');
}

function time(at: string): string {
  return at.slice(11, 16);
}

/**
 * Every accrual and redemption goes through here: the intent is written (and synced) before the
 * request, so a failure to write means nothing is sent; the outcome is written after the answer.
 * Also the manager's tools: re-check, mark, reverse.
 */
export class OperationRunner {
  private readonly journal: Journal;
  private readonly client: OperationClient;
  private readonly shop: number;
  private readonly kassa: number;
  private readonly onSent: ((id: OperationId) => Promise<void>) | undefined;

  constructor(options: RunnerOptions) {
    this.onSent = options.onSent;
    this.journal = options.journal;
    this.client = options.client;
    this.shop = options.shop;
    this.kassa = options.kassa;
  }

  async run(request: OperationRequest): Promise<RunResult> {
    return this.runWith(request, null);
  }

  /** `deferred` collects the ids whose outcome was written without a sync of its own (see `forCheckout`). */
  private async runWith(request: OperationRequest, deferred: OperationId[] | null): Promise<RunResult> {
    const blocked = this.blocked(request.qr.client, request.kind);
    if (blocked) return blocked;
    if (!request.confirmedDuplicate) {
      const duplicate = this.journal.findDuplicate({ client: request.qr.client, kind: request.kind, bonuses: request.bonuses });
      if (duplicate) {
        return {
          status: 'needs-confirmation',
          duplicateOf: duplicate,
          question: codedError('input', 'journal.duplicate', { kind: request.kind, bonuses: request.bonuses, time: time(duplicate.at) }, DUPLICATE_CODE),
        };
      }
    }
    const intent = await this.journal.recordIntent({
      kassa: this.kassa,
      shop: this.shop,
      client: request.qr.client,
      kind: request.kind,
      bonuses: request.bonuses,
      purchaseKopecks: request.purchaseKopecks,
      qrSecret: request.qr.secret,
      balanceBefore: request.balanceBefore,
      by: 'cashier',
      ...(request.qrSeenAt === undefined ? {} : { qrSeenAt: request.qrSeenAt }),
      ...(request.checkoutId === undefined ? {} : { checkoutId: request.checkoutId }),
    });
    if (!intent.ok) return { status: 'not-sent', error: intent.error, blockedBy: null };
    return this.send(intent.value, request.kind, request.qr, request.bonuses, request.balanceBefore, deferred);
  }

  /**
   * A client for `performOperations` and the checkout: the same calls, journaled. What the journal
   * stops comes back as a 'refused' outcome, which is true: nothing was sent.
   * With `deferSync`, an outcome is written without its own fdatasync: the next operation's intent,
   * synced before its request, makes it durable, so a redemption and its accrual are one sync apart.
   * The caller must then `settle` before it reports the checkout.
   */
  forCheckout(purchase: PurchaseContext, onJournalError?: (error: AppError) => void, options: { deferSync?: boolean } = {}): CheckoutClient {
    const deferred: OperationId[] | null = options.deferSync === true ? [] : null;
    const operate = async (kind: OperationKind, qr: QrCredentials, bonuses: number, balanceBefore?: number): Promise<OperationOutcome> => {
      let before = balanceBefore;
      if (before === undefined) {
        const customer = await this.client.balance(qr);
        if (!customer.ok) return { status: 'refused', kind, bonuses, error: customer.error };
        before = customer.value.balance;
      }
      const result = await this.runWith({ ...purchase, qr, kind, bonuses, balanceBefore: before }, deferred);
      if (result.status === 'done') {
        // The operation happened; the caller must still learn that the journal does not show how it ended.
        if (result.journalError) onJournalError?.(result.journalError);
        return result.outcome;
      }
      const error = result.status === 'not-sent' ? result.error : result.question;
      return { status: 'refused', kind, bonuses, error };
    };
    return {
      balance: (qr) => this.client.balance(qr),
      accrue: (qr, bonuses, balanceBefore) => operate('accrue', qr, bonuses, balanceBefore),
      redeem: (qr, bonuses, balanceBefore) => operate('redeem', qr, bonuses, balanceBefore),
      settle: async () => {
        if (deferred === null || deferred.length === 0) return;
        const ids = deferred.splice(0);
        const flushed = await this.journal.flush();
        if (!flushed.ok) onJournalError?.(flushed.error);
        for (const id of ids) await this.onSent?.(id).catch(() => undefined);
      },
    };
  }

  /**
   * Asks the balance again for an unresolved operation. When the balance settles it, the verdict is
   * written as the manager's resolution; otherwise the balance seen is noted and the question stays open.
   */
  async recheck(id: OperationId, reason: string, freshQr?: QrCredentials): Promise<Result<RecheckResult>> {
    const why = reasonSchema.safeParse(reason);
    if (!why.success) return { ok: false, error: reasonError(why.error.issues[0]?.message) };
    const found = await this.journal.get(id);
    if (!found.ok) return found;
    const view = found.value;
    if (view === null) return { ok: false, error: codedError('input', 'journal.notFound') };
    if (!view.unresolved) return { ok: false, error: codedError('input', 'journal.nothingToCheck') };
    const qr = await this.qrOf(view, freshQr);
    if (!qr.ok) return qr;
    const customer = await this.client.balance(qr.value);
    if (!customer.ok) return customer;
    const balance = customer.value.balance;
    const later = await this.journal.clientOperationsSince(view.client, view.at);
    if (!later.ok) return later;
    const verdict = judgeRecheck(view, balance, later.value);
    const written = await this.journal.recordResolution(id, {
      action: verdict === 'undetermined' ? 'recheck' : verdict,
      reason: why.data,
      balance,
      by: 'manager',
    });
    if (!written.ok) return written;
    const after = await this.journal.get(id);
    return { ok: true, value: { verdict, balance, view: after.ok ? after.value : null } };
  }

  /** The manager's own verdict, with the reason. */
  resolve(id: OperationId, action: 'applied' | 'not-applied', reason: string): Promise<Result<void>> {
    return this.journal.recordResolution(id, { action, reason, by: 'manager' });
  }

  /**
   * Undoes an applied operation by the opposite one, with the original's QR while it is valid or a
   * fresh code of the same customer. The reversal is its own operation in the journal, linked to
   * the original and carrying the manager's reason.
   */
  async reverse(id: OperationId, reason: string, freshQr?: QrCredentials): Promise<RunResult> {
    const notSent = (error: AppError): RunResult => ({ status: 'not-sent', error, blockedBy: null });
    const why = reasonSchema.safeParse(reason);
    if (!why.success) return notSent(reasonError(why.error.issues[0]?.message));
    const found = await this.journal.get(id);
    if (!found.ok) return notSent(found.error);
    const original = found.value;
    if (original === null) return notSent(codedError('input', 'journal.notFound'));
    const stored = freshQr === undefined ? await this.journal.qrEntry(id) : null;
    const qr = freshQr ?? (stored && { client: stored.client, secret: stored.secret });
    // Everything but the balance is checked before the server is asked anything.
    const plannedWithoutBalance = planReversal(original, { qr, balance: Number.POSITIVE_INFINITY });
    if (!plannedWithoutBalance.ok) return notSent(plannedWithoutBalance.error);
    const { kind, bonuses, qr: code } = plannedWithoutBalance.value;
    const blocked = this.blocked(original.client, kind);
    if (blocked) return blocked;
    const customer = await this.client.balance(code);
    if (!customer.ok) return notSent(customer.error);
    const plan = planReversal(original, { qr: code, balance: customer.value.balance });
    if (!plan.ok) return notSent(plan.error);
    const intent = await this.journal.recordIntent({
      kassa: this.kassa,
      shop: this.shop,
      client: original.client,
      kind,
      bonuses,
      purchaseKopecks: 0,
      qrSecret: code.secret,
      // The original's code keeps its own expiry; a fresh one has a whole day.
      ...(stored ? { qrSeenAt: stored.expiresAt - QR_VALIDITY_MS } : {}),
      balanceBefore: customer.value.balance,
      by: 'manager',
      reverses: id,
      reason: why.data,
    });
    if (!intent.ok) return notSent(intent.error);
    return this.send(intent.value, kind, code, bonuses, customer.value.balance);
  }

  /** The same till operation made moments ago, which the cashier must confirm before it is sent again. */
  duplicateOf(attempt: OperationAttempt): OperationView | null {
    return this.journal.findDuplicate(attempt);
  }

  /** Why an operation of this kind may not be sent to this customer now, or null when it may. */
  refusalFor(client: number, kind: OperationKind): AppError | null {
    const blocked = this.blocked(client, kind);
    return blocked?.status === 'not-sent' ? blocked.error : null;
  }

  private blocked(client: number, kind: OperationKind): RunResult | null {
    const blocking = this.journal.isBlocked(client, kind);
    if (!blocking) return null;
    return {
      status: 'not-sent',
      blockedBy: blocking,
      error: codedError('outcome-unknown', 'journal.blockedByUnknown', { kind: blocking.kind, bonuses: blocking.bonuses, time: time(blocking.at) }),
    };
  }

  private async qrOf(view: OperationView, freshQr: QrCredentials | undefined): Promise<Result<QrCredentials>> {
    if (freshQr !== undefined) {
      return freshQr.client === view.client
        ? { ok: true, value: freshQr }
        : { ok: false, error: codedError('input', 'journal.otherCustomerQr') };
    }
    const stored = await this.journal.qrFor(view.id);
    if (stored) return { ok: true, value: stored };
    return {
      ok: false,
      error: codedError('input', 'journal.qrStale', undefined, QR_EXPIRED_CODE),
    };
  }

  private async send(
    id: OperationId,
    kind: OperationKind,
    qr: QrCredentials,
    bonuses: number,
    balanceBefore: number,
    deferred: OperationId[] | null = null,
  ): Promise<RunResult> {
    let outcome: OperationOutcome;
    try {
      outcome = await (kind === 'accrue' ? this.client.accrue(qr, bonuses, balanceBefore) : this.client.redeem(qr, bonuses, balanceBefore));
    } catch {
      // The client promises never to throw; if it does, the request may have gone out all the same.
      outcome = {
        status: 'unknown',
        kind,
        bonuses,
        balanceBefore,
        error: codedError('outcome-unknown', 'journal.programFault'),
      };
    }
    const written = await this.journal.recordOutcome(id, outcome, { deferSync: deferred !== null });
    if (deferred !== null && written.ok) deferred.push(id);
    else await this.onSent?.(id).catch(() => undefined);
    return { status: 'done', id, outcome, journalError: written.ok ? null : written.error };
  }
}
