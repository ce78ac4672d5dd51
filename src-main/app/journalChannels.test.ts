import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckoutView } from '../../src-shared/ipc/views';
import { QR_EXPIRED_CODE } from '../../src-shared/journal/errorCodes';
import { localDay } from '../../src-shared/journal/localTime';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { JOURNAL_DIR } from '../journal/journal';
import { MemorySecretStore } from '../settings/secretStore';
import { startFaultySimulator, type FaultySimulator } from '../../test-support/simulator/faultySimulator';
import type { AppOptions } from './createApp';
import { value } from '../../test-support/app/callCore';
import { closeTestCores, openTestCore, type TestCore } from '../../test-support/app/testCore';
import { textContaining } from '../../test-support/matchers';

const PASSWORD = 'пароль-менеджера';
const IVAN = 83532824;
const MARIA = 51234567;

type Till = TestCore;

let sim: FaultySimulator;
let dataDir: string;
let clock: number;

beforeEach(async () => {
  sim = await startFaultySimulator();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-journal-app-'));
  clock = Date.now();
});

afterEach(async () => {
  await closeTestCores();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

function open(overrides: Partial<AppOptions> = {}): Promise<Till> {
  return openTestCore({ dataDir, secretStore: new MemorySecretStore(31337), apiUrl: sim.url, now: () => clock, ...overrides });
}


/** Password set (the manager stays logged in), shop 4 on the simulator. */
async function readyTill(overrides: Partial<AppOptions> = {}): Promise<Till> {
  const till = await open(overrides);
  value(await till.call('manager.setupPassword', PASSWORD));
  value(await till.call('settings.save', { ...DEFAULT_SETTINGS, shopCode: 4, kassa: 3 }));
  return till;
}

async function accrueFor(till: Till, client: number, purchaseKopecks = 1000_00): Promise<CheckoutView> {
  value(await till.call('scan.submit', sim.issueQr(client)));
  return value(await till.call('checkout.accrue', { purchaseKopecks }));
}

const today = (): string => localDay(clock);

describe('the till writes the journal', () => {
  it('journals an accrual with its register and tells an open journal screen', async () => {
    const till = await readyTill();
    expect((await accrueFor(till, IVAN)).stage).toBe('done');
    const [op] = value(await till.call('journal.list', { day: today() }));
    expect(op).toMatchObject({ client: IVAN, kind: 'accrue', bonuses: 20, kassa: 3, shop: 4, status: 'applied', balanceBefore: 2365, balanceAfter: 2385 });
    expect(till.events).toContainEqual({ event: 'journal', payload: { unresolved: 0 } });
    expect(value(await till.call('app.getState')).unresolved).toBe(0);
  });

  it('asks before the same press again, sends nothing until confirmed, and honours «no»', async () => {
    const till = await readyTill();
    await accrueFor(till, IVAN);
    const before = sim.requestCount();
    const asked = await accrueFor(till, IVAN);
    expect(asked).toMatchObject({ stage: 'confirm', repeat: { kind: 'accrue', bonuses: 20, purchaseKopecks: 1000_00, earlier: { status: 'applied' } } });
    // The scan's balance request only.
    expect(sim.requestCount() - before).toBe(1);

    expect(value(await till.call('checkout.cancelRepeat'))).toMatchObject({ stage: 'customer', error: null });
    // A «yes» that was never asked for counts for nothing: the question comes again.
    expect(value(await till.call('checkout.accrue', { purchaseKopecks: 1000_00, confirmDuplicate: true }))).toMatchObject({ stage: 'confirm' });
    // Another amount is another operation: sent without a question.
    expect(value(await till.call('checkout.accrue', { purchaseKopecks: 2000_00, confirmDuplicate: true })).stage).toBe('done');
    expect(sim.balanceOf(IVAN)).toBe(2365 + 20 + 40);

    value(await till.call('scan.submit', sim.issueQr(IVAN)));
    expect(value(await till.call('checkout.accrue', { purchaseKopecks: 1000_00 })).stage).toBe('confirm');
    const confirmed = value(await till.call('checkout.accrue', { purchaseKopecks: 1000_00, confirmDuplicate: true }));
    expect(confirmed.stage).toBe('done');
    expect(sim.balanceOf(IVAN)).toBe(2365 + 20 + 40 + 20);
    expect(value(await till.call('journal.list', { day: today(), client: IVAN }))).toHaveLength(3);
  });

  it('blocks a repeat after an unknown outcome until the manager settles it', async () => {
    const till = await readyTill();
    value(await till.call('scan.submit', sim.issueQr(IVAN)));
    sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    const lost = value(await till.call('checkout.accrue', { purchaseKopecks: 1000_00 }));
    expect(lost).toMatchObject({ stage: 'done', outcomes: [{ status: 'unknown' }] });
    expect(value(await till.call('app.getState')).unresolved).toBe(1);

    const again = value(await till.call('scan.submit', sim.issueQr(IVAN)));
    expect(again).toMatchObject({ stage: 'customer', customer: { blocked: [{ kind: 'accrue', bonuses: 20 }] } });
    const before = sim.requestCount();
    const refused = value(await till.call('checkout.accrue', { purchaseKopecks: 500_00 }));
    expect(refused).toMatchObject({ stage: 'customer', error: { kind: 'outcome-unknown' } });
    expect(refused.error?.message).toContain('позовите менеджера');
    expect(sim.requestCount()).toBe(before);
    // Another customer is served meanwhile.
    expect((await accrueFor(till, MARIA)).stage).toBe('done');

    const [open] = value(await till.call('journal.unresolved'));
    expect(open).toMatchObject({ client: IVAN, status: 'unknown', unresolved: true });
    const checked = value(await till.call('journal.recheck', { id: open?.id ?? '', reason: 'перепроверка после сбоя' }));
    expect(checked).toMatchObject({ verdict: 'applied', balance: 2385, operation: { status: 'applied', unresolved: false } });
    expect(value(await till.call('app.getState')).unresolved).toBe(0);
    const now = value(await till.call('scan.submit', sim.issueQr(IVAN)));
    expect(now.stage === 'customer' && now.customer.blocked).toBeFalsy();
  });

  it('lets the manager mark an operation not applied, with the reason kept', async () => {
    const till = await readyTill();
    value(await till.call('scan.submit', sim.issueQr(IVAN)));
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'plus' });
    sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
    value(await till.call('checkout.accrue', { purchaseKopecks: 1000_00 }));
    const [open] = value(await till.call('journal.unresolved'));
    const short = await till.call('journal.resolve', { id: open?.id ?? '', action: 'not-applied', reason: 'ok' });
    expect(short).toMatchObject({ ok: false, error: { kind: 'input' } });
    const marked = value(await till.call('journal.resolve', { id: open?.id ?? '', action: 'not-applied', reason: 'покупатель показал баланс в боте' }));
    expect(marked).toMatchObject({ status: 'not-applied', unresolved: false, resolutions: [{ action: 'not-applied', reason: 'покупатель показал баланс в боте', by: 'manager' }] });
  });
});

