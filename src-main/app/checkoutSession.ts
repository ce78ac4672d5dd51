import { checkRedeem, effectiveRules, quote } from '../../src-shared/bonus/bonusRules';
import { appError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import type { CheckoutView, CustomerView } from '../../src-shared/ipc/views';
import { checkVendor, decodeScan } from '../../src-shared/scan/decodeScan';
import type { ScanPayload } from '../../src-shared/scan/payload';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import type { CustomerBalance } from '../../src-shared/skidkabot/types';
import { performOperations } from '../skidkabot/checkout';
import type { SkidkabotClient } from '../skidkabot/client';
import { viewAfterOperations } from './checkoutOutcome';

/** What the checkout needs of the shop: its code and rules, and a client when it is configured. */
export interface CheckoutShop {
  shopCode(): number | null;
  rules(): BonusRuleSettings;
  client(): Result<SkidkabotClient>;
}

export interface CheckoutSessionOptions {
  shop: CheckoutShop;
  /** After every server call: null when it answered, the error otherwise (for the status line). */
  onServerCall(error: AppError | null): void;
  onChange(view: CheckoutView): void;
  idleClearMs: number;
}

/** The customer as main holds them: with the QR's numbers and the server's percentages, which the renderer never gets. */
interface HeldCustomer {
  qr: ScanPayload;
  balance: CustomerBalance;
}

const BUSY_ERROR: AppError = appError('input', 'Подождите: предыдущая операция ещё выполняется.');

/**
 * One till's checkout: the scanned customer and the QR secret stay here; the renderer gets views.
 * A scan is decoded and its shop checked before any request; bonuses are computed here from the
 * server's balance, so only the purchase total and the redeem amount come from the renderer. One
 * request at a time: a second press while one is in flight is refused and sends nothing.
 */
export class CheckoutSession {
  private current: CheckoutView = { stage: 'idle', busy: false, error: null };
  private held: HeldCustomer | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: CheckoutSessionOptions) {}

  async scan(text: string): Promise<Result<CheckoutView>> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    const decoded = decodeScan(text);
    if (!decoded.ok) return this.keepStageWith(decoded.error);
    const shopCode = this.options.shop.shopCode();
    if (shopCode === null) return this.keepStageWith(notConfigured());
    const foreign = checkVendor(decoded.value, shopCode);
    if (foreign) return this.keepStageWith(foreign);
    const client = this.options.shop.client();
    if (!client.ok) return this.keepStageWith(client.error);

    this.held = null;
    this.show({ stage: 'idle', busy: true, error: null });
    const balance = await client.value.balance(decoded.value);
    this.options.onServerCall(balance.ok ? null : balance.error);
    if (!balance.ok) return this.settle({ stage: 'idle', busy: false, error: balance.error });
    this.held = { qr: decoded.value, balance: balance.value };
    return this.settle({ stage: 'customer', busy: false, error: null, customer: this.customerView(this.held) });
  }

  async accrue(purchaseKopecks: number): Promise<Result<CheckoutView>> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    const ready = this.readyCustomer();
    if ('error' in ready) return this.keepStageWith(ready.error);
    const { held, customer } = ready;
    const bonuses = quote(purchaseKopecks, customer.balance, customer.rules).accrue;
    if (bonuses < 1) {
      return this.keepStageWith(appError('input', 'За эту покупку бонусы не начисляются: по правилам выходит 0. Продолжите без бонусов.'));
    }
    const client = this.options.shop.client();
    if (!client.ok) return this.keepStageWith(client.error);
    this.show({ ...this.current, busy: true, error: null });
    const outcome = await client.value.accrue(held.qr, bonuses, customer.balance);
    this.options.onServerCall(outcome.status === 'applied' ? null : outcome.error);
    return this.settle(viewAfterOperations(customer, [outcome]));
  }

  async redeem(purchaseKopecks: number, bonuses: number): Promise<Result<CheckoutView>> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    const ready = this.readyCustomer();
    if ('error' in ready) return this.keepStageWith(ready.error);
    const { held, customer } = ready;
    const invalid = checkRedeem(bonuses, purchaseKopecks, customer.balance, customer.rules);
    if (invalid) return this.keepStageWith(invalid);
    const client = this.options.shop.client();
    if (!client.ok) return this.keepStageWith(client.error);
    this.show({ ...this.current, busy: true, error: null });
    const done = await performOperations(client.value, held.qr, held.balance, purchaseKopecks, bonuses, customer.rules);
    // A refusal here comes before any request, so the server's state is left as it was.
    if (!done.ok) return this.settle({ stage: 'customer', busy: false, error: done.error, customer });
    const failed = done.value.find((outcome) => outcome.status !== 'applied');
    this.options.onServerCall(failed && 'error' in failed ? failed.error : null);
    return this.settle(viewAfterOperations(customer, done.value));
  }

  /** «Новый покупатель» (Esc): forget the customer. Refused while a request is in flight. */
  clear(): Result<CheckoutView> {
    if (this.current.busy) return { ok: false, error: BUSY_ERROR };
    this.forget();
    return { ok: true, value: this.current };
  }

  /** Settings changed under the customer (another shop, other rules): their figures no longer hold. */
  reset(): void {
    if (this.current.busy) return;
    this.forget();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.idleTimer);
  }

  /** Operations start only from a customer on screen: never twice from a 'done' screen by a stray key. */
  private readyCustomer(): { held: HeldCustomer; customer: CustomerView } | { error: AppError } {
    if (this.current.stage === 'customer' && this.held !== null) return { held: this.held, customer: this.current.customer };
    if (this.current.stage === 'done') {
      return { error: appError('input', 'Операция уже проведена. Для новой покупки отсканируйте QR-код покупателя ещё раз.') };
    }
    return { error: appError('input', 'Сначала отсканируйте QR-код покупателя.') };
  }

  private customerView(held: HeldCustomer): CustomerView {
    const { firstName, lastName, balance, pPlus, pMinus } = held.balance;
    return { client: held.qr.client, firstName, lastName, balance, rules: effectiveRules(this.options.shop.rules(), { pPlus, pMinus }) };
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
    this.options.onChange(view);
  }

  /** Privacy at the till: a customer's name and balance do not stay on screen for the next person. */
  private restartIdleTimer(): void {
    clearTimeout(this.idleTimer);
    if (this.current.busy || (this.current.stage === 'idle' && this.current.error === null)) return;
    this.idleTimer = setTimeout(() => {
      if (!this.current.busy) this.forget();
    }, this.options.idleClearMs);
    this.idleTimer.unref();
  }
}

function notConfigured(): AppError {
  return appError('config', 'Касса не настроена: не задан код магазина. Позовите менеджера.');
}
