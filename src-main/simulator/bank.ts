import { DOCUMENTED_ANSWERS } from './documentedAnswers';

export type Endpoint = 'balance' | 'plus' | 'minus';

export interface ShopRecord {
  code: number;
  secret: number;
  /** The shop's own account with Skidkabot; below zero the server answers code 15. */
  balance: number;
  pPlus: number;
  pMinus: number;
}

export interface CustomerRecord {
  client: number;
  /** The shop whose bot the customer registered in. */
  vendor: number;
  firstName: string;
  lastName: string;
  balance: number;
}

export interface BankAnswer {
  code: number;
  body: string;
}

export const QR_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Old QR codes are remembered only so that they can be answered "expired" rather than "wrong". */
const QR_HISTORY = 32;

interface IssuedQr {
  secret: number;
  issuedAt: number;
}

/**
 * The server side of the vendor protocol: shops, customers, QR codes and the order in which the
 * server checks a request. Pure apart from the clock and the random QR secrets it is given.
 */
export class Bank {
  readonly #shops = new Map<number, ShopRecord>();
  readonly #customers = new Map<number, CustomerRecord>();
  readonly #qrs = new Map<number, IssuedQr[]>();

  constructor(
    private readonly now: () => number,
    private readonly randomSecret: () => number,
  ) {}

  addShop(shop: ShopRecord): void {
    this.#shops.set(shop.code, { ...shop });
  }

  addCustomer(customer: CustomerRecord): void {
    this.#customers.set(customer.client, { ...customer });
  }

  customer(client: number): CustomerRecord {
    const customer = this.#customers.get(client);
    if (!customer) throw new Error(`simulator: no customer ${client}`);
    return { ...customer };
  }

  /** The customer's newest QR code if it is still valid, otherwise a fresh one: what the bot shows. */
  currentQr(client: number): string {
    const latest = this.#qrs.get(client)?.at(-1);
    if (latest && this.now() - latest.issuedAt < QR_LIFETIME_MS) return this.#qrText(client, latest.secret);
    return this.issueQr(client);
  }

  /** A new QR code, as when the customer presses "refresh" in the bot. Older codes stay valid for their day. */
  issueQr(client: number, issuedAt = this.now()): string {
    this.customer(client);
    const issued = this.#qrs.get(client) ?? [];
    let secret = this.randomSecret();
    while (issued.some((qr) => qr.secret === secret)) secret = this.randomSecret();
    issued.push({ secret, issuedAt });
    this.#qrs.set(client, issued.slice(-QR_HISTORY));
    return this.#qrText(client, secret);
  }

  /**
   * Answers one request. The order of checks, which decides the code when several things are
   * wrong at once, follows the numbering of the vendor's codes:
   *   1 fk_vendor missing, 2 fk_client missing, 3 vendor_secret missing, 4 qr_secret missing,
   *   5 no shop with this code and secret, 15 the shop's account below zero,
   *   6 customer not registered with this shop, 7 customer has no QR code registered,
   *   8 QR secret is none the customer was issued, 9 QR code older than a day,
   *   11 (accrue) / 12 (redeem) summa missing, 13 not enough bonuses to redeem;
   *   then the operation is applied and code 0 answered.
   * "Missing" is PHP's empty(): absent, blank or "0". A summa that is not a whole positive
   * number counts as missing, so a negative accrual can never act as a redemption.
   */
  answer(endpoint: Endpoint, params: URLSearchParams): BankAnswer {
    const vendorParam = present(params, 'fk_vendor');
    if (vendorParam === null) return documented(1);
    const clientParam = present(params, 'fk_client');
    if (clientParam === null) return documented(2);
    const secretParam = present(params, 'vendor_secret');
    if (secretParam === null) return documented(3);
    const qrParam = present(params, 'qr_secret');
    if (qrParam === null) return documented(4);

    const shop = this.#shops.get(wholeNumber(vendorParam));
    if (!shop || shop.secret !== wholeNumber(secretParam)) return documented(5);
    if (shop.balance < 0) return documented(15);

    const customer = this.#customers.get(wholeNumber(clientParam));
    if (!customer || customer.vendor !== shop.code) return documented(6);
    const issued = this.#qrs.get(customer.client) ?? [];
    if (issued.length === 0) return documented(7);
    const qr = issued.find((candidate) => candidate.secret === wholeNumber(qrParam));
    if (!qr) return documented(8);
    if (this.now() - qr.issuedAt >= QR_LIFETIME_MS) return documented(9);

    if (endpoint === 'balance') {
      return success({ ...names(customer), balance: customer.balance, p_plus: shop.pPlus, p_minus: shop.pMinus });
    }
    const summa = wholeNumber(present(params, 'summa') ?? '');
    if (!(summa > 0)) return documented(endpoint === 'plus' ? 11 : 12);
    if (endpoint === 'minus' && customer.balance < summa) return documented(13);
    customer.balance += endpoint === 'plus' ? summa : -summa;
    return success({ ...names(customer), balance: customer.balance });
  }

  #qrText(client: number, secret: number): string {
    const customer = this.customer(client);
    return JSON.stringify({ type: 'Skidkabot', vendor: customer.vendor, client, secret });
  }
}

function present(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? '';
  return value === '' || value === '0' ? null : value;
}

/** A decimal whole number, or NaN, which matches no shop, customer or QR secret. */
function wholeNumber(text: string): number {
  return /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
}

function documented(code: number): BankAnswer {
  const body = DOCUMENTED_ANSWERS[code];
  if (body === undefined) throw new Error(`simulator: code ${code} has no documented answer`);
  return { code, body };
}

function names(customer: CustomerRecord): { first_name: string; last_name: string } {
  return { first_name: customer.firstName, last_name: customer.lastName };
}

function success(fields: Record<string, string | number>): BankAnswer {
  return { code: 0, body: JSON.stringify({ code: 0, ...fields }) };
}