describe('the manager journal', () => {
  it('is for the manager only', async () => {
    const till = await readyTill();
    value(await till.call('manager.logout'));
    for (const reply of [
      await till.call('journal.list', { day: today() }),
      await till.call('journal.day', { day: today(), kassa: null }),
      await till.call('journal.unresolved'),
      await till.call('journal.export', { day: today() }),
    ]) {
      expect(reply).toMatchObject({ ok: false, error: { kind: 'auth' } });
    }
  });

  it('reports the day with its hourly chart', async () => {
    const till = await readyTill();
    await accrueFor(till, IVAN);
    value(await till.call('scan.submit', sim.issueQr(MARIA)));
    value(await till.call('checkout.accrue', { purchaseKopecks: 500_00 }));
    const day = value(await till.call('journal.day', { day: today(), kassa: 3 }));
    expect(day.report).toMatchObject({ accruals: { count: 2, bonuses: 30 }, purchases: { count: 2, kopecks: 1500_00 }, unresolved: { count: 0 } });
    expect(day.hours).toHaveLength(24);
    expect(day.hours[new Date(clock).getHours()]).toMatchObject({ accrued: { count: 2, bonuses: 30 } });
    expect(value(await till.call('journal.day', { day: today(), kassa: 9 })).report.accruals.count).toBe(0);
  });

  it('reverses an accrual, and asks for a fresh code once the QR has expired', async () => {
    const till = await readyTill({ managerIdleMs: 10 * 86_400_000 });
    await accrueFor(till, IVAN);
    const [op] = value(await till.call('journal.list', { day: today() }));
    const reversed = value(await till.call('journal.reverse', { id: op?.id ?? '', reason: 'покупатель вернул товар' }));
    expect(reversed).toMatchObject({ outcome: 'applied', reversal: { kind: 'redeem', bonuses: 20, reverses: op?.id }, original: { reversed: true } });
    expect(sim.balanceOf(IVAN)).toBe(2365);

    await accrueFor(till, MARIA);
    const [later] = value(await till.call('journal.list', { day: today(), client: MARIA }));
    clock += 25 * 3_600_000;
    const stale = await till.call('journal.reverse', { id: later?.id ?? '', reason: 'ошибка кассира' });
    expect(stale).toMatchObject({ ok: false, error: { code: QR_EXPIRED_CODE, message: textContaining('новый QR-код') } });
    value(await till.call('checkout.clear'));
    const unscanned = await till.call('journal.reverse', { id: later?.id ?? '', reason: 'ошибка кассира', useScannedQr: true });
    expect(unscanned).toMatchObject({ ok: false, error: { code: QR_EXPIRED_CODE, message: textContaining('ещё не отсканирован') } });
    value(await till.call('scan.submit', sim.issueQr(IVAN)));
    const foreign = await till.call('journal.reverse', { id: later?.id ?? '', reason: 'ошибка кассира', useScannedQr: true });
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'input', message: textContaining('другого покупателя') } });
    // The customer shows a fresh code in the bot; it is scanned at the till as usual.
    value(await till.call('scan.submit', sim.issueQr(MARIA)));
    const fresh = value(await till.call('journal.reverse', { id: later?.id ?? '', reason: 'ошибка кассира', useScannedQr: true }));
    expect(fresh.outcome).toBe('applied');
    expect(sim.balanceOf(MARIA)).toBe(0);
  });

  it('exports the day as CSV for Excel, with progress', async () => {
    const till = await readyTill();
    await accrueFor(till, IVAN);
    await accrueFor(till, MARIA);
    const exported = value(await till.call('journal.export', { day: today() }));
    expect(exported.rows).toBe(2);
    expect(exported.file).toMatch(new RegExp(`^${path.join(dataDir, 'exports')}.*журнал-${today()}.*\\.csv$`));
    const bytes = await readFile(exported.file ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('"Номер операции";"Время"');
    expect(text).toContain(';"Начисление";20;');
    expect(till.events.filter((e) => e.event === 'journalExport').at(-1)?.payload).toEqual({ done: 2, total: 2 });
  });

  it('writes the export where the app chooses, and nothing when the manager cancels', async () => {
    const chosen = path.join(dataDir, 'выбранный.csv');
    let answer: string | null = chosen;
    const till = await readyTill({ exportTarget: () => Promise.resolve(answer) });
    await accrueFor(till, IVAN);
    expect(value(await till.call('journal.export', { day: today(), kind: 'accrue' }))).toEqual({ file: chosen, rows: 1 });
    answer = null;
    expect(value(await till.call('journal.export', { day: today() }))).toEqual({ file: null, rows: 0 });
  });
});

