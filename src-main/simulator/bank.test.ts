import { beforeEach, describe, expect, it } from 'vitest';
import { Bank, QR_LIFETIME_MS } from './bank';
import type { Endpoint } from './bank';
import { DOCUMENTED_ANSWERS } from './documentedAnswers';

const SHOP = { code: 4, secret: 31337, balance: 100, pPlus: 2, pMinus: 10 };
const BROKE_SHOP = { code: 13, secret: 1313, balance: -1, pPlus: 5, pMinus: 20 };

let clock: number;
let secrets: number[];
let bank: Bank;
let qrSecret: number;

function form(fields: Record<string, string | number>): URLSearchParams {
  return new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)]));
}

function valid(extra: Record<string, string | number> = {}): URLSearchParams {
  return form({ fk_vendor: 4, vendor_secret: 31337, fk_client: 100, qr_secret: qrSecret, ...extra });
}

beforeEach(() => {
  clock = 1_700_000_000_000;
  secrets = [11111, 11111, 22222, 33333, 44444];
  bank = new Bank(
    () => clock,
    () => secrets.shift() ?? 99999,
  );
  bank.addShop(SHOP);
  bank.addShop(BROKE_SHOP);
  bank.addCustomer({ client: 100, vendor: 4, firstName: 'Иван', lastName: 'Петров', balance: 50 });
  bank.addCustomer({ client: 200, vendor: 4, firstName: 'Без', lastName: 'QR', balance: 0 });
  bank.addCustomer({ client: 300, vendor: 13, firstName: 'Чужой', lastName: 'Клиент', balance: 0 });
  qrSecret = (JSON.parse(bank.issueQr(100)) as { secret: number }).secret;
});

describe('Bank: the order of checks', () => {
  it.each<[string, Record<string, string | number>, Endpoint, number]>([
    ['nothing at all', {}, 'balance', 1],
    ['fk_vendor blank', { fk_vendor: ' ', fk_client: 1, vendor_secret: 1, qr_secret: 1 }, 'balance', 1],
    ['fk_vendor "0" (PHP empty)', { fk_vendor: '0', fk_client: 1, vendor_secret: 1, qr_secret: 1 }, 'balance', 1],
    ['only fk_vendor', { fk_vendor: 4 }, 'balance', 2],
    ['no vendor_secret', { fk_vendor: 4, fk_client: 100 }, 'plus', 3],
    ['no qr_secret', { fk_vendor: 4, fk_client: 100, vendor_secret: 31337 }, 'minus', 4],
    ['wrong secret', { fk_vendor: 4, fk_client: 100, vendor_secret: 31338, qr_secret: 1 }, 'balance', 5],
    ['unknown shop', { fk_vendor: 5, fk_client: 100, vendor_secret: 31337, qr_secret: 1 }, 'balance', 5],
    ['shop code not a number', { fk_vendor: '4abc', fk_client: 100, vendor_secret: 31337, qr_secret: 1 }, 'balance', 5],
    ['indebted shop, even with an unknown client', { fk_vendor: 13, fk_client: 999, vendor_secret: 1313, qr_secret: 1 }, 'balance', 15],
    ['unknown client', { fk_vendor: 4, fk_client: 999, vendor_secret: 31337, qr_secret: 1 }, 'balance', 6],
    ["another shop's client", { fk_vendor: 4, fk_client: 300, vendor_secret: 31337, qr_secret: 1 }, 'balance', 6],
    ['client without a QR', { fk_vendor: 4, fk_client: 200, vendor_secret: 31337, qr_secret: 1 }, 'balance', 7],
    ['wrong QR secret', { fk_vendor: 4, fk_client: 100, vendor_secret: 31337, qr_secret: 12345 }, 'balance', 8],
  ])('%s → code %i', (_name, fields, endpoint, code) => {
    const answer = bank.answer(endpoint, form(fields));
    expect(answer.code).toBe(code);
    expect(answer.body).toBe(DOCUMENTED_ANSWERS[code]);
  });

  it('answers the balance with names and the shop percentages', () => {
    expect(JSON.parse(bank.answer('balance', valid()).body)).toEqual({
      code: 0,
      first_name: 'Иван',
      last_name: 'Петров',
      balance: 50,
      p_plus: 2,
      p_minus: 10,
    });
  });

  it.each([undefined, '', '0', '-5', '2.5', 'abc'])('summa %j counts as missing: 11 on accrual, 12 on redemption', (summa) => {
    const extra: Record<string, string> = summa === undefined ? {} : { summa };
    expect(bank.answer('plus', valid(extra)).code).toBe(11);
    expect(bank.answer('minus', valid(extra)).code).toBe(12);
    expect(bank.customer(100).balance).toBe(50);
  });

  it('refuses to redeem more than the balance with code 13, and redeems all of it', () => {
    expect(bank.answer('minus', valid({ summa: 51, kassa: 1 })).body).toBe(DOCUMENTED_ANSWERS[13]);
    expect(JSON.parse(bank.answer('minus', valid({ summa: 50, kassa: 1 })).body)).toEqual({ code: 0, first_name: 'Иван', last_name: 'Петров', balance: 0 });
  });

  it('accrues and answers the new balance', () => {
    expect(JSON.parse(bank.answer('plus', valid({ summa: 7, kassa: 2 })).body)).toMatchObject({ code: 0, balance: 57 });
    expect(bank.customer(100).balance).toBe(57);
  });

  it('ignores kassa: the vendor documents no code for it', () => {
    expect(bank.answer('plus', valid({ summa: 1 })).code).toBe(0);
  });
});

describe('Bank: QR codes', () => {
  it('keeps a QR code valid for exactly one day', () => {
    clock += QR_LIFETIME_MS - 1;
    expect(bank.answer('balance', valid()).code).toBe(0);
    clock += 1;
    expect(bank.answer('balance', valid()).body).toBe(DOCUMENTED_ANSWERS[9]);
  });

  it('never issues the same secret twice to one customer', () => {
    const next = (JSON.parse(bank.issueQr(100)) as { secret: number }).secret;
    expect(next).toBe(22222);
    expect(qrSecret).toBe(11111);
  });

  it('leaves older codes valid for their own day after a refresh', () => {
    bank.issueQr(100);
    expect(bank.answer('balance', valid()).code).toBe(0);
  });

  it('shows the newest valid code, and a fresh one once it expired', () => {
    expect(bank.currentQr(100)).toBe(JSON.stringify({ type: 'Skidkabot', vendor: 4, client: 100, secret: qrSecret }));
    clock += QR_LIFETIME_MS;
    expect(JSON.parse(bank.currentQr(100))).toMatchObject({ secret: 22222 });
  });

  it('answers 9, not 8, for a code issued long ago', () => {
    const old = (JSON.parse(bank.issueQr(200, clock - 3 * QR_LIFETIME_MS)) as { secret: number }).secret;
    expect(bank.answer('balance', form({ fk_vendor: 4, vendor_secret: 31337, fk_client: 200, qr_secret: old })).code).toBe(9);
  });
});
