import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { effectiveRules } from '../../src-shared/bonus/bonusRules';
import { appError } from '../../src-shared/errors';
import type { AppError, Result } from '../../src-shared/errors';
import { QR_EXPIRED_CODE } from '../../src-shared/journal/errorCodes';
import { localDay } from '../../src-shared/journal/localTime';
import type { OperationView } from '../../src-shared/journal/types';
import { DEFAULT_SETTINGS } from '../../src-shared/settings/settings';
import { JOURNAL_DIR } from '../journal/journal';
import type { QrCredentials } from '../journal/qrSecrets';
import { SkidkabotClient } from '../skidkabot/client';
import { startFaultySimulator } from '../../test-support/simulator/faultySimulator';
import type { FaultySimulator } from '../../test-support/simulator/faultySimulator';
import { folderTarget, JournalService } from './journalService';
import type { JournalServiceOptions } from './journalService';
import type { PressRequest, PressResult } from './tillOperations';

// Иван Петров (2365 bonuses) and Мария (0) of the demo shop, which gives 2 %.
const IVAN = 83532824;
const MARIA = 51234567;
const REASON = 'покупатель показал баланс в боте';

let sim: FaultySimulator;
let client: SkidkabotClient;
let dataDir: string;
let clock: number;
const opened: JournalService[] = [];

