import type { AppError, Result } from '../../src-shared/errors';
import type { CustomerBalance, OperationOutcome } from '../../src-shared/skidkabot/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { selfSignedCert } from '../../test-support/simulator/selfSignedCert';
import { startFaultySimulator } from '../../test-support/simulator/faultySimulator';
import type { Fault, FaultySimulator } from '../../test-support/simulator/faultySimulator';
import { serverCodeError } from './answerMessages';
import { runCheckout } from './checkout';
import { SkidkabotClient } from './client';
import type { ClientOptions, QrRef } from './client';
import { networkError, type NetworkFailure } from './networkErrors';
import { translate } from '../../src-shared/messages/messages';
import { closedPort } from '../../test-support/skidkabot/closedPort';

const FAILURES: NetworkFailure[] = ['refused', 'timeout', 'dns', 'tls', 'reset', 'unreachable', 'other'];
const NETWORK_MESSAGES = Object.fromEntries(FAILURES.map((failure) => [failure, translate(`network.${failure}`)])) as Record<NetworkFailure, string>;

const IVAN = 83532824;
const IRA = 61234568;
const SHOP = { shopCode: 4, shopSecret: 31337, kassa: 2 };
const RULES = { source: 'server', pPlus: 0, pMinus: 0, accrueOnPaidPart: true } as const;

let sim: FaultySimulator;
const clients: SkidkabotClient[] = [];

function clientFor(options: Partial<ClientOptions> = {}): SkidkabotClient {
  const client = new SkidkabotClient({ baseUrl: sim.url, credentials: SHOP, ...options });
  clients.push(client);
  return client;
}

function freshQr(client = IVAN): QrRef {
  const { secret } = JSON.parse(sim.issueQr(client)) as { secret: number };
  return { client, secret };
}

