import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import type { BlockedOperation, CheckoutView } from '../../src-shared/ipc/views';
import type { OperationView } from '../../src-shared/journal/types';
import { ManualScheduler } from '../../src-shared/keyboard/scheduler';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import type { BonusRuleSettings } from '../../src-shared/settings/settings';
import type { OperationOutcome } from '../../src-shared/skidkabot/types';
import { SkidkabotClient } from '../skidkabot/client';
import { OTHER_SHOP_CUSTOMER } from '../simulator/demoData';
import { startFaultySimulator } from '../../test-support/simulator/faultySimulator';
import type { FaultySimulator } from '../../test-support/simulator/faultySimulator';
import { CheckoutSession, KEEP_WARM_MS } from './checkoutSession';
import type { CheckoutSessionOptions } from './checkoutSession';
import type { CheckoutOperations, PressRequest, PressResult } from './tillOperations';

// Иван Петров, 2365 bonuses; the demo shop's server gives 2 % and lets redeem 10 %.
const IVAN = 83532824;
const IDLE_CLEAR_MS = 60_000;
const SERVER_RULES: BonusRuleSettings = { ...DEFAULT_SETTINGS.rules, pPlus: 2, pMinus: 10 };

/** The journal's side of a press, scripted: each press waits for the test to answer it. */
class ScriptedOperations implements CheckoutOperations {
  readonly requests: PressRequest[] = [];
  readonly blocked = new Map<number, BlockedOperation[]>();
  private answers: ((result: PressResult) => void)[] = [];

  press(request: PressRequest): Promise<PressResult> {
    this.requests.push(request);
    return new Promise((resolve) => this.answers.push(resolve));
  }

  blockedFor(client: number): BlockedOperation[] {
    return this.blocked.get(client) ?? [];
  }

  /** Answers the oldest press still waiting. */
  answer(result: PressResult): void {
    const next = this.answers.shift();
    if (!next) throw new Error('no press is waiting for an answer');
    next(result);
  }
}

interface Harness {
  session: CheckoutSession;
  operations: ScriptedOperations;
  scheduler: ManualScheduler;
  views: CheckoutView[];
  /** onServerStart as 'start', onServerCall as the error or 'ok', onServerDropped as 'dropped', in order. */
  server: (string | AppError)[];
  shop: { code: number | null; client: Result<SkidkabotClient>; secretRetries: number };
}

let sim: FaultySimulator;
let client: SkidkabotClient;
const sessions: CheckoutSession[] = [];

beforeAll(async () => {
  sim = await startFaultySimulator();
  client = new SkidkabotClient({ baseUrl: sim.url, credentials: { shopCode: 4, shopSecret: 31337, kassa: 1 }, totalTimeoutMs: 5_000 });
});
afterAll(() => sim.close());
beforeEach(() => sim.clearFaults());
afterEach(async () => {
  for (const session of sessions.splice(0)) session.close();
  sim.releaseDelays();
  await sim.idle();
});

const NOW = Date.UTC(2026, 2, 14, 9, 30);