beforeEach(async () => {
  // A fresh server each time: the balances the tests check start from the demo's.
  sim = await startFaultySimulator();
  client = new SkidkabotClient({ baseUrl: sim.url, credentials: { shopCode: 4, shopSecret: 31337, kassa: 3 }, totalTimeoutMs: 5_000 });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kassa-journal-service-'));
  clock = Date.now();
});
afterEach(async () => {
  for (const service of opened.splice(0)) await service.close();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface Shop {
  client: Result<SkidkabotClient>;
  code: number | null;
  kassa: number;
}

interface Opened {
  service: JournalService;
  shop: Shop;
  changes: () => number;
  sent: OperationView[];
}

async function open(overrides: Partial<JournalServiceOptions> = {}): Promise<Opened> {
  const shop: Shop = { client: { ok: true, value: client }, code: 4, kassa: 3 };
  let changes = 0;
  const sent: OperationView[] = [];
  const service = await JournalService.open({
    dataDir,
    shop: { client: () => shop.client, shopCode: () => shop.code, kassa: () => shop.kassa },
    now: () => clock,
    onChange: () => {
      changes += 1;
    },
    onOperation: (view) => sent.push(view),
    ...overrides,
  });
  opened.push(service);
  return { service, shop, changes: () => changes, sent };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A press of «Начислить» (or «Списать» with `redeemBonuses`) for a customer just scanned. */
async function pressFor(customer: number, purchaseKopecks = 1000_00, redeemBonuses = 0): Promise<PressRequest> {
  const { client: id, secret } = JSON.parse(sim.issueQr(customer)) as QrCredentials;
  const qr = { client: id, secret };
  const balance = value(await client.balance(qr));
  return {
    qr,
    customer: balance,
    rules: effectiveRules(DEFAULT_SETTINGS.rules, balance),
    purchaseKopecks,
    redeemBonuses,
    scannedAt: clock,
    confirmDuplicate: false,
    checkoutId: randomUUID(),
  };
}

function outcomesOf(result: PressResult): string[] {
  if (result.status !== 'sent') throw new Error(`expected sent, got ${JSON.stringify(result)}`);
  return result.outcomes.map((outcome) => `${outcome.kind} ${outcome.bonuses} ${outcome.status}`);
}

function refusalOf(result: PressResult): AppError {
  if (result.status !== 'not-sent') throw new Error(`expected not-sent, got ${JSON.stringify(result)}`);
  return result.error;
}

/** An accrual whose answer is lost and whose balance check fails too: its outcome is unknown. */
async function lostAccrual(service: JournalService, customer = IVAN): Promise<OperationView> {
  const press = await pressFor(customer);
  sim.injectFault({ kind: 'drop-after-apply' }, { endpoint: 'plus' });
  sim.injectFault({ kind: 'drop-before-apply' }, { endpoint: 'balance', times: 2 });
  const result = await service.press(press);
  expect(outcomesOf(result)).toEqual(['accrue 20 unknown']);
  const [lost] = service.unresolved();
  if (!lost) throw new Error('the lost accrual is not in the journal');
  return lost;
}

const today = (): string => localDay(clock);

describe('JournalService: presses', () => {
  it('sends through the shop journal it holds, and tells the screen and the owner of each operation', async () => {
    const { service, changes, sent } = await open();
    expect([service.writer, service.demo, service.problems()]).toEqual([true, false, []]);
    const result = await service.press(await pressFor(IVAN));
    expect(outcomesOf(result)).toEqual(['accrue 20 applied']);
    expect(sim.balanceOf(IVAN)).toBe(2385);
    const [op] = value(await service.list({ day: today() }));
    expect(op).toMatchObject({ client: IVAN, kind: 'accrue', bonuses: 20, kassa: 3, shop: 4, status: 'applied', balanceBefore: 2365, balanceAfter: 2385 });
    expect(sent).toEqual([expect.objectContaining({ id: op?.id, status: 'applied' })]);
    expect(changes()).toBeGreaterThan(0);
    expect(existsSync(path.join(dataDir, JOURNAL_DIR))).toBe(true);
  });

  it("runs one customer's presses one after another, so the second sees the first and asks", async () => {
    const { service } = await open();
    const press = await pressFor(MARIA);
    const [first, second] = await Promise.all([service.press(press), service.press({ ...press, checkoutId: randomUUID() })]);
    expect(outcomesOf(first)).toEqual(['accrue 20 applied']);
    expect(second).toMatchObject({ status: 'confirm', kind: 'accrue', bonuses: 20, earlier: { client: MARIA, status: 'applied' } });
    expect(sim.balanceOf(MARIA)).toBe(20);
    // Confirmed, the same press goes through.
    expect(outcomesOf(await service.press({ ...press, confirmDuplicate: true, checkoutId: randomUUID() }))).toEqual(['accrue 20 applied']);
    expect(sim.balanceOf(MARIA)).toBe(40);
  });

  it('writes each operation with the register and shop in force when it is sent', async () => {
    const { service, shop } = await open();
    outcomesOf(await service.press(await pressFor(IVAN)));
    shop.kassa = 5;
    outcomesOf(await service.press(await pressFor(MARIA)));
    const kassas = value(await service.list({ day: today() })).map((op) => [op.client, op.kassa]);
    expect(kassas).toEqual(expect.arrayContaining([[IVAN, 3], [MARIA, 5]]));
  });

  it('sends nothing without a shop code or a client, and says why', async () => {
    const { service, shop } = await open();
    const press = await pressFor(IVAN);
    const before = sim.requestCount();
    shop.code = null;
    expect(refusalOf(await service.press(press))).toMatchObject({ kind: 'config', key: 'config.noShopCode' });
    shop.code = 4;
    const noSecret = appError('config', 'Касса не настроена: не задан секретный код магазина.');
    shop.client = { ok: false, error: noSecret };
    expect(refusalOf(await service.press(press))).toEqual(noSecret);
    expect(sim.requestCount()).toBe(before);
    expect(value(await service.list({ day: today() }))).toEqual([]);
  });
});

describe('JournalService: the writer lock', () => {
  it('lets one service write; a second on the folder reads, sends nothing, and writes once the first has closed', async () => {
    const first = await open();
    outcomesOf(await first.service.press(await pressFor(IVAN)));
    const second = await open();
    expect(second.service.writer).toBe(false);
    expect(second.service.problems()).toEqual([expect.objectContaining({ kind: 'journal', key: 'journal.heldByOther' })]);
    // Read-only, the manager still sees the journal.
    expect(value(await second.service.list({ day: today() }))).toHaveLength(1);
    const press = await pressFor(MARIA);
    const before = sim.requestCount();
    expect(refusalOf(await second.service.press(press))).toMatchObject({ kind: 'journal' });
    expect(sim.requestCount()).toBe(before);

    await first.service.close();
    const changesBefore = second.changes();
    expect(outcomesOf(await second.service.press(press))).toEqual(['accrue 20 applied']);
    expect(second.service.writer).toBe(true);
    expect(second.service.problems()).toEqual([]);
    expect(second.changes()).toBeGreaterThan(changesBefore);
    expect(value(await second.service.list({ day: today() }))).toHaveLength(2);
  });

  it('keeps a demo journal in a folder of its own, removed on close', async () => {
    const before = new Set(await readdir(os.tmpdir()));
    const { service } = await open({ demo: true });
    expect([service.writer, service.demo]).toEqual([true, true]);
    const demoDirs = (await readdir(os.tmpdir())).filter((name) => name.startsWith('skidkabot-demo-journal-') && !before.has(name));
    expect(demoDirs).toHaveLength(1);
    outcomesOf(await service.press(await pressFor(IVAN)));
    expect(value(await service.list({ day: today() }))).toHaveLength(1);
    expect(existsSync(path.join(dataDir, JOURNAL_DIR))).toBe(false);
    await service.close();
    expect(existsSync(path.join(os.tmpdir(), demoDirs[0] ?? '-'))).toBe(false);
  });

  it('frees the shop journal when demo mode is chosen', async () => {
    const shopTill = await open();
    await shopTill.service.useDemo();
    expect(shopTill.service.demo).toBe(true);
    const other = await open();
    expect(other.service.writer).toBe(true);
  });
});

describe('JournalService: operations whose outcome is unknown', () => {
  it('counts them, blocks the customer, keeps them across a restart, and a re-check settles them', async () => {
    const first = await open();
    const lost = await lostAccrual(first.service);
    expect(first.service.unresolvedCount()).toBe(1);
    expect(first.service.blockedFor(IVAN)).toEqual([{ kind: 'accrue', bonuses: 20, at: lost.at }]);
    expect(first.service.blockedFor(MARIA)).toEqual([]);
    // The unresolved count has its own line: it is not repeated among the problems.
    expect(first.service.problems()).toEqual([]);
    const before = sim.requestCount();
    expect(refusalOf(await first.service.press(await pressFor(IVAN, 500_00)))).toMatchObject({ kind: 'outcome-unknown' });
    expect(sim.requestCount()).toBe(before + 1);
    await first.service.close();

    const again = await open();
    expect(again.service.unresolvedCount()).toBe(1);
    const checked = value(await again.service.recheck(lost.id, 'перепроверка после сбоя'));
    expect(checked).toMatchObject({ verdict: 'applied', balance: 2385, operation: { id: lost.id, status: 'applied', unresolved: false } });
    expect(again.service.unresolvedCount()).toBe(0);
    expect(again.service.blockedFor(IVAN)).toEqual([]);
  });

  it("takes the manager's verdict without the server or the shop secret", async () => {
    const { service, shop } = await open();
    const lost = await lostAccrual(service);
    shop.client = { ok: false, error: appError('config', 'Хранилище паролей ОС недоступно.') };
    const before = sim.requestCount();
    const marked = value(await service.resolve(lost.id, 'not-applied', REASON));
    expect(marked).toMatchObject({ id: lost.id, status: 'not-applied', unresolved: false, resolutions: [{ action: 'not-applied', reason: REASON, by: 'manager' }] });
    expect(sim.requestCount()).toBe(before);
    expect(service.unresolvedCount()).toBe(0);
    expect(await service.resolve(lost.id, 'applied', REASON)).toMatchObject({ ok: false });
  });

  it("asks for the customer's fresh QR when told to use the scanned one and none was scanned", async () => {
    let scanned: QrCredentials | null = null;
    const { service } = await open({ scannedQr: () => scanned });
    const lost = await lostAccrual(service);
    const before = sim.requestCount();
    for (const reply of [await service.recheck(lost.id, REASON, true), await service.reverse(lost.id, REASON, true)]) {
      expect(reply).toMatchObject({ ok: false, error: { code: QR_EXPIRED_CODE, key: 'journal.freshQrMissing' } });
    }
    expect(sim.requestCount()).toBe(before);
    scanned = JSON.parse(sim.issueQr(IVAN)) as QrCredentials;
    expect(value(await service.recheck(lost.id, REASON, true)).verdict).toBe('applied');
  });
});

describe('JournalService: corrections and reports', () => {
  it('reverses an accrual and returns both operations', async () => {
    const { service } = await open();
    outcomesOf(await service.press(await pressFor(IVAN)));
    const [op] = value(await service.list({ day: today() }));
    const reversed = value(await service.reverse(op?.id ?? '', 'покупатель вернул товар'));
    expect(reversed).toMatchObject({ outcome: 'applied', reversal: { kind: 'redeem', bonuses: 20, reverses: op?.id }, original: { id: op?.id, reversed: true } });
    expect(sim.balanceOf(IVAN)).toBe(2365);
  });

  it("queues a reversal with the customer's presses: a press waits until the reversal has ended", async () => {
    const { service } = await open();
    outcomesOf(await service.press(await pressFor(IVAN)));
    const [op] = value(await service.list({ day: today() }));
    const press = { ...(await pressFor(IVAN)), confirmDuplicate: true };
    sim.injectFault({ kind: 'slow', delayMs: 30_000 }, { endpoint: 'minus' });
    const ended: string[] = [];
    const reversal = service.reverse(op?.id ?? '', 'покупатель вернул товар').then((reply) => {
      ended.push('reversal');
      return reply;
    });
    await expect.poll(() => sim.held()).toBe(1);
    const pressed = service.press(press).then((result) => {
      ended.push('press');
      return result;
    });
    // Outside the queue the press writes its intent (and judges its balance before) well within this;
    // queued, it has not started: the journal holds the accrual and the reversal only.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(ended).toEqual([]);
    expect(sim.held()).toBe(1);
    expect(value(await service.list({ day: today() })).map((view) => view.kind).sort()).toEqual(['accrue', 'redeem']);
    sim.releaseDelays();
    expect(value(await reversal).outcome).toBe('applied');
    expect(outcomesOf(await pressed)).toEqual(['accrue 20 applied']);
    expect(ended).toEqual(['reversal', 'press']);
    expect(sim.balanceOf(IVAN)).toBe(2385);
  });

  it("reports the day by register, with its hours", async () => {
    const { service } = await open();
    outcomesOf(await service.press(await pressFor(IVAN)));
    outcomesOf(await service.press(await pressFor(MARIA, 500_00)));
    const day = value(await service.day(today(), 3));
    expect(day.report).toMatchObject({ accruals: { count: 2, bonuses: 30 }, purchases: { count: 2, kopecks: 1500_00 } });
    expect(day.hours).toHaveLength(24);
    expect(value(await service.day(today(), 9)).report.accruals.count).toBe(0);
  });

  it('exports the filtered day under a name that says what it holds, and nothing when cancelled', async () => {
    const { service } = await open();
    outcomesOf(await service.press(await pressFor(IVAN)));
    outcomesOf(await service.press(await pressFor(MARIA, 500_00)));
    const folder = path.join(dataDir, 'выгрузки', 'март');
    const progress: number[] = [];
    const exported = value(await service.exportDay({ day: today(), kassa: 3, kind: 'accrue' }, folderTarget(folder), (p) => progress.push(p.done)));
    expect(exported.rows).toBe(2);
    expect(path.dirname(exported.file ?? '')).toBe(folder);
    expect(path.basename(exported.file ?? '')).toMatch(new RegExp(`^журнал-${today()}-касса-3-начисления-выгружен-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv$`));
    expect((await readFile(exported.file ?? '', 'utf8')).split('\r\n').filter((line) => line.includes('Начисление'))).toHaveLength(2);
    expect(progress.at(-1)).toBe(2);

    let asked = '';
    const cancelled = value(
      await service.exportDay(
        { day: today(), client: IVAN },
        (name) => {
          asked = name;
          return Promise.resolve(null);
        },
        () => undefined,
      ),
    );
    expect(cancelled).toEqual({ file: null, rows: 0 });
    expect(asked).toMatch(new RegExp(`^журнал-${today()}-покупатель-${IVAN}-выгружен-`));
    expect(await readdir(folder)).toHaveLength(1);
  });
});
