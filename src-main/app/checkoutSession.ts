import { randomUUID } from 'node:crypto';
import { checkRedeem, effectiveRules, quote } from '../../src-shared/bonus/bonusRules';
import { codedError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import type { CheckoutView, CustomerView, RepeatQuestion } from '../../src-shared/ipc/views';
import { checkVendor, decodeScan } from '../../src-shared/scan/decodeScan';
import type { ScanPayload } from '../../src-shared/scan/payload';
import type { Scheduler } from '../../src-shared/keyboard/scheduler';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import type { CustomerBalance, OperationKind } from '../../src-shared/skidkabot/types';
import type { SkidkabotClient } from '../skidkabot/client';
import { viewAfterOperations } from './checkoutOutcome';
import type { CheckoutOperations } from './tillOperations';

/** What the checkout needs of the shop: its code and rules, and a client when it is configured. */
export interface CheckoutShop {
  shopCode(): number | null;
  rules(): BonusRuleSettings;
  client(): Result<SkidkabotClient>;
  /** Before a scan: a keychain that did not answer earlier is asked again, so the till recovers by itself. */
  retrySecret(): Promise<void>;
}

export interface CheckoutSessionOptions {
  shop: CheckoutShop;
  /** After every server call: null when it answered, the error otherwise (for the status line). */
  onServerCall(error: AppError | null): void;
  /** A request is about to leave: the status line says so instead of the previous call's result. */
  onServerStart?(): void;
  /** The request onServerStart announced was dropped at the till: the server's state is as it was before. */
  onServerDropped?(): void;
  onChange(view: CheckoutView): void;
  idleClearMs: number;
  /** Runs the idle-clear timer: real time in the app, a manual one in tests of the rule. */
  scheduler: Scheduler;
  /** Accruals and redemptions go through the journal, never straight to the client. */
  operations: CheckoutOperations;
  now?: () => number;
}

/** The customer as main holds them: with the QR's numbers and the server's percentages, which the renderer never gets. */
interface HeldCustomer {
  qr: ScanPayload;
  balance: CustomerBalance;
  scannedAt: number;
}

/**
 * While a customer is on screen the connection is refreshed this often, so the press finds it open:
 * servers commonly close an idle one after 5 s, and Node's pool lets it go a second before that.
 */
export const KEEP_WARM_MS = 2_500;

const BUSY_ERROR: AppError = codedError('input', 'checkout.busy');
const CANNOT_CANCEL: AppError = codedError('input', 'checkout.cannotCancel');

/**
 * One till's checkout: the scanned customer and the QR secret stay here; the renderer gets views.
 * A scan is decoded and its shop checked before any request; bonuses are computed here from the
 * server's balance, so only the purchase total and the redeem amount come from the renderer. One
 * request at a time: a second press while one is in flight is refused and sends nothing.
 */
export class CheckoutSession {
  private current: CheckoutView = { stage: 'idle', busy: false, error: null };
  private held: HeldCustomer | null = null;
  private cancelIdleTimer: (() => void) | null = null;
  private cancelWarmTimer: (() => void) | null = null;
  private closed = false;
  /**
   * Drops the balance query in flight (Esc): its socket goes with it, so the next scan is not held
   * behind it, and its answer, should one still come, is not shown.
   */
  private balanceAbort: AbortController | null = null;

  constructor(private readonly options: CheckoutSessionOptions) {}

  /** What the cashier sees now. */
  view(): CheckoutView {
    return this.current;
  }

  async scan(text: string): Promise<Result<CheckoutView>> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    const decoded = decodeScan(text);
    if (!decoded.ok) return this.keepStageWith(decoded.error);
    const shopCode = this.options.shop.shopCode();
    if (shopCode === null) return this.keepStageWith(notConfigured());
    const foreign = checkVendor(decoded.value, shopCode);
    if (foreign) return this.keepStageWith(foreign);
    await this.options.shop.retrySecret();
    const client = this.options.shop.client();
    if (!client.ok) return this.keepStageWith(client.error);

    this.held = null;
    const abort = new AbortController();
    this.balanceAbort = abort;
    this.show({ stage: 'idle', busy: true, error: null });
    this.options.onServerStart?.();
    const balance = await client.value.balance(decoded.value, abort.signal);
    if (abort.signal.aborted) {
      // An answer that beat the cancel is still news about the server; a dropped query's failure is
      // our own doing and says nothing about it. A newer request out reports for itself.
      if (!this.view().busy) {
        if (balance.ok) this.options.onServerCall(null);
        else this.options.onServerDropped?.();
      }
      return { ok: true, value: this.current };
    }
    this.balanceAbort = null;
    this.options.onServerCall(balance.ok ? null : balance.error);
    if (!balance.ok) return this.settle({ stage: 'idle', busy: false, error: balance.error });
    this.held = { qr: decoded.value, balance: balance.value, scannedAt: (this.options.now ?? Date.now)() };
    return this.settle({ stage: 'customer', busy: false, error: null, customer: this.customerView(this.held) });
  }

  /** `confirmDuplicate`: the cashier's «yes» to the double-press question; it counts only for the press asked about. */
  async accrue(purchaseKopecks: number, confirmDuplicate = false): Promise<Result<CheckoutView>> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    const ready = this.readyCustomer();
    if ('error' in ready) return this.keepStageWith(ready.error);
    const bonuses = quote(purchaseKopecks, ready.customer.balance, ready.customer.rules).accrue;
    if (bonuses < 1) {
      return this.keepStageWith(codedError('input', 'checkout.zeroAccrual'));
    }
    return this.press(ready, { kind: 'accrue', purchaseKopecks, bonuses }, 0, confirmDuplicate);
  }

  async redeem(purchaseKopecks: number, bonuses: number, confirmDuplicate = false): Promise<Result<CheckoutView>> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    const ready = this.readyCustomer();
    if ('error' in ready) return this.keepStageWith(ready.error);
    const invalid = checkRedeem(bonuses, purchaseKopecks, ready.customer.balance, ready.customer.rules);
    if (invalid) return this.keepStageWith(invalid);
    return this.press(ready, { kind: 'redeem', purchaseKopecks, bonuses }, bonuses, confirmDuplicate);
  }

  /** The QR of the customer on the till now: the manager's fresh code for a correction. Never leaves main. */
  scannedQr(): { client: number; secret: number } | null {
    return this.held ? { client: this.held.qr.client, secret: this.held.qr.secret } : null;
  }

  /** «Нет» to the double-press question: back to the customer, nothing sent. */
  cancelRepeat(): Result<CheckoutView> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    if (this.current.stage !== 'confirm') return { ok: true, value: this.current };
    return this.settle({ stage: 'customer', busy: false, error: null, customer: this.current.customer });
  }

  /**
   * «Новый покупатель» (Esc): forget the customer. A balance query in flight is dropped (it changes
   * nothing on the server, its answer is ignored); an operation in flight cannot be: only its answer
   * or the balance check after it tells whether the bonuses moved.
   */
  clear(): Result<CheckoutView> {
    if (this.current.busy && this.current.stage === 'idle') {
      this.balanceAbort?.abort();
      this.balanceAbort = null;
      this.forget();
      return { ok: true, value: this.current };
    }
    if (this.current.busy) return { ok: false, error: CANNOT_CANCEL };
    this.forget();
    return { ok: true, value: this.current };
  }

  /** The cashier is still at work on this customer: the idle clear waits again from now. */
  touch(): Result<CheckoutView> {
    this.restartIdleTimer();
    if (this.held !== null && !this.current.busy) this.warm();
    return { ok: true, value: this.current };
  }

  /** Settings changed under the customer (another shop, other rules): their figures no longer hold. */
  reset(): void {
    if (this.current.busy) return;
    this.forget();
  }

  close(): void {
    this.closed = true;
    this.cancelIdleTimer?.();
    this.cancelWarmTimer?.();
  }

  private async press(
    ready: { held: HeldCustomer; customer: CustomerView },
    pressed: { kind: OperationKind; purchaseKopecks: number; bonuses: number },
    redeemBonuses: number,
    confirmDuplicate: boolean,
  ): Promise<Result<CheckoutView>> {
    const { held, customer } = ready;
    const asked = this.current.stage === 'confirm' ? this.current.repeat : null;
    const confirmed =
      confirmDuplicate &&
      asked !== null &&
      asked.kind === pressed.kind &&
      asked.purchaseKopecks === pressed.purchaseKopecks &&
      asked.bonuses === pressed.bonuses;
    this.show({ ...this.current, busy: true, error: null });
    this.options.onServerStart?.();
    const result = await this.options.operations.press({
      qr: { client: held.qr.client, secret: held.qr.secret },
      // The latest balance on screen: what a lost answer is checked against.
      customer: { ...held.balance, balance: customer.balance },
      rules: customer.rules,
      purchaseKopecks: pressed.purchaseKopecks,
      redeemBonuses,
      scannedAt: held.scannedAt,
      confirmDuplicate: confirmed,
      checkoutId: randomUUID(),
    });
    if (result.status === 'confirm') {
      const repeat: RepeatQuestion = { ...pressed, earlier: { at: result.earlier.at, status: result.earlier.status } };
      return this.settle({ stage: 'confirm', busy: false, error: null, customer, repeat });
    }
    // Nothing was sent: the server's state on the status line is left as it was.
    if (result.status === 'not-sent') return this.settle({ stage: 'customer', busy: false, error: result.error, customer: this.withBlocked(customer) });
    // An operation the journal refused never reached the server: it says nothing about the server.
    const sent = result.outcomes.filter((outcome) => !(outcome.status === 'refused' && outcome.error.kind === 'journal'));
    const failed = sent.find((outcome) => outcome.status !== 'applied');
    if (sent.length > 0) this.options.onServerCall(failed && 'error' in failed ? failed.error : null);
    const view = viewAfterOperations(customer, result.outcomes);
    // The bonuses moved, but the journal does not show how it ended: the cashier says so to the manager.
    if (result.journalError) return this.settle({ ...view, error: result.journalError });
    return this.settle(view.stage === 'customer' ? { ...view, customer: this.withBlocked(view.customer) } : view);
  }

  /** Operations start only from a customer on screen: never twice from a 'done' screen by a stray key. */
  private readyCustomer(): { held: HeldCustomer; customer: CustomerView } | { error: AppError } {
    if ((this.current.stage === 'customer' || this.current.stage === 'confirm') && this.held !== null) {
      return { held: this.held, customer: this.current.customer };
    }
    if (this.current.stage === 'done') {
      return { error: codedError('input', 'checkout.alreadyDone') };
    }
    return { error: codedError('input', 'checkout.scanFirst') };
  }

  private customerView(held: HeldCustomer): CustomerView {
    const { firstName, lastName, balance, pPlus, pMinus } = held.balance;
    const rules = effectiveRules(this.options.shop.rules(), { pPlus, pMinus });
    return this.withBlocked({ client: held.qr.client, firstName, lastName, balance, rules });
  }

  /** The customer's operations with an unknown outcome, so the screen can say why a button is shut. */
  private withBlocked(customer: CustomerView): CustomerView {
    const rest: CustomerView = { ...customer };
    delete rest.blocked;
    const blocked = this.options.operations.blockedFor(customer.client);
    return blocked.length > 0 ? { ...rest, blocked } : rest;
  }

  /** A refusal that changes nothing but the message: the customer, if any, stays on screen. */
  private keepStageWith(error: AppError): Result<CheckoutView> {
    return this.settle({ ...this.current, busy: false, error });
  }

  private forget(): void {
    this.held = null;
    this.show({ stage: 'idle', busy: false, error: null });
  }

  private settle(view: CheckoutView): Result<CheckoutView> {
    if (view.stage === 'idle') this.held = null;
    this.show(view);
    return { ok: true, value: view };
  }

  private show(view: CheckoutView): void {
    if (this.closed) return;
    this.current = view;
    this.restartIdleTimer();
    this.keepWarm();
    this.options.onChange(view);
  }

  /** The press after a pause should cost its own round trips only, not a new connection's. */
  private keepWarm(): void {
    this.cancelWarmTimer?.();
    this.cancelWarmTimer = null;
    if (this.closed || this.held === null || this.current.busy) return;
    this.cancelWarmTimer = this.options.scheduler.setTimer(() => {
      this.warm();
      this.keepWarm();
    }, KEEP_WARM_MS);
  }

  private warm(): void {
    const client = this.options.shop.client();
    if (client.ok) void client.value.warm();
  }

  /** Privacy at the till: a customer's name and balance do not stay on screen for the next person. */
  private restartIdleTimer(): void {
    this.cancelIdleTimer?.();
    this.cancelIdleTimer = null;
    if (this.current.busy || (this.current.stage === 'idle' && this.current.error === null)) return;
    this.cancelIdleTimer = this.options.scheduler.setTimer(() => {
      if (!this.current.busy) this.forget();
    }, this.options.idleClearMs);
  }
}

function notConfigured(): AppError {
  return codedError('config', 'config.noShopCode');
}