describe('the journal across restarts and processes', () => {
  // The lock itself (and the second till writing once the first closes) is journalService.test.ts's.
  it("shows a second till on the folder why it sends nothing: the first till's journal lock", async () => {
    await readyTill();
    const second = await open();
    const state = value(await second.call('app.getState'));
    expect(state.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('Журнал операций сейчас ведёт программа кассы'));
    value(await second.call('scan.submit', sim.issueQr(IVAN)));
    const before = sim.requestCount();
    const refused = value(await second.call('checkout.accrue', { purchaseKopecks: 1000_00 }));
    expect(refused).toMatchObject({ stage: 'customer', error: { kind: 'journal' } });
    expect(sim.requestCount()).toBe(before);
  });

  it('keeps the demo journal away from the shop’s own', async () => {
    const till = await open({ demo: true, apiUrl: undefined });
    value(await till.call('manager.setupPassword', PASSWORD));
    const [ivan] = value(await till.call('demo.customers'));
    value(await till.call('scan.submit', ivan?.qrText ?? ''));
    expect(value(await till.call('checkout.accrue', { purchaseKopecks: 1000_00 })).stage).toBe('done');
    expect(value(await till.call('journal.list', { day: today() }))).toHaveLength(1);
    expect(existsSync(path.join(dataDir, JOURNAL_DIR))).toBe(false);
  });
});