function start(overrides: Partial<CheckoutSessionOptions> = {}): Harness {
  const operations = new ScriptedOperations();
  const scheduler = new ManualScheduler(NOW);
  const views: CheckoutView[] = [];
  const server: Harness['server'] = [];
  const shop: Harness['shop'] = { code: 4, client: { ok: true, value: client }, secretRetries: 0 };
  const session = new CheckoutSession({
    shop: {
      shopCode: () => shop.code,
      rules: () => DEFAULT_SETTINGS.rules,
      client: () => shop.client,
      retrySecret: () => {
        shop.secretRetries += 1;
        return Promise.resolve();
      },
    },
    operations,
    scheduler,
    now: () => NOW,
    idleClearMs: IDLE_CLEAR_MS,
    onChange: (view) => views.push(view),
    onServerStart: () => server.push('start'),
    onServerCall: (error) => server.push(error ?? 'ok'),
    onServerDropped: () => server.push('dropped'),
    ...overrides,
  });
  sessions.push(session);
  return { session, operations, scheduler, views, server, shop };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function withIvan(overrides: Partial<CheckoutSessionOptions> = {}): Promise<Harness> {
  const harness = start(overrides);
  expect(value(await harness.session.scan(sim.issueQr(IVAN))).stage).toBe('customer');
  return harness;
}

function applied(kind: 'accrue' | 'redeem', bonuses: number, balance: number): OperationOutcome {
  return { status: 'applied', kind, bonuses, balance, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' };
}

const sent = (...outcomes: OperationOutcome[]): PressResult => ({ status: 'sent', outcomes, journalError: null });

describe('CheckoutSession: the scan', () => {
  it('asks the server for the balance and shows the customer with the rules in force', async () => {
    const { session, views, server, shop } = start();
    const qrText = sim.issueQr(IVAN);
    const view = value(await session.scan(qrText));
    expect(view).toEqual({
      stage: 'customer',
      busy: false,
      error: null,
      customer: { client: IVAN, firstName: 'Иван', lastName: 'Петров', balance: 2365, rules: SERVER_RULES },
    });
    expect(views).toEqual([{ stage: 'idle', busy: true, error: null }, view]);
    expect(server).toEqual(['start', 'ok']);
    expect(shop.secretRetries).toBe(1);
    expect(session.view()).toBe(view);
    expect(session.scannedQr()).toEqual({ client: IVAN, secret: (JSON.parse(qrText) as { secret: number }).secret });
  });

  it('sends nothing for a scan that is not a Skidkabot QR, and keeps the customer on screen', async () => {
    const { session } = await withIvan();
    const before = sim.requestCount();
    expect(value(await session.scan('4607034171235'))).toMatchObject({ stage: 'customer', error: { kind: 'scan' }, customer: { client: IVAN } });
    expect(sim.requestCount()).toBe(before);
  });

  it("sends nothing for another shop's QR", async () => {
    const { session, server } = start();
    const before = sim.requestCount();
    expect(value(await session.scan(sim.issueQr(OTHER_SHOP_CUSTOMER.client)))).toMatchObject({ stage: 'idle', error: { kind: 'vendor' } });
    expect(sim.requestCount()).toBe(before);
    expect(server).toEqual([]);
  });

  it('sends nothing while the shop has no code or no client, and says why', async () => {
    const harness = start();
    harness.shop.code = null;
    const before = sim.requestCount();
    expect(value(await harness.session.scan(sim.issueQr(IVAN)))).toMatchObject({ stage: 'idle', error: { key: 'config.noShopCode' } });
    harness.shop.code = 4;
    const noSecret = appError('config', 'Касса не настроена: не задан секретный код магазина.');
    harness.shop.client = { ok: false, error: noSecret };
    expect(value(await harness.session.scan(sim.issueQr(IVAN)))).toMatchObject({ stage: 'idle', error: noSecret });
    expect(sim.requestCount()).toBe(before);
    expect(harness.server).toEqual([]);
  });

  it('shows a server refusal and reports the server as answering', async () => {
    const { session, server } = start();
    sim.injectFault({ kind: 'code', code: 9, text: 'QR-код устарел.' }, { endpoint: 'balance' });
    expect(value(await session.scan(sim.issueQr(IVAN)))).toMatchObject({ stage: 'idle', error: { kind: 'server', code: 9 } });
    expect(server.at(-1)).toMatchObject({ kind: 'server', code: 9 });
    expect(session.scannedQr()).toBeNull();
  });

  it('Esc drops a balance query in flight: idle at once, the request cut, the status line as before', async () => {
    const { session, views, server } = start();
    sim.injectFault({ kind: 'slow', delayMs: 60_000 }, { endpoint: 'balance' });
    const first = session.scan(sim.issueQr(IVAN));
    await expect.poll(() => sim.held()).toBe(1);
    expect(session.view()).toEqual({ stage: 'idle', busy: true, error: null });
    expect(value(session.clear())).toEqual({ stage: 'idle', busy: false, error: null });
    // Released at once, the answer would still come back on a request that was only ignored:
    // this one was cut, so no answer ever arrives.
    sim.releaseDelays();
    expect(value(await first)).toEqual({ stage: 'idle', busy: false, error: null });
    await sim.idle();
    expect(views.at(-1)).toEqual({ stage: 'idle', busy: false, error: null });
    expect(server).toEqual(['start', 'dropped']);
    expect(session.scannedQr()).toBeNull();
  });

  it('the next scan after Esc is answered at once, not held behind the dropped query', async () => {
    const { session, views, server } = start();
    sim.injectFault({ kind: 'slow', delayMs: 60_000 }, { endpoint: 'balance' });
    const dropped = session.scan(sim.issueQr(IVAN));
    await expect.poll(() => sim.held()).toBe(1);
    value(session.clear());
    await dropped;
    // The slow answer is still held by the server: the next query goes out on a fresh connection.
    const shown = value(await session.scan(sim.issueQr(IVAN)));
    expect(shown).toMatchObject({ stage: 'customer', customer: { client: IVAN } });
    expect(sim.held()).toBe(1);
    expect(views.map((view) => `${view.stage}${view.busy ? ' busy' : ''}`)).toEqual(['idle busy', 'idle', 'idle busy', 'customer']);
    expect(server).toEqual(['start', 'dropped', 'start', 'ok']);
    sim.releaseDelays();
  });
});

describe('CheckoutSession: the press', () => {
  it('accrues the bonuses computed from the purchase, for the customer scanned', async () => {
    const { session, operations, server } = await withIvan();
    const qr = session.scannedQr();
    const pressed = session.accrue(1000_00);
    expect(session.view()).toMatchObject({ stage: 'customer', busy: true });
    expect(operations.requests).toHaveLength(1);
    const { checkoutId, ...request } = operations.requests[0] ?? { checkoutId: '' };
    expect(request).toEqual({
      qr,
      customer: { firstName: 'Иван', lastName: 'Петров', balance: 2365, pPlus: 2, pMinus: 10 },
      rules: SERVER_RULES,
      purchaseKopecks: 1000_00,
      redeemBonuses: 0,
      scannedAt: NOW,
      confirmDuplicate: false,
    });
    expect(checkoutId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    operations.answer(sent(applied('accrue', 20, 2385)));
    const view = value(await pressed);
    expect(view).toMatchObject({ stage: 'done', error: null, customer: { balance: 2385 }, outcomes: [{ status: 'applied', bonuses: 20 }] });
    expect(server.slice(-2)).toEqual(['start', 'ok']);
  });

  it('never presses twice from the done screen, nor before a scan', async () => {
    const harness = start();
    expect(value(await harness.session.accrue(1000_00)).error).toMatchObject({ key: 'checkout.scanFirst' });
    value(await harness.session.scan(sim.issueQr(IVAN)));
    const pressed = harness.session.accrue(1000_00);
    harness.operations.answer(sent(applied('accrue', 20, 2385)));
    await pressed;
    expect(value(await harness.session.accrue(1000_00))).toMatchObject({ stage: 'done', error: { key: 'checkout.alreadyDone' } });
    expect(value(await harness.session.redeem(1000_00, 10)).error).toMatchObject({ key: 'checkout.alreadyDone' });
    expect(harness.operations.requests).toHaveLength(1);
  });

  it('refuses an accrual of 0 bonuses and a redemption over the maximum before anything is sent', async () => {
    const { session, operations } = await withIvan();
    // 2 % of 49 kopecks rounds to nothing.
    expect(value(await session.accrue(49))).toMatchObject({ stage: 'customer', error: { key: 'checkout.zeroAccrual' } });
    const over = value(await session.redeem(1000_00, 101));
    expect(over).toMatchObject({ stage: 'customer', error: { kind: 'input' } });
    expect(over.error?.message).toContain('от 1 до 100');
    expect(operations.requests).toEqual([]);
  });

  it('redeems with the accrual on the part paid with money left to the journal', async () => {
    const { session, operations } = await withIvan();
    const pressed = session.redeem(1000_00, 50);
    expect(operations.requests[0]).toMatchObject({ purchaseKopecks: 1000_00, redeemBonuses: 50 });
    operations.answer(sent(applied('redeem', 50, 2315), applied('accrue', 19, 2334)));
    expect(value(await pressed)).toMatchObject({ stage: 'done', customer: { balance: 2334 } });
  });

  it('refuses every other action while a press is in flight, and sends nothing more', async () => {
    const { session, operations } = await withIvan();
    const first = session.accrue(1000_00);
    for (const second of [session.accrue(1000_00), session.redeem(1000_00, 10), session.scan(sim.issueQr(IVAN))]) {
      expect(await second).toMatchObject({ ok: false, error: { kind: 'input', key: 'checkout.busy' } });
    }
    // Esc cannot drop an operation in flight, and a settings change does not drop the customer.
    expect(session.clear()).toMatchObject({ ok: false, error: { key: 'checkout.cannotCancel' } });
    expect(session.cancelRepeat()).toMatchObject({ ok: false, error: { key: 'checkout.busy' } });
    session.reset();
    expect(session.view()).toMatchObject({ stage: 'customer', busy: true });
    operations.answer(sent(applied('accrue', 20, 2385)));
    expect(value(await first).stage).toBe('done');
    expect(operations.requests).toHaveLength(1);
  });

  it('asks before a repeat; «no» goes back, and «yes» counts only for the press asked about', async () => {
    const { session, operations } = await withIvan();
    const earlier = { at: '2026-03-14T12:29:00', status: 'applied' } as unknown as OperationView;
    const asked = session.accrue(1000_00);
    operations.answer({ status: 'confirm', kind: 'accrue', bonuses: 20, earlier });
    expect(value(await asked)).toMatchObject({
      stage: 'confirm',
      repeat: { kind: 'accrue', purchaseKopecks: 1000_00, bonuses: 20, earlier: { at: '2026-03-14T12:29:00', status: 'applied' } },
    });
    expect(value(session.cancelRepeat())).toMatchObject({ stage: 'customer', error: null });
    // Outside the question, a «yes» means nothing.
    const unasked = session.accrue(1000_00, true);
    expect(operations.requests.at(-1)?.confirmDuplicate).toBe(false);
    operations.answer({ status: 'confirm', kind: 'accrue', bonuses: 20, earlier });
    await unasked;
    // Another amount is another press: the «yes» given for the first does not carry over.
    const other = session.accrue(2000_00, true);
    expect(operations.requests.at(-1)?.confirmDuplicate).toBe(false);
    operations.answer({ status: 'confirm', kind: 'accrue', bonuses: 40, earlier });
    await other;
    const confirmed = session.accrue(2000_00, true);
    expect(operations.requests.at(-1)?.confirmDuplicate).toBe(true);
    operations.answer(sent(applied('accrue', 40, 2405)));
    expect(value(await confirmed).stage).toBe('done');
  });

  it('keeps the customer with the reason and the blocked operations when nothing was sent', async () => {
    const { session, operations, server } = await withIvan();
    const blocked: BlockedOperation[] = [{ kind: 'accrue', bonuses: 20, at: '2026-03-14T12:00:00' }];
    operations.blocked.set(IVAN, blocked);
    const refusal = appError('outcome-unknown', 'Неизвестно, начислены ли бонусы: позовите менеджера.');
    const pressed = session.accrue(500_00);
    operations.answer({ status: 'not-sent', error: refusal });
    expect(value(await pressed)).toMatchObject({ stage: 'customer', error: refusal, customer: { blocked } });
    // Nothing went to the server: the status line keeps what the scan left.
    expect(server.slice(-2)).toEqual(['ok', 'start']);
  });

  it('reports the server only for operations that reached it', async () => {
    const { session, operations, server } = await withIvan();
    const journalRefusal = appError('journal', 'Журнал операций не записан, операция НЕ отправлена.');
    const unwritten = session.accrue(1000_00);
    operations.answer(sent({ status: 'refused', kind: 'accrue', bonuses: 20, error: journalRefusal }));
    expect(value(await unwritten)).toMatchObject({ stage: 'customer', error: journalRefusal });
    expect(server.at(-1)).toBe('start');

    const serverRefusal = appError('server', 'У клиента не хватает баллов для списания.', 13);
    const refused = session.accrue(1000_00);
    operations.answer(sent({ status: 'refused', kind: 'accrue', bonuses: 20, error: serverRefusal }));
    await refused;
    expect(server.at(-1)).toEqual(serverRefusal);
  });

  it('shows a journal that could not record the outcome over the done screen', async () => {
    const { session, operations } = await withIvan();
    const journalError = appError('journal', 'Итог операции не записан в журнал.');
    const pressed = session.accrue(1000_00);
    operations.answer({ status: 'sent', outcomes: [applied('accrue', 20, 2385)], journalError });
    expect(value(await pressed)).toMatchObject({ stage: 'done', error: journalError, customer: { balance: 2385 } });
  });
});

describe('CheckoutSession: the customer leaves the screen', () => {
  it('on «Новый покупатель», and on a settings change', async () => {
    const harness = await withIvan();
    expect(value(harness.session.clear())).toEqual({ stage: 'idle', busy: false, error: null });
    expect(harness.session.scannedQr()).toBeNull();
    expect(value(await harness.session.accrue(100_00)).error).toMatchObject({ key: 'checkout.scanFirst' });
    value(await harness.session.scan(sim.issueQr(IVAN)));
    harness.session.reset();
    expect(harness.views.at(-1)).toEqual({ stage: 'idle', busy: false, error: null });
  });

  it('after the idle period, not before', async () => {
    const { scheduler, views } = await withIvan();
    scheduler.advance(IDLE_CLEAR_MS - 1);
    expect(views.at(-1)?.stage).toBe('customer');
    scheduler.advance(1);
    expect(views.at(-1)).toEqual({ stage: 'idle', busy: false, error: null });
  });

  it('not while the cashier is still typing', async () => {
    const { session, scheduler, views } = await withIvan();
    scheduler.advance(IDLE_CLEAR_MS - 400);
    expect(value(session.touch()).stage).toBe('customer');
    scheduler.advance(IDLE_CLEAR_MS - 1);
    expect(views.at(-1)?.stage).toBe('customer');
    scheduler.advance(1);
    expect(views.at(-1)).toEqual({ stage: 'idle', busy: false, error: null });
  });

  it('an error message clears too, so the next person does not read it', async () => {
    const { session, scheduler, views } = start();
    value(await session.scan('4607034171235'));
    expect(views.at(-1)).toMatchObject({ stage: 'idle', error: { kind: 'scan' } });
    scheduler.advance(IDLE_CLEAR_MS);
    expect(views.at(-1)).toEqual({ stage: 'idle', busy: false, error: null });
  });

  it('shows nothing more once closed', async () => {
    const { session, scheduler, views } = await withIvan();
    session.close();
    const shown = views.length;
    scheduler.advance(IDLE_CLEAR_MS);
    value(session.clear());
    expect(views).toHaveLength(shown);
  });
});

describe('CheckoutSession: the connection while a customer is on screen', () => {
  it('is kept warm with HEAD of the root, and no longer after Esc', async () => {
    const { session, scheduler } = await withIvan();
    const afterScan = sim.requestCount();
    // The transport skips a warm-up within 1.5 s (real time) of the last request: the socket is fresh then.
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    scheduler.advance(KEEP_WARM_MS);
    await expect.poll(() => sim.requestCount()).toBe(afterScan + 1);
    expect(sim.lastRequest()).toMatchObject({ method: 'HEAD', path: '/' });
    value(session.clear());
    scheduler.advance(10 * KEEP_WARM_MS);
    // Settled: a warm-up would have reached the loopback server well within this.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sim.idle();
    expect(sim.requestCount()).toBe(afterScan + 1);
  });
});
