import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SkidkabotClient } from './client';
import { cleanServerText, plainServerText } from './serverText';
import { startScriptedServer, type ScriptedServer } from '../../test-support/skidkabot/scriptedServer';

// Answers a real Skidkabot never sends, from a loopback server that sends exactly them.
const SHOP = { shopCode: 4, shopSecret: 31337, kassa: 2 };
const QR = { client: 83532824, secret: 97531 };
const CUSTOMER = { code: 0, first_name: 'Иван', last_name: 'Петров', balance: 2365, p_plus: 2, p_minus: 10 };

let server: ScriptedServer;
const clients: SkidkabotClient[] = [];

function client(): SkidkabotClient {
  const made = new SkidkabotClient({ baseUrl: server.url, credentials: SHOP, totalTimeoutMs: 5_000 });
  clients.push(made);
  return made;
}

beforeAll(async () => {
  server = await startScriptedServer();
});
afterEach(() => {
  for (const made of clients.splice(0)) made.close();
});
afterAll(() => server.close());

/** Nothing a terminal or a bidi-aware screen would act on. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('a balance that cannot be a balance', () => {
  it.each([2372.5, 1e308, -1e20, '2372.5'])('refuses %s in the balance answer with a Russian message', async (balance) => {
    server.answer('balance', { ...CUSTOMER, balance });
    const result = await client().balance(QR);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('server');
    expect(result.error.message).toMatch(/^Сервер Скидкабот прислал баланс клиента «.+», а баланс — целое число бонусов\./);
    expect(result.error.message).not.toMatch(/[A-Za-z]{4,}/);
  });

  it.each(['-0', '-0.0'])('reads a balance of %s as 0, which the journal can write and read back', async (balance) => {
    server.answer('balance', { ...CUSTOMER, balance });
    const result = await client().balance(QR);
    expect(result.ok && Object.is(result.value.balance, 0)).toBe(true);
  });

  it('refuses a percentage outside 0–100', async () => {
    server.answer('balance', { ...CUSTOMER, p_plus: 1e308 });
    const result = await client().balance(QR);
    expect(!result.ok && result.error.message).toMatch(/процент начисления или списания «1e\+308», а он должен быть от 0 до 100/);
  });

  it('records an accrual answered with a fractional balance as applied, the balance unknown and flagged', async () => {
    server.answer('accrue', { code: 0, first_name: 'Иван', last_name: 'Петров', balance: 2372.5 });
    const outcome = await client().accrue(QR, 7, 2365);
    expect(outcome).toEqual({
      status: 'applied',
      kind: 'accrue',
      bonuses: 7,
      balance: null,
      firstName: 'Иван',
      lastName: 'Петров',
      confirmedBy: 'answer',
      anomaly: { code: 'balance-unreadable', reported: '2372.5', expected: 2372 },
    });
  });
});

describe('an answer inconsistent with the operation', () => {
  it('keeps an accrual of 7 onto 2365 answered −5 as applied and flags the mismatch', async () => {
    server.answer('accrue', { code: 0, first_name: 'Иван', last_name: 'Петров', balance: -5 });
    const outcome = await client().accrue(QR, 7, 2365);
    expect(outcome).toMatchObject({ status: 'applied', balance: -5, anomaly: { code: 'balance-mismatch', reported: -5, expected: 2372 } });
  });

  it('flags a redemption that raised the balance', async () => {
    server.answer('redeem', { code: 0, balance: 2400 });
    const outcome = await client().redeem(QR, 100, 2365);
    expect(outcome).toMatchObject({ status: 'applied', balance: 2400, anomaly: { code: 'balance-mismatch', reported: 2400, expected: 2265 } });
  });

  it('flags nothing when the balance moved by exactly the bonuses', async () => {
    server.answer('accrue', { code: 0, balance: 2372 });
    const outcome = await client().accrue(QR, 7, 2365);
    expect(outcome.status === 'applied' && outcome.anomaly).toBeUndefined();
  });
});

describe('server texts', () => {
  const forged = '\x1b[2J\x1b]0;касса взломана\x07Иван\r\nБаланс: 999999\x9b31m';

  it('cleans names of escape sequences, controls, bidi overrides and zero-width characters', async () => {
    server.answer('balance', { ...CUSTOMER, first_name: forged, last_name: '\u202eвортеП\u202c\u200b\u2066x\u2069\ufeff' });
    const result = await client().balance(QR);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.firstName).toBe('Иван Баланс: 999999');
    expect(result.value.lastName).toBe('вортеПx');
    expect(result.value.firstName + result.value.lastName).not.toMatch(UNSAFE);
  });

  it('cuts a 10 000-character name to 60 characters with an ellipsis', async () => {
    server.answer('balance', { ...CUSTOMER, first_name: 'Я'.repeat(10_000) });
    const result = await client().balance(QR);
    expect(result.ok && result.value.firstName).toBe(`${'Я'.repeat(59)}…`);
  });

  it('never passes the shop secret on, in names or in refusal texts', async () => {
    server.answer('balance', { ...CUSTOMER, first_name: 'секрет 31337', last_name: '31\u200b337' });
    const result = await client().balance(QR);
    expect(result.ok && [result.value.firstName, result.value.lastName]).toEqual(['секрет ***', '***']);

    server.answer('accrue', { code: 0, first_name: '31337', balance: 2372 });
    const outcome = await client().accrue(QR, 7, 2365);
    expect(outcome.status === 'applied' && outcome.firstName).toBe('***');

    server.answer('redeem', { code: 14, text: '\x1b[31mсекрет 31337\x1b[0m\u202e' });
    const refused = await client().redeem(QR, 5, 2365);
    expect(refused.status === 'refused' && refused.error.message).toBe('Скидкабот отказал (код 14): секрет ***. Позвоните менеджеру.');
  });

  it('never passes the shop secret on in a figure the server reported', async () => {
    server.answer('balance', { ...CUSTOMER, balance: '31337.5' });
    const result = await client().balance(QR);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.params).toEqual({ reported: '***.5' });
    expect(result.error.message).not.toContain('31337');

    server.answer('accrue', { code: 0, balance: '31337.5' });
    const outcome = await client().accrue(QR, 7, 2365);
    expect(outcome.status === 'applied' && outcome.anomaly).toEqual({ code: 'balance-unreadable', reported: '***.5', expected: 2372 });
  });

  it('keeps emoji whole when cutting and replaces half surrogate pairs', () => {
    expect(plainServerText('😀😀😀', 2)).toBe('😀…');
    expect(plainServerText('a\ud800b', 10)).toBe('a\ufffdb');
    expect(cleanServerText('<b>\x1b[1mжирный</b>')).toBe('жирный');
  });
});
