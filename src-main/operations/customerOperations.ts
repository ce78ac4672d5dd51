import { randomUUID } from 'node:crypto';
import { effectiveRules, quote } from '../../src-shared/bonus/bonusRules';
import { codedError, type AppError, type Result } from '../../src-shared/errors';
import { DUPLICATE_CODE } from '../../src-shared/journal/errorCodes';
import { checkVendor, decodeScan } from '../../src-shared/scan/decodeScan';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import type { CustomerBalance, OperationKind, OperationOutcome } from '../../src-shared/skidkabot/types';
import { pressThrough } from '../app/tillOperations';
import { failed, succeeded, type CommandReport, type JsonObject } from '../cli/command';
import { bonuses, customerLines, fullName, outcomeJson, outcomeLine, rubles, rublesDecimal } from '../cli/format';
import type { OperationRunner } from '../journal/operationRunner';
import type { QrCredentials } from '../journal/qrSecrets';

/**
 * The customer operations as the CLI and the local API both run them, so a script gets the same
 * answer from either: the checks, the journal path and the report (`--json` object and the lines).
 */

/** Where operations are written: the CLI's few seconds under the writer lock, or the running till's journal. */
export interface OperationDesk {
  /** The server's answers about a customer. */
  balance(qr: QrCredentials): Promise<Result<CustomerBalance>>;
  /** Runs `work` with the runner of this till's journal; a till runs one customer's operations at a time. */
  withRunner(client: number, work: (runner: OperationRunner) => Promise<CommandReport>): Promise<CommandReport>;
}

export interface ScannedCustomer {
  qr: QrCredentials;
  customerId: number;
}

/** The vendor's order: read the scan, then refuse another shop's QR before any request. */
export function readCustomerScan(scanText: string, shopCode: number): Result<ScannedCustomer> & { vendor?: number } {
  const scan = decodeScan(scanText);
  if (!scan.ok) return scan;
  const otherShop = checkVendor(scan.value, shopCode);
  if (otherShop) return { ok: false, error: otherShop, vendor: scan.value.vendor };
  return { ok: true, value: { qr: { client: scan.value.client, secret: scan.value.secret }, customerId: scan.value.client } };
}

/** The failure report of a scan that did not pass `readCustomerScan`. */
export function scanFailure(read: { ok: false; error: AppError; vendor?: number }): CommandReport {
  return failed(read.error, read.vendor === undefined ? {} : { vendor: read.vendor });
}

export async function balanceReport(desk: OperationDesk, customer: ScannedCustomer): Promise<CommandReport> {
  const answer = await desk.balance(customer.qr);
  if (!answer.ok) return failed(answer.error, { client: customer.customerId });
  const { firstName, lastName, balance, pPlus, pMinus } = answer.value;
  return succeeded({ client: customer.customerId, firstName, lastName, balance, pPlus, pMinus }, customerLines(answer.value));
}

/** The double-press question, told as the flag (or the field) that answers it. */
function duplicateRefusal(kind: OperationKind, count: number, earlierAt: string): AppError {
  return codedError('input', 'cli.duplicate', { kind, bonuses: count, time: earlierAt.slice(11, 16) }, DUPLICATE_CODE);
}

export interface BonusOperationRequest {
  kind: OperationKind;
  bonuses: number;
  confirmDuplicate: boolean;
}

/** An accrual or redemption of a number of bonuses, checked and journaled as the till's button would be. */
export function bonusOperationReport(desk: OperationDesk, customer: ScannedCustomer, request: BonusOperationRequest): Promise<CommandReport> {
  const { kind, confirmDuplicate } = request;
  const { customerId, qr } = customer;
  return desk.withRunner(customerId, async (runner) => {
    const blocked = runner.refusalFor(customerId, kind);
    if (blocked) return failed(blocked, { client: customerId });
    if (!confirmDuplicate) {
      const earlier = runner.duplicateOf({ client: customerId, kind, bonuses: request.bonuses });
      if (earlier) return failed(duplicateRefusal(kind, request.bonuses, earlier.at), { client: customerId });
    }
    // Widened by hand: the callback sets it, which TypeScript's narrowing does not see.
    let journalError = null as AppError | null;
    const api = runner.forCheckout({ purchaseKopecks: 0, confirmedDuplicate: true }, (error) => {
      journalError ??= error;
    });
    const outcome = await (kind === 'accrue' ? api.accrue(qr, request.bonuses) : api.redeem(qr, request.bonuses));
    const data = { client: customerId, ...outcomeJson(outcome) };
    // The error already says what became of the bonuses and what to do.
    if (outcome.status !== 'applied') return failed(outcome.error, data);
    const { firstName, lastName } = outcome;
    const lines = [`Покупатель: ${fullName(outcome)}`, outcomeLine(outcome)];
    // Done, but the journal does not show it: the manager must settle it, and a script must not retry.
    if (journalError) return failed(journalError, { ...data, firstName, lastName }, lines);
    return succeeded({ ...data, firstName, lastName }, lines);
  });
}