beforeAll(async () => {
  sim = await startFaultySimulator();
});
afterEach(() => {
  sim.clearFaults();
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => sim.close());

describe('balance', () => {
  it('reads the customer, sending exactly the documented form', async () => {
    const qr = freshQr();
    const result = await clientFor().balance(qr);
    expect(result).toEqual({ ok: true, value: { firstName: 'Иван', lastName: 'Петров', balance: sim.balanceOf(IVAN), pPlus: 2, pMinus: 10 } });
    expect(sim.lastRequest()).toEqual({
      method: 'POST',
      path: '/api_get_balance.php',
      contentType: 'application/x-www-form-urlencoded',
      params: { fk_vendor: '4', vendor_secret: '31337', fk_client: String(IVAN), qr_secret: String(qr.secret) },
    });
  });

  it('keeps the path prefix of the server address', async () => {
    const result = await clientFor({ baseUrl: `${sim.url}/skidkabot/` }).balance(freshQr());
    expect(result.ok).toBe(true);
    expect(sim.lastRequest()?.path).toBe('/skidkabot/api_get_balance.php');
  });

  it('passes a name with markup through untouched: escaping is the screen’s job', async () => {
    const result = await clientFor().balance(freshQr(IRA));
    expect(result.ok && result.value.firstName).toBe('<b>Ира</b>');
  });

  it('is retried once when the connection drops', async () => {
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance' });
    const before = sim.requestCount();
    const result = await clientFor().balance(freshQr());
    expect(result.ok).toBe(true);
    expect(sim.requestCount() - before).toBe(2);
  });

  it('only once', async () => {
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    const before = sim.requestCount();
    const result = await clientFor().balance(freshQr());
    expect(result).toMatchObject({ ok: false, error: networkError('reset') });
    expect(sim.requestCount() - before).toBe(2);
  });

  it('is not retried on an answer, even a broken one', async () => {
    sim.injectFault({ kind: 'html-500' }, { endpoint: 'balance' });
    const before = sim.requestCount();
    const result = await clientFor().balance(freshQr());
    expect(!result.ok && result.error.message).toMatch(/HTTP 500/);
    expect(sim.requestCount() - before).toBe(1);
  });
});

describe('every answer code reaches the cashier as its own message', () => {
  const errorOf = (result: Result<CustomerBalance> | OperationOutcome): AppError | null =>
    'status' in result ? ('error' in result ? result.error : null) : result.ok ? null : result.error;

  it.each<[number, () => Promise<Result<CustomerBalance> | OperationOutcome>]>([
    [0, () => clientFor().balance(freshQr())],
    [1, () => clientFor({ credentials: { ...SHOP, shopCode: 0 } }).balance(freshQr())],
    [2, () => clientFor().balance({ client: 0, secret: 1 })],
    [3, () => clientFor({ credentials: { ...SHOP, shopSecret: 0 } }).balance(freshQr())],
    [4, () => clientFor().balance({ client: IVAN, secret: 0 })],
    [5, () => clientFor({ credentials: { ...SHOP, shopSecret: 31338 } }).balance(freshQr())],
    [6, () => clientFor().balance({ client: 1, secret: 1 })],
    [8, () => clientFor().balance({ client: IVAN, secret: 1 })],
    [13, () => clientFor().redeem(freshQr(), 10_000_000, sim.balanceOf(IVAN))],
    [15, () => clientFor({ credentials: { shopCode: 13, shopSecret: 1313, kassa: 1 } }).balance({ client: 1, secret: 1 })],
  ])('code %i', async (code, call) => {
    const error = errorOf(await call());
    if (code === 0) expect(error).toBeNull();
    else expect(error).toMatchObject({ kind: 'server', code, message: serverCodeError(code).message });
  });

  it('code 7: a customer who never made a QR code', async () => {
    sim.addCustomer({ client: 7070, vendor: 4, firstName: 'Без', lastName: 'Кода', balance: 0 });
    expect(await clientFor().balance({ client: 7070, secret: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'server', code: 7, message: serverCodeError(7).message },
    });
  });

  it('code 9: a QR code older than a day', async () => {
    let clock = Date.UTC(2025, 5, 1);
    const local = await startFaultySimulator({ now: () => clock });
    try {
      const { secret } = JSON.parse(local.issueQr(IVAN)) as { secret: number };
      clock += 25 * 3600_000;
      const result = await clientFor({ baseUrl: local.url }).balance({ client: IVAN, secret });
      expect(result).toMatchObject({ ok: false, error: { kind: 'server', code: 9, message: serverCodeError(9).message } });
    } finally {
      await local.close();
    }
  });

  it.each<[number, 'balance' | 'plus' | 'minus']>([
    [10, 'balance'],
    [14, 'balance'],
    [11, 'plus'],
    [12, 'minus'],
  ])('code %i (forced by the simulator)', async (code, endpoint) => {
    sim.injectFault({ kind: 'code', code, text: 'Текст сервера' }, { endpoint });
    const client = clientFor();
    const qr = freshQr();
    const balance = sim.balanceOf(IVAN);
    const error = { kind: 'server', code, message: serverCodeError(code, 'Текст сервера').message };
    if (endpoint === 'balance') expect(await client.balance(qr)).toMatchObject({ ok: false, error });
    else {
      const kind = endpoint === 'plus' ? 'accrue' : 'redeem';
      expect(await client[kind](qr, 1, balance)).toMatchObject({ status: 'refused', kind, bonuses: 1, error });
    }
    expect(sim.balanceOf(IVAN)).toBe(balance);
  });
});

describe('accrue and redeem', () => {
  it('accrue sends kassa and summa and reports the new balance', async () => {
    const qr = freshQr();
    const before = sim.balanceOf(IVAN);
    const outcome = await clientFor().accrue(qr, 25, before);
    expect(outcome).toMatchObject({ status: 'applied', kind: 'accrue', bonuses: 25, balance: before + 25, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' });
    expect(sim.lastRequest()).toMatchObject({ path: '/api_plus_balance.php', params: { kassa: '2', summa: '25', fk_vendor: '4', vendor_secret: '31337' } });
    expect(Object.keys(sim.lastRequest()?.params ?? {}).sort()).toEqual(['fk_client', 'fk_vendor', 'kassa', 'qr_secret', 'summa', 'vendor_secret']);
  });

  it('redeem without a known balance asks for it first', async () => {
    const qr = freshQr();
    const before = sim.balanceOf(IVAN);
    const requests = sim.requestCount();
    const outcome = await clientFor().redeem(qr, 5);
    expect(outcome).toMatchObject({ status: 'applied', kind: 'redeem', balance: before - 5, confirmedBy: 'answer' });
    expect(sim.requestCount() - requests).toBe(2);
    expect(sim.lastRequest()?.path).toBe('/api_minus_balance.php');
  });

  it('a failed balance before the operation sends nothing', async () => {
    const requests = sim.requestCount();
    const outcome = await clientFor().accrue({ client: IVAN, secret: 1 }, 5);
    expect(outcome).toMatchObject({ status: 'refused', kind: 'accrue', bonuses: 5, error: { kind: 'server', code: 8, message: serverCodeError(8).message } });
    expect(sim.requestCount() - requests).toBe(1);
  });

  it.each([0, -3, 1.5, Number.NaN, 2 ** 60])('refuses %s bonuses before any request', async (bonuses) => {
    const requests = sim.requestCount();
    const outcome = await clientFor().accrue(freshQr(), bonuses, 100);
    expect(outcome).toMatchObject({ status: 'refused', error: { kind: 'input' } });
    expect(sim.requestCount()).toBe(requests);
  });

  it('refuses a QR with impossible numbers before any request', async () => {
    const requests = sim.requestCount();
    expect(await clientFor().balance({ client: -1, secret: 5 })).toMatchObject({ ok: false, error: { kind: 'scan' } });
    expect(await clientFor().redeem({ client: 5, secret: 0.5 }, 1, 10)).toMatchObject({ status: 'refused', error: { kind: 'scan' } });
    expect(sim.requestCount()).toBe(requests);
  });
});

describe('a lost answer is settled by the balance, never by sending again', () => {
  const lost = async (fault: Fault, kind: 'accrue' | 'redeem', bonuses = 7) => {
    const qr = freshQr();
    const before = sim.balanceOf(IVAN);
    sim.injectFault(fault, { endpoint: kind === 'accrue' ? 'plus' : 'minus' });
    const requests = sim.requestCount();
    const outcome = await clientFor()[kind](qr, bonuses, before);
    return { outcome, before, requests: sim.requestCount() - requests };
  };

  it.each(['accrue', 'redeem'] as const)('%s applied, answer dropped → applied by balance check', async (kind) => {
    const { outcome, before, requests } = await lost({ kind: 'drop-after-apply' }, kind);
    const balance = kind === 'accrue' ? before + 7 : before - 7;
    expect(outcome).toEqual({ status: 'applied', kind, bonuses: 7, balance, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'balance-check' });
    expect(sim.balanceOf(IVAN)).toBe(balance);
    expect(requests).toBe(2);
  });

  it.each(['accrue', 'redeem'] as const)('%s dropped before applying → not applied, may be repeated', async (kind) => {
    const { outcome, before, requests } = await lost({ kind: 'drop-before-apply' }, kind);
    expect(outcome).toMatchObject({ status: 'not-applied', kind, bonuses: 7, balance: before, error: { kind: 'network' } });
    expect(outcome.status === 'not-applied' && outcome.error.message).toMatch(/не (начислены|списаны)\. Можно провести/);
    expect(sim.balanceOf(IVAN)).toBe(before);
    expect(requests).toBe(2);
  });

  it('an HTML 500 counts as lost: the balance decides', async () => {
    const { outcome, before } = await lost({ kind: 'html-500' }, 'accrue');
    expect(outcome).toMatchObject({ status: 'not-applied', balance: before, error: { kind: 'server' } });
  });

  it.each([{ kind: 'empty-body' }, { kind: 'malformed-json' }] as const)('$kind after applying → applied by balance check', async (fault) => {
    const { outcome, before } = await lost(fault, 'accrue');
    expect(outcome).toMatchObject({ status: 'applied', balance: before + 7, confirmedBy: 'balance-check' });
  });

  it.each([{ kind: 'cp1251' }, { kind: 'php-notice' }] as const)('$kind is still read as the answer', async (fault) => {
    const { outcome, before, requests } = await lost(fault, 'redeem');
    expect(outcome).toMatchObject({ status: 'applied', kind: 'redeem', bonuses: 7, balance: before - 7, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' });
    expect(requests).toBe(1);
  });

  it('a slow server: the operation times out, the re-check finds it not applied', async () => {
    const qr = freshQr();
    const before = sim.balanceOf(IVAN);
    sim.injectFault({ kind: 'slow', delayMs: 5_000 }, { endpoint: 'plus' });
    const outcome = await clientFor({ totalTimeoutMs: 1_500 }).accrue(qr, 3, before);
    expect(outcome).toMatchObject({ status: 'not-applied', balance: before, error: { kind: 'network' } });
  });

  it('the re-check fails too → unknown, reported as its own outcome', async () => {
    const qr = freshQr();
    const before = sim.balanceOf(IVAN);
    sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    const outcome = await clientFor().accrue(qr, 4, before);
    expect(outcome).toMatchObject({
      status: 'unknown',
      kind: 'accrue',
      bonuses: 4,
      balanceBefore: before,
      error: { kind: 'outcome-unknown', message: expect.stringMatching(/^Неизвестно, начислены ли бонусы \(4\).*Не повторяйте начисление/) as string },
    });
    expect(sim.balanceOf(IVAN)).toBe(before + 4);
  });

  it('the balance moved by another amount → unknown, with both balances', async () => {
    const qr = freshQr();
    const actual = sim.balanceOf(IVAN);
    sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'minus' });
    const outcome = await clientFor().redeem(qr, 2, actual + 100);
    expect(outcome).toMatchObject({ status: 'unknown', balanceBefore: actual + 100, balanceAfter: actual - 2, error: { kind: 'outcome-unknown' } });
  });

  it('a code 0 without a balance while the balance stayed put → unknown, not "not applied"', async () => {
    const { outcome, before } = await lost({ kind: 'code', code: 0 }, 'accrue');
    expect(outcome).toMatchObject({ status: 'unknown', balanceBefore: before, balanceAfter: before });
  });
});

describe('network failures', () => {
  it('a refused connection is reported at once, and an operation is then not sent at all', { timeout: 5_000 }, async () => {
    const client = clientFor({ baseUrl: `http://127.0.0.1:${await closedPort()}` });
    expect(await client.balance(freshQr())).toMatchObject({ ok: false, error: networkError('refused') });
    expect(await client.accrue(freshQr(), 5, 100)).toMatchObject({ status: 'refused', kind: 'accrue', bonuses: 5, error: networkError('refused') });
  });

  it('a server that does not answer in time', async () => {
    sim.injectFault({ kind: 'slow', delayMs: 5_000 }, { endpoint: 'balance' });
    const result = await clientFor({ totalTimeoutMs: 800 }).balance(freshQr());
    expect(result).toMatchObject({ ok: false, error: networkError('timeout') });
  });

  it('a name that does not resolve', async () => {
    const result = await clientFor({ baseUrl: 'http://skidkabot-kassa-test.invalid' }).balance(freshQr());
    expect(result).toMatchObject({ ok: false, error: networkError('dns') });
  });

  it('an untrusted certificate: refused before anything is sent', async () => {
    const tlsSim = await startFaultySimulator({ tls: selfSignedCert() });
    try {
      const client = clientFor({ baseUrl: tlsSim.url });
      const { secret } = JSON.parse(tlsSim.issueQr(IVAN)) as { secret: number };
      const before = tlsSim.balanceOf(IVAN);
      expect(await client.balance({ client: IVAN, secret })).toMatchObject({ ok: false, error: networkError('tls') });
      expect(await client.redeem({ client: IVAN, secret }, 5, before)).toMatchObject({ status: 'refused', kind: 'redeem', bonuses: 5, error: networkError('tls') });
      expect(tlsSim.requestCount()).toBe(0);
      expect(tlsSim.balanceOf(IVAN)).toBe(before);
    } finally {
      await tlsSim.close();
    }
  });

  it('gives each failure its own message', () => {
    expect(new Set(Object.values(NETWORK_MESSAGES)).size).toBe(Object.keys(NETWORK_MESSAGES).length);
  });
});

describe('configuration', () => {
  it.each(['ftp://skidkabot.ru', 'skidkabot.ru', ''])('refuses the server address %j without a request', async (baseUrl) => {
    const client = clientFor({ baseUrl });
    expect(await client.balance(freshQr())).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(await client.checkShop()).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it.each([{ shopSecret: Number.NaN }, { shopCode: -4 }, { kassa: 1.5 }])('refuses credentials %o', async (bad) => {
    const requests = sim.requestCount();
    const outcome = await clientFor({ credentials: { ...SHOP, ...bad } }).accrue(freshQr(), 1, 0);
    expect(outcome).toMatchObject({ status: 'refused', error: { kind: 'config' } });
    expect(sim.requestCount()).toBe(requests);
  });
});

describe('checkShop', () => {
  it('right code and secret: the server gets past its shop checks', async () => {
    expect(await clientFor().checkShop()).toMatchObject({ ok: true, value: { message: expect.stringMatching(/верны/) as string } });
    expect(sim.lastRequest()?.params).toMatchObject({ fk_vendor: '4', fk_client: '1', qr_secret: '1' });
  });

  it('wrong secret: code 5', async () => {
    expect(await clientFor({ credentials: { ...SHOP, shopSecret: 1 } }).checkShop()).toMatchObject({
      ok: false,
      error: { kind: 'server', code: 5, message: serverCodeError(5).message },
    });
  });

  it('the shop account below zero: code 15', async () => {
    const result = await clientFor({ credentials: { shopCode: 13, shopSecret: 1313, kassa: 1 } }).checkShop();
    expect(!result.ok && result.error.code).toBe(15);
  });
});

describe('one keep-alive connection', () => {
  it('serves a whole checkout: balance, redemption and accrual', async () => {
    const client = clientFor();
    const connections = sim.connectionCount();
    const requests = sim.requestCount();
    const result = await runCheckout(client, freshQr(), { purchaseKopecks: 123_450, redeem: 'max', rules: RULES });
    expect(result.ok && result.value.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(sim.requestCount() - requests).toBe(3);
    expect(sim.connectionCount() - connections).toBe(1);
  });

  it('close() drops it; the next call opens a new one', async () => {
    const client = clientFor();
    await client.balance(freshQr());
    const connections = sim.connectionCount();
    client.close();
    expect((await client.balance(freshQr())).ok).toBe(true);
    expect(sim.connectionCount() - connections).toBe(1);
  });
});

describe('the shop secret never leaves the client', () => {
  const SECRET = 918273645;
  const WRONG = 918273646;

  it('appears in no result, message or log, whatever fails', { timeout: 90_000 }, async () => {
    sim.addShop({ code: 77, secret: SECRET, balance: 100, pPlus: 3, pMinus: 50 });
    sim.addCustomer({ client: 7007, vendor: 77, firstName: 'Тест', lastName: 'Секрета', balance: 1000 });
    const qr = (): QrRef => ({ client: 7007, secret: (JSON.parse(sim.issueQr(7007)) as { secret: number }).secret });
    const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    const tlsSim = await startFaultySimulator({ tls: selfSignedCert() });
    const outputs: unknown[] = [];
    try {
      const credentials = { shopCode: 77, shopSecret: SECRET, kassa: 1 };
      const servers = [sim.url, tlsSim.url, `http://127.0.0.1:${await closedPort()}`, 'http://skidkabot-kassa-test.invalid', `${sim.url}/nowhere/x.php?`];
      const faults: Fault[] = [
        { kind: 'html-500' },
        { kind: 'slow', delayMs: 2_000 },
        { kind: 'drop-after-apply' },
        { kind: 'drop-before-apply' },
        { kind: 'cp1251' },
        { kind: 'php-notice' },
        { kind: 'empty-body' },
        { kind: 'malformed-json' },
        { kind: 'code', code: 10, text: `vendor_secret=${SECRET} неверен` },
        { kind: 'code', code: 0, text: String(SECRET) },
      ];
      for (const baseUrl of servers) {
        for (const shopSecret of [SECRET, WRONG]) {
          const client = clientFor({ baseUrl, credentials: { ...credentials, shopSecret }, totalTimeoutMs: 1_200 });
          outputs.push(await client.balance(qr()), await client.checkShop(), await client.accrue(qr(), 1), await client.redeem(qr(), 1, 5));
        }
      }
      for (const fault of faults) {
        for (const endpoint of ['balance', 'plus', 'minus'] as const) {
          sim.clearFaults();
          sim.injectFault(fault, { endpoint, times: 3 });
          const client = clientFor({ credentials, totalTimeoutMs: 1_200 });
          outputs.push(await client.balance(qr()), await client.accrue(qr(), 2), await client.redeem(qr(), 2));
        }
      }
    } finally {
      await tlsSim.close();
    }
    const text = JSON.stringify(outputs) + JSON.stringify(logged.map((spy) => spy.mock.calls));
    expect(outputs.length).toBeGreaterThan(100);
    expect(text).toMatch(/outcome-unknown|not-applied/);
    expect(text).toContain('***');
    expect(text).not.toContain(String(SECRET));
    expect(text).not.toContain(String(WRONG));
  });
});
