import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import { startFaultySimulator } from '../../test-support/simulator/faultySimulator';
import type { FaultySimulator } from '../../test-support/simulator/faultySimulator';
import { serverCodeError } from './answerMessages';
import { performOperations, runCheckout } from './checkout';
import { SkidkabotClient } from './client';
import type { QrRef } from './client';

const IVAN = 83532824;
const MARIA = 51234567;
const IRA = 61234568;
const SERVER_RULES: BonusRuleSettings = { source: 'server', pPlus: 0, pMinus: 0, accrueOnPaidPart: true };
/** The demo shop's percentages as the balance answer gives them. */
const DEMO_RULES: BonusRuleSettings = { source: 'server', pPlus: 2, pMinus: 10, accrueOnPaidPart: true };

let sim: FaultySimulator;
let client: SkidkabotClient;

function freshQr(customer = IVAN): QrRef {
  const { secret } = JSON.parse(sim.issueQr(customer)) as { secret: number };
  return { client: customer, secret };
}

beforeAll(async () => {
  sim = await startFaultySimulator();
  client = new SkidkabotClient({ baseUrl: sim.url, credentials: { shopCode: 4, shopSecret: 31337, kassa: 1 } });
});
afterEach(() => sim.clearFaults());
afterAll(async () => {
  client.close();
  await sim.close();
});

describe('runCheckout', () => {
  it('redeems the most allowed, then accrues on the part paid with money', async () => {
    const before = sim.balanceOf(IVAN);
    const result = await runCheckout(client, freshQr(), { purchaseKopecks: 123_450, redeem: 'max', rules: SERVER_RULES });
    // 10 % of 1234.50 = 123 bonuses; 2 % of the 1111.50 left to pay = 22.
    expect(result).toEqual({
      ok: true,
      value: {
        customer: { firstName: 'Иван', lastName: 'Петров', balance: before, pPlus: 2, pMinus: 10 },
        outcomes: [
          { status: 'applied', kind: 'redeem', bonuses: 123, balance: before - 123, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' },
          { status: 'applied', kind: 'accrue', bonuses: 22, balance: before - 101, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' },
        ],
      },
    });
    expect(sim.balanceOf(IVAN)).toBe(before - 101);
  });

  it('only accrues when nothing is to be redeemed', async () => {
    const before = sim.balanceOf(IVAN);
    const result = await runCheckout(client, freshQr(), { purchaseKopecks: 123_450, redeem: 0, rules: SERVER_RULES });
    expect(result.ok && result.value.outcomes).toMatchObject([{ status: 'applied', kind: 'accrue', bonuses: 24, balance: before + 24 }]);
  });

  it("'max' with an empty balance only accrues", async () => {
    const result = await runCheckout(client, freshQr(MARIA), { purchaseKopecks: 50_000, redeem: 'max', rules: SERVER_RULES });
    expect(result.ok && result.value.outcomes.map((o) => [o.kind, o.bonuses])).toEqual([['accrue', 10]]);
  });

  it("uses the shop's own percentages when the settings say so", async () => {
    const rules: BonusRuleSettings = { source: 'shop', pPlus: 5, pMinus: 50, accrueOnPaidPart: false };
    const result = await runCheckout(client, freshQr(), { purchaseKopecks: 100_000, redeem: 100, rules });
    expect(result.ok && result.value.outcomes.map((o) => [o.kind, o.status, o.bonuses])).toEqual([
      ['redeem', 'applied', 100],
      ['accrue', 'applied', 50],
    ]);
  });

  it('sends no accrual of 0 bonuses', async () => {
    const requests = sim.requestCount();
    const result = await runCheckout(client, freshQr(), { purchaseKopecks: 1_000, redeem: 0, rules: SERVER_RULES });
    expect(result.ok && result.value.outcomes).toEqual([]);
    expect(sim.requestCount() - requests).toBe(1);
  });

  it('refuses a redemption above the maximum before sending it', async () => {
    const requests = sim.requestCount();
    const result = await runCheckout(client, freshQr(), { purchaseKopecks: 10_000, redeem: 11, rules: SERVER_RULES });
    expect(result).toMatchObject({ ok: false, error: { kind: 'input', message: expect.stringMatching(/от 1 до 10/) as string } });
    expect(sim.requestCount() - requests).toBe(1);
  });

  it('passes a balance error on', async () => {
    const result = await runCheckout(client, { client: IVAN, secret: 1 }, { purchaseKopecks: 10_000, redeem: 0, rules: SERVER_RULES });
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', code: 8, message: serverCodeError(8).message } });
  });
});

describe('performOperations', () => {
  const customerOf = async (qr: QrRef) => {
    const answer = await client.balance(qr);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };

  it('stops after a refused redemption', async () => {
    const qr = freshQr(IRA);
    const customer = { ...(await customerOf(qr)), balance: 1_000_000 };
    const requests = sim.requestCount();
    const result = await performOperations(client, qr, customer, 1_000_000, 500, DEMO_RULES);
    expect(result).toMatchObject({
      ok: true,
      value: [{ status: 'refused', kind: 'redeem', bonuses: 500, error: { kind: 'server', code: 13, message: serverCodeError(13).message } }],
    });
    expect(sim.requestCount() - requests).toBe(1);
  });

  it('goes on with the accrual after a redemption confirmed by the balance', async () => {
    const qr = freshQr();
    const customer = await customerOf(qr);
    sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'minus' });
    const result = await performOperations(client, qr, customer, 100_000, 50, DEMO_RULES);
    expect(result.ok && result.value).toMatchObject([
      { status: 'applied', kind: 'redeem', balance: customer.balance - 50, confirmedBy: 'balance-check' },
      { status: 'applied', kind: 'accrue', bonuses: 19, balance: customer.balance - 31, confirmedBy: 'answer' },
    ]);
  });

  it('stops after a redemption that was not applied', async () => {
    const qr = freshQr();
    const customer = await customerOf(qr);
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'minus' });
    const result = await performOperations(client, qr, customer, 100_000, 50, DEMO_RULES);
    expect(result.ok && result.value.map((o) => o.status)).toEqual(['not-applied']);
    expect(sim.balanceOf(IVAN)).toBe(customer.balance);
  });

  it.each([0, -100, 1.5, Number.NaN])('refuses a purchase of %s kopecks before any request', async (purchase) => {
    const requests = sim.requestCount();
    const customer = { firstName: 'И', lastName: 'П', balance: 100, pPlus: 2, pMinus: 10 };
    const result = await performOperations(client, freshQr(), customer, purchase, 0, DEMO_RULES);
    expect(result).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(sim.requestCount()).toBe(requests);
  });
});
