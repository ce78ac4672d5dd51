import { parsePurchase } from '../../src-shared/bonus/parsePurchase';
import { codedError, type Result } from '../../src-shared/errors';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import { failed, succeeded, type CommandReport, type JsonObject } from '../cli/command';
import { filterOf, listOperations, type ListableJournal } from '../cli/commands/journal';
import { rublesDecimal } from '../cli/format';
import {
  balanceReport,
  bonusOperationReport,
  checkoutOperationReport,
  readCustomerScan,
  scanFailure,
  type OperationDesk,
  type ScannedCustomer,
} from '../operations/customerOperations';
import type { AccrueRequest, BalanceRequest, CheckoutRequest, JournalQuery, RedeemRequest, TillOperation, TillPurchaseRequest } from './schemas';

/** What the local API needs of the till that serves it: the app core, in the window or headless. */
export interface TillBackend {
  version: string;
  /** Shop, register, server and scanner state for /v1/status; never the secret. */
  status(): JsonObject;
  shopCode(): number | null;
  rules(): BonusRuleSettings;
  /** The till's client and journal, or why it cannot send now. */
  desk(): Result<OperationDesk>;
  journal: ListableJournal;
  /** Puts the total on the cashier's screen. */
  showPurchase(purchaseKopecks: number): void;
  lastOperation(): TillOperation | null;
  onOperation(listener: (operation: TillOperation) => void): () => void;
}

/** The endpoints as functions of a validated request: each answers with a CLI report. */
export class TillApi {
  constructor(readonly backend: TillBackend) {}

  status(): CommandReport {
    return succeeded({ version: this.backend.version, ...this.backend.status() }, []);
  }

  balance(request: BalanceRequest): Promise<CommandReport> {
    return this.withCustomer(request.qr, (desk, customer) => balanceReport(desk, customer));
  }

  accrue(request: AccrueRequest): Promise<CommandReport> {
    const confirmDuplicate = request.confirmDuplicate === true;
    if ('bonuses' in request) {
      return this.withCustomer(request.qr, (desk, customer) =>
        bonusOperationReport(desk, customer, { kind: 'accrue', bonuses: request.bonuses, confirmDuplicate }),
      );
    }
    // An accrual on a purchase is a checkout that redeems nothing: the rules decide the bonuses.
    return this.checkout({ qr: request.qr, purchase: request.purchase, redeem: 0, confirmDuplicate });
  }

  redeem(request: RedeemRequest): Promise<CommandReport> {
    return this.withCustomer(request.qr, (desk, customer) =>
      bonusOperationReport(desk, customer, { kind: 'redeem', bonuses: request.bonuses, confirmDuplicate: request.confirmDuplicate === true }),
    );
  }

  async checkout(request: CheckoutRequest): Promise<CommandReport> {
    const purchase = purchaseKopecks(request.purchase);
    if (!purchase.ok) return failed(purchase.error);
    return this.withCustomer(request.qr, (desk, customer) =>
      checkoutOperationReport(desk, customer, {
        purchaseKopecks: purchase.value,
        redeem: request.redeem ?? 0,
        confirmDuplicate: request.confirmDuplicate === true,
        rules: this.backend.rules(),
      }),
    );
  }

  async journal(query: JournalQuery): Promise<CommandReport> {
    const filter = filterOf({ values: { ...query }, positionals: [] }, false);
    if (!filter.ok) return failed(filter.error);
    return listOperations(this.backend.journal, filter.value);
  }

  tillPurchase(request: TillPurchaseRequest): CommandReport {
    const purchase = purchaseKopecks(request.purchase);
    if (!purchase.ok) return failed(purchase.error);
    this.backend.showPurchase(purchase.value);
    return succeeded({ purchase: rublesDecimal(purchase.value) }, []);
  }

  last(): CommandReport {
    return succeeded({ operation: this.backend.lastOperation() }, []);
  }

  private async withCustomer(qr: string, work: (desk: OperationDesk, customer: ScannedCustomer) => Promise<CommandReport>): Promise<CommandReport> {
    const shopCode = this.backend.shopCode();
    if (shopCode === null) return failed(codedError('config', 'config.noShopCode'));
    const customer = readCustomerScan(qr, shopCode);
    if (!customer.ok) return scanFailure(customer);
    const desk = this.backend.desk();
    if (!desk.ok) return failed(desk.error, { client: customer.value.customerId });
    return work(desk.value, customer.value);
  }
}

/** A number from a POS (1234.5) is taken as the same text a cashier would type. */
function purchaseKopecks(purchase: number | string): Result<number> {
  if (typeof purchase === 'number') {
    if (!Number.isFinite(purchase) || Math.round(purchase * 100) !== Number((purchase * 100).toFixed(6))) {
      return { ok: false, error: codedError('input', 'localApi.purchaseDecimals') };
    }
    return parsePurchase(purchase.toFixed(2));
  }
  return parsePurchase(purchase);
}
