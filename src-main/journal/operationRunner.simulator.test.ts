import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultySimulator, type FaultySimulator } from '../../test-support/simulator/faultySimulator';
import { SkidkabotClient } from '../skidkabot/client';
import { Journal } from './journal';
import { OperationRunner, type RunResult } from './operationRunner';
import type { QrCredentials } from './qrSecrets';

/** The runner against the built-in Skidkabot server over real HTTP on 127.0.0.1, the real client in between. */

const IVAN = 83532824;
let dataDir: string;
let simulator: FaultySimulator;
let client: SkidkabotClient;
let journal: Journal;
let runner: OperationRunner;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'runner-sim-'));
  simulator = await startFaultySimulator();
  client = new SkidkabotClient({ baseUrl: simulator.url, credentials: { shopCode: 4, shopSecret: 31337, kassa: 3 }, totalTimeoutMs: 5_000 });
  ({ journal } = await Journal.open(dataDir));
  runner = new OperationRunner({ journal, client, shop: 4, kassa: 3 });
});

afterEach(async () => {
  await journal.close();
  client.close();
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

function qrOf(client: number): QrCredentials {
  const { secret } = JSON.parse(simulator.issueQr(client)) as { secret: number };
  return { client, secret };
}

function idOf(result: RunResult): string {
  if (result.status !== 'done') throw new Error(`not sent: ${JSON.stringify(result)}`);
  return result.id;
}

describe('OperationRunner with the simulator', () => {
  it('journals an accrual the server applied', async () => {
    const before = simulator.balanceOf(IVAN);
    const result = await runner.run({ qr: qrOf(IVAN), kind: 'accrue', bonuses: 25, purchaseKopecks: 125_000, balanceBefore: before });
    expect(result).toMatchObject({ status: 'done', outcome: { status: 'applied', balance: before + 25, confirmedBy: 'answer' }, journalError: null });
    expect(await journal.get(idOf(result))).toMatchObject({ ok: true, value: { status: 'applied', kassa: 3, balanceAfter: before + 25 } });
    expect(simulator.balanceOf(IVAN)).toBe(before + 25);
  });

  it('records "applied, confirmed by the balance" when the answer was lost after the server applied it', async () => {
    const before = simulator.balanceOf(IVAN);
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    const result = await runner.run({ qr: qrOf(IVAN), kind: 'accrue', bonuses: 10, purchaseKopecks: 50_000, balanceBefore: before });
    expect(result).toMatchObject({ status: 'done', outcome: { status: 'applied', confirmedBy: 'balance-check' } });
    expect(simulator.balanceOf(IVAN)).toBe(before + 10);
    expect(journal.unresolved()).toEqual([]);
  });

  it('records "not applied" when the answer was lost before the server applied it', async () => {
    const before = simulator.balanceOf(IVAN);
    simulator.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'minus' });
    const result = await runner.run({ qr: qrOf(IVAN), kind: 'redeem', bonuses: 10, purchaseKopecks: 50_000, balanceBefore: before });
    expect(result).toMatchObject({ status: 'done', outcome: { status: 'not-applied' } });
    expect(await journal.get(idOf(result))).toMatchObject({ ok: true, value: { status: 'not-applied', unresolved: false } });
    expect(simulator.balanceOf(IVAN)).toBe(before);
  });

  it('blocks a repeat of an unknown accrual, then settles it through a balance re-check without doubling it', async () => {
    const before = simulator.balanceOf(IVAN);
    const qr = qrOf(IVAN);
    simulator.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    simulator.injectFault({ kind: 'html-500' }, { endpoint: 'balance', times: 2 });
    const first = await runner.run({ qr, kind: 'accrue', bonuses: 15, purchaseKopecks: 75_000, balanceBefore: before });
    expect(first).toMatchObject({ status: 'done', outcome: { status: 'unknown' } });
    const id = idOf(first);
    expect(journal.unresolved().map((view) => view.id)).toEqual([id]);

    const repeat = await runner.run({ qr, kind: 'accrue', bonuses: 15, purchaseKopecks: 75_000, balanceBefore: before });
    expect(repeat).toMatchObject({ status: 'not-sent', error: { kind: 'outcome-unknown' } });
    expect(simulator.balanceOf(IVAN)).toBe(before + 15);

    simulator.clearFaults();
    const checked = await runner.recheck(id, 'Проверка после сбоя сервера');
    expect(checked).toMatchObject({ ok: true, value: { verdict: 'applied', balance: before + 15 } });
    expect(journal.unresolved()).toEqual([]);
    expect(simulator.balanceOf(IVAN)).toBe(before + 15);
  });

  it('reverses an accrual by a redemption of the same bonuses', async () => {
    const before = simulator.balanceOf(IVAN);
    const accrual = await runner.run({ qr: qrOf(IVAN), kind: 'accrue', bonuses: 40, purchaseKopecks: 200_000, balanceBefore: before });
    const reversal = await runner.reverse(idOf(accrual), 'Чек пробит по ошибке');
    expect(reversal).toMatchObject({ status: 'done', outcome: { status: 'applied', kind: 'redeem', bonuses: 40, balance: before } });
    expect(simulator.balanceOf(IVAN)).toBe(before);
    expect(await journal.get(idOf(accrual))).toMatchObject({ ok: true, value: { reversed: true } });
  });
});
