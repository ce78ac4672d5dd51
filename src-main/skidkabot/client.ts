import { codedError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import type { BalanceAnomaly, CustomerBalance, OperationKind, OperationOutcome } from '../../src-shared/skidkabot/types';
import { serverCodeError } from './answerMessages';
import { parseAnswer } from './answerParser';
import type { ParsedAnswer } from './answerParser';
import { isTransient, networkError } from './networkErrors';
import { cleanServerName, plainServerText, secretRedactor } from './serverText';
import type { NetworkSetup } from './net/networkSetup';
import { createHttpTransport } from './transport';
import type { FormTransport } from './transport';

export interface ShopCredentials {
  shopCode: number;
  shopSecret: number;
  kassa: number;
}

/** The two numbers of a customer's QR that the server checks. */
export interface QrRef {
  client: number;
  secret: number;
}

export interface ClientOptions {
  baseUrl: string;
  credentials: ShopCredentials;
  connectTimeoutMs?: number;
  /** Longest a cashier waits for any one call, retries and re-checks included; at most {@link MAX_WAIT_MS}. */
  totalTimeoutMs?: number;
  /** The proxy and trusted roots; direct, with Node's roots, when not given. */
  network?: NetworkSetup;
}

const MAX_WAIT_MS = 15_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** Kept back from an operation's own request, so a lost answer can still be checked within the same wait. */
const RECHECK_RESERVE_MS = 5_000;
/** A retry with less time than this left would only turn one failure into two. */
const MIN_RETRY_MS = 300;

const PATHS = {
  balance: '/api_get_balance.php',
  accrue: '/api_plus_balance.php',
  redeem: '/api_minus_balance.php',
} as const;

/** A customer that cannot exist: the shop check only needs the server to get past its shop checks. */
const NO_CUSTOMER: QrRef = { client: 1, secret: 1 };
/** Codes the server gives only after it has accepted the shop code and secret. */
const SHOP_ACCEPTED = new Set([0, 6, 7, 8, 9]);

type Call =
  | { ok: true; answer: ParsedAnswer }
  | {
      ok: false;
      error: AppError;
      /** The request may have reached the server, so an operation may have been applied. */
      reached: boolean;
      transient: boolean;
    };

/**
 * The Skidkabot cashier API. Every method resolves (never rejects) with either the server's
 * answer or an error written for the cashier. Accruals and redemptions are never sent twice by
 * this class: a lost answer is settled by asking the balance again.
 */
export class SkidkabotClient {
  readonly #transport: FormTransport | null;
  readonly #problem: AppError | null;
  readonly #credentials: ShopCredentials;
  readonly #totalMs: number;
  readonly #redactSecret: (text: string) => string;

  constructor(options: ClientOptions) {
    this.#credentials = options.credentials;
    this.#totalMs = clampWait(options.totalTimeoutMs);
    this.#redactSecret = secretRedactor(options.credentials.shopSecret);
    const url = parseBaseUrl(options.baseUrl);
    this.#problem = url.ok ? credentialsProblem(options.credentials) : url.error;
    this.#transport = url.ok && this.#problem === null ? createHttpTransport(url.value, clampWait(options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS), options.network) : null;
  }

  /** `signal` drops the query (Esc at the till): its result is then of no use to anyone. */
  async balance(qr: QrRef, signal?: AbortSignal): Promise<Result<CustomerBalance>> {
    const problem = this.#problem ?? qrProblem(qr);
    if (problem) return { ok: false, error: problem };
    const result = await this.#customer(qr, Date.now() + this.#totalMs, signal);
    if (!result.ok) return { ok: false, error: this.#redact(result.error) };
    const { firstName, lastName } = result.value;
    return { ok: true, value: { ...result.value, firstName: this.#redactSecret(firstName), lastName: this.#redactSecret(lastName) } };
  }

  accrue(qr: QrRef, bonuses: number, balanceBefore?: number): Promise<OperationOutcome> {
    return this.#operation('accrue', qr, bonuses, balanceBefore);
  }

  redeem(qr: QrRef, bonuses: number, balanceBefore?: number): Promise<OperationOutcome> {
    return this.#operation('redeem', qr, bonuses, balanceBefore);
  }

  /**
   * Checks the shop code and secret without a customer: the server checks the shop before the
   * customer, so a made-up customer answers code 6 (or 7–9) when the shop is right and 5 when not.
   */
  async checkShop(): Promise<Result<{ message: string }>> {
    if (this.#problem) return { ok: false, error: this.#problem };
    const call = await this.#askBalance(NO_CUSTOMER, Date.now() + this.#totalMs);
    if (!call.ok) return { ok: false, error: this.#redact(call.error) };
    if (SHOP_ACCEPTED.has(call.answer.code)) {
      return { ok: true, value: { message: 'Сервер Скидкабот отвечает, код и секретный код магазина верны.' } };
    }
    return { ok: false, error: this.#redact(serverCodeError(call.answer.code, call.answer.text)) };
  }

  /**
   * Readies the connection for the next call while the cashier works (opens it, resumes TLS, or keeps
   * it from timing out). Never an operation's endpoint; never rejects; no effect on any result.
   */
  warm(): Promise<void> {
    return this.#transport?.warm() ?? Promise.resolve();
  }

  /** Drops the kept-alive connection; later calls open a new one. */
  close(): void {
    this.#transport?.close();
  }

  async #operation(kind: OperationKind, qr: QrRef, bonuses: number, balanceBefore: number | undefined): Promise<OperationOutcome> {
    const problem = this.#problem ?? qrProblem(qr) ?? bonusesProblem(bonuses) ?? balanceProblem(balanceBefore);
    if (problem) return { status: 'refused', kind, bonuses, error: problem };
    const outcome = await this.#operate(kind, qr, bonuses, balanceBefore, Date.now() + this.#totalMs);
    if (outcome.status === 'applied') {
      const { anomaly } = outcome;
      return {
        ...outcome,
        firstName: this.#redactSecret(outcome.firstName),
        lastName: this.#redactSecret(outcome.lastName),
        ...(anomaly?.code === 'balance-unreadable' ? { anomaly: { ...anomaly, reported: this.#redactSecret(anomaly.reported) } } : {}),
      };
    }
    return { ...outcome, error: this.#redact(outcome.error) };
  }

  async #operate(
    kind: OperationKind,
    qr: QrRef,
    bonuses: number,
    knownBalance: number | undefined,
    deadline: number,
  ): Promise<OperationOutcome> {
    let before = knownBalance;
    let names = { firstName: '', lastName: '' };
    if (before === undefined) {
      const customer = await this.#customer(qr, deadline);
      if (!customer.ok) return { status: 'refused', kind, bonuses, error: customer.error };
      before = customer.value.balance;
      names = customer.value;
    }

    const reserve = Math.min(RECHECK_RESERVE_MS, this.#totalMs / 3);
    const call = await this.#post(PATHS[kind], { ...this.#shopForm(qr), kassa: String(this.#credentials.kassa), summa: String(bonuses) }, deadline - reserve);
    if (call.ok) {
      const { code, text, data } = call.answer;
      if (code !== 0) return { status: 'refused', kind, bonuses, error: serverCodeError(code, text) };
      const balance = readNumber(data.balance);
      if (balance === null) return this.#reconcile(kind, qr, bonuses, before, null, deadline);
      const expected = kind === 'accrue' ? before + bonuses : before - bonuses;
      const anomaly = balanceAnomaly(balance, expected);
      return {
        status: 'applied',
        kind,
        bonuses,
        balance: anomaly?.code === 'balance-unreadable' ? null : balance,
        firstName: cleanServerName(data.first_name) || names.firstName,
        lastName: cleanServerName(data.last_name) || names.lastName,
        confirmedBy: 'answer',
        ...(anomaly ? { anomaly } : {}),
      };
    }
    if (!call.reached) return { status: 'refused', kind, bonuses, error: call.error };
    return this.#reconcile(kind, qr, bonuses, before, call.error, deadline);
  }

  /**
   * The answer to an operation was lost, or could not be read. The only way to learn whether it
   * was applied is the balance: moved by exactly the amount → applied; unchanged → not applied;
   * anything else, or no answer again → unknown. `lost` is what went wrong, or null when the server
   * did say code 0 but gave no balance: then an unchanged balance is a contradiction, not a "no".
   * Any unreadable answer counts as lost, an HTML 500 included: a PHP script can fail after
   * writing to its database, so a broken answer proves nothing either way.
   */
  async #reconcile(
    kind: OperationKind,
    qr: QrRef,
    bonuses: number,
    before: number,
    lost: AppError | null,
    deadline: number,
  ): Promise<OperationOutcome> {
    const check = await this.#customer(qr, deadline);
    if (!check.ok) {
      return {
        status: 'unknown',
        kind,
        bonuses,
        balanceBefore: before,
        error: codedError('outcome-unknown', 'outcome.unknownUnchecked', { op: kind, bonuses }),
      };
    }
    const after = check.value.balance;
    const expected = kind === 'accrue' ? before + bonuses : before - bonuses;
    if (sameAmount(after, expected)) {
      return { status: 'applied', kind, bonuses, balance: after, firstName: check.value.firstName, lastName: check.value.lastName, confirmedBy: 'balance-check' };
    }
    if (sameAmount(after, before) && lost) {
      return {
        status: 'not-applied',
        kind,
        bonuses,
        balance: after,
        error: codedError(lost.kind, 'outcome.notApplied', { op: kind }),
      };
    }
    return {
      status: 'unknown',
      kind,
      bonuses,
      balanceBefore: before,
      balanceAfter: after,
      error: codedError('outcome-unknown', 'outcome.unknownMoved', { op: kind, bonuses, before, after }),
    };
  }

  async #customer(qr: QrRef, deadline: number, signal?: AbortSignal): Promise<Result<CustomerBalance>> {
    const call = await this.#askBalance(qr, deadline, signal);
    if (!call.ok) return { ok: false, error: call.error };
    const { code, text, data } = call.answer;
    if (code !== 0) return { ok: false, error: serverCodeError(code, text) };
    return customerFrom(data);
  }

  /** The balance request, retried once when the network failed and time is left. */
  async #askBalance(qr: QrRef, deadline: number, signal?: AbortSignal): Promise<Call> {
    const form = this.#shopForm(qr);
    const first = await this.#post(PATHS.balance, form, deadline, signal);
    if (first.ok || !first.transient || signal?.aborted || deadline - Date.now() < MIN_RETRY_MS) return first;
    return this.#post(PATHS.balance, form, deadline, signal);
  }

  async #post(path: string, form: Record<string, string>, deadline: number, signal?: AbortSignal): Promise<Call> {
    if (!this.#transport) {
      const error = this.#problem ?? codedError('config', 'config.serverMissing');
      return { ok: false, error, reached: false, transient: false };
    }
    const timeoutMs = Math.max(1, deadline - Date.now());
    const sent = await this.#transport.post(path, form, timeoutMs, signal);
    if (!sent.ok) return { ok: false, error: networkError(sent.failure, sent.via), reached: sent.reached, transient: isTransient(sent.failure) };
    const parsed = parseAnswer(sent.answer);
    return parsed.ok ? { ok: true, answer: parsed.value } : { ok: false, error: parsed.error, reached: true, transient: false };
  }

  #shopForm(qr: QrRef): Record<string, string> {
    return {
      fk_vendor: String(this.#credentials.shopCode),
      vendor_secret: String(this.#credentials.shopSecret),
      fk_client: String(qr.client),
      qr_secret: String(qr.secret),
    };
  }

  /** The server's own words can end up in a message; the shop secret must never be among them. */
  #redact(error: AppError): AppError {
    const message = this.#redactSecret(error.message);
    // Every text parameter may carry the server's words: a refusal's text, a figure it reported.
    const params =
      error.params === undefined
        ? undefined
        : Object.fromEntries(Object.entries(error.params).map(([name, value]) => [name, typeof value === 'string' ? this.#redactSecret(value) : value]));
    return { ...error, message, ...(params === undefined ? {} : { params }) };
  }
}

function clampWait(ms: number | undefined, fallback = MAX_WAIT_MS): number {
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_WAIT_MS) : fallback;
}

function parseBaseUrl(baseUrl: string): Result<URL> {
  const bad = codedError('config', 'config.badUrl');
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { ok: true, value: url } : { ok: false, error: bad };
  } catch {
    return { ok: false, error: bad };
  }
}

function credentialsProblem(credentials: ShopCredentials): AppError | null {
  const { shopCode, shopSecret, kassa } = credentials;
  if (!isCount(shopCode) || !isCount(shopSecret)) {
    return codedError('config', 'config.badCredentials');
  }
  if (!isCount(kassa)) return codedError('config', 'config.badKassa');
  return null;
}

function qrProblem(qr: QrRef): AppError | null {
  return isCount(qr.client) && isCount(qr.secret) ? null : codedError('scan', 'qr.badNumbers');
}

function bonusesProblem(bonuses: number): AppError | null {
  return Number.isSafeInteger(bonuses) && bonuses >= 1 ? null : codedError('input', 'bonuses.invalid');
}

function balanceProblem(balance: number | undefined): AppError | null {
  return balance === undefined || Number.isFinite(balance) ? null : codedError('input', 'balance.unknown');
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function customerFrom(data: Record<string, unknown>): Result<CustomerBalance> {
  const balance = readNumber(data.balance);
  const pPlus = readNumber(data.p_plus);
  const pMinus = readNumber(data.p_minus);
  // A balance is a whole number of bonuses and a percentage lies between 0 and 100: anything else is
  // refused here, at the edge, so no later check ever shows the cashier a validator's English.
  const malformed = (key: 'answer.noBalance' | 'answer.balanceNotWhole' | 'answer.percentOutOfRange', reported?: unknown): Result<CustomerBalance> => ({
    ok: false,
    error: codedError('server', key, reported === undefined ? undefined : { reported: reportedText(reported) }),
  });
  if (balance === null || pPlus === null || pMinus === null) return malformed('answer.noBalance');
  if (!Number.isSafeInteger(balance)) return malformed('answer.balanceNotWhole', data.balance);
  const badPercent = [pPlus, pMinus].find((percent) => percent < 0 || percent > 100);
  if (badPercent !== undefined) return malformed('answer.percentOutOfRange', badPercent);
  return { ok: true, value: { firstName: cleanServerName(data.first_name), lastName: cleanServerName(data.last_name), balance, pPlus, pMinus } };
}

/**
 * What is odd about the balance an operation's answer gave. The server's code 0 says the operation
 * happened, so an odd balance never makes it less applied: it is flagged for the manager instead.
 */
function balanceAnomaly(balance: number, expected: number): BalanceAnomaly | undefined {
  if (!Number.isSafeInteger(balance)) return { code: 'balance-unreadable', reported: String(balance), expected };
  return balance === expected ? undefined : { code: 'balance-mismatch', reported: balance, expected };
}

/** A figure the server sent, as short plain text for a message. */
function reportedText(value: unknown): string {
  return plainServerText(String(value), 40);
}

/**
 * PHP may send numbers as strings ("2365"); anything else is not a number. A "-0" becomes 0: the
 * journal writes JSON, which has no negative zero, and must read back what it was given.
 */
function readNumber(value: unknown): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,15}(?:\.\d{1,6})?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) return null;
  return number === 0 ? 0 : number;
}

/** Balances may carry fractions; a float's last bit must not turn "applied" into "unknown". */
function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}