export interface CheckoutRequest {
  purchaseKopecks: number;
  /** Bonuses to redeem; 0 for an accrual only; 'max' for as many as the rules allow. */
  redeem: number | 'max';
  confirmDuplicate: boolean;
  /** The shop's rule settings (the server's percentages join them per customer). */
  rules: BonusRuleSettings;
}

/** The whole purchase: the balance, a redemption if asked, the accrual on the part paid with money. */
export function checkoutOperationReport(desk: OperationDesk, customer: ScannedCustomer, request: CheckoutRequest): Promise<CommandReport> {
  const { customerId, qr } = customer;
  return desk.withRunner(customerId, async (runner) => {
    const answer = await desk.balance(qr);
    if (!answer.ok) return failed(answer.error, { client: customerId });
    const balance = answer.value;
    const rules = effectiveRules(request.rules, balance);
    const redeemBonuses = request.redeem === 'max' ? quote(request.purchaseKopecks, balance.balance, rules).maxRedeem : request.redeem;
    // The same checks as the till's buttons: no repeat of an unresolved operation, no double press unconfirmed.
    const pressed = await pressThrough(runner, {
      qr,
      customer: balance,
      rules,
      purchaseKopecks: request.purchaseKopecks,
      redeemBonuses,
      scannedAt: Date.now(),
      confirmDuplicate: request.confirmDuplicate,
      checkoutId: randomUUID(),
    });
    if (pressed.status === 'confirm') return failed(duplicateRefusal(pressed.kind, pressed.bonuses, pressed.earlier.at), { client: customerId });
    if (pressed.status === 'not-sent') return failed(pressed.error, { client: customerId });
    const report = checkoutReport(customerId, request.purchaseKopecks, balance, pressed.outcomes, request.rules);
    return { ...report, error: report.error ?? pressed.journalError };
  });
}

type Unapplied = Exclude<OperationOutcome, { status: 'applied' }>;

/** Pure: what the checkout did, for a person and for a script. */
export function checkoutReport(
  customerId: number,
  purchaseKopecks: number,
  customer: CustomerBalance,
  outcomes: readonly OperationOutcome[],
  settingsRules: BonusRuleSettings,
): CommandReport {
  const rules = effectiveRules(settingsRules, customer);
  const applied = (kind: OperationOutcome['kind']) =>
    outcomes.find((outcome) => outcome.kind === kind && outcome.status === 'applied')?.bonuses ?? 0;
  const redeemed = applied('redeem');
  const accrued = applied('accrue');
  const failure = outcomes.find((outcome): outcome is Unapplied => outcome.status !== 'applied');
  const last = outcomes.at(-1);
  const balance = !last ? customer.balance : last.status === 'applied' || last.status === 'not-applied' ? last.balance : null;
  const toPay = failure ? null : purchaseKopecks - redeemed * 100;

  const data: JsonObject = {
    client: customerId,
    firstName: customer.firstName,
    lastName: customer.lastName,
    balanceBefore: customer.balance,
    pPlus: customer.pPlus,
    pMinus: customer.pMinus,
    rules: { source: rules.source, pPlus: rules.pPlus, pMinus: rules.pMinus, accrueOnPaidPart: rules.accrueOnPaidPart },
    purchase: rublesDecimal(purchaseKopecks),
    redeemed,
    accrued,
    balance,
    toPay: toPay === null ? null : rublesDecimal(toPay),
    operations: outcomes.map(outcomeJson),
  };
  const lines = [
    `Покупатель: ${fullName(customer)}`,
    `Баланс до покупки: ${bonuses(customer.balance)}`,
    `Покупка: ${rubles(purchaseKopecks)}`,
    ...outcomes.map(outcomeLine),
  ];
  if (outcomes.length === 0) lines.push(`Бонусы не начислены и не списаны: по правилам (${rules.pPlus} % покупки) выходит 0.`);
  if (toPay !== null) lines.push(`К оплате деньгами: ${rubles(toPay)}`);
  return { data, lines, error: failure ? failure.error : null };
}
