import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { localIso } from '../../src-shared/journal/localTime';
import { hourlyBuckets, shiftReport } from '../../src-shared/journal/report';
import type { JournalRecord } from '../../src-shared/journal/types';
import { exportJournalCsv } from '../../src-main/journal/exportCsv';
import { Journal, JOURNAL_DIR } from '../../src-main/journal/journal';
import { newOperationId } from '../../src-main/journal/operationId';
import { encodeRecord } from '../../src-main/journal/recordCodec';
import { OperationRunner, type OperationClient } from '../../src-main/journal/operationRunner';
import { faultyFs, type FsEvent } from '../../test-support/journal/faultyFs';
import { nodeJournalFs, type JournalFs } from '../../src-main/journal/fsPort';
import type { OperationOutcome } from '../../src-shared/skidkabot/types';
import { median, versus } from '../benchGoal';

const MONTHS = 36;
const OPS_PER_MONTH = 5_000;
const APPENDS = 300;
const BUSY_DAY_OPS = 5_000;

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(1)} ms`;
}

/** One month file of applied operations, as the app writes them; `open` leaves that many without an outcome. */
function monthText(year: number, month: number, ops: number, open: number, dayOf: (index: number) => number): string {
  const lines: string[] = [];
  for (let index = 0; index < ops; index += 1) {
    const at = localIso(new Date(year, month - 1, dayOf(index), 9 + (index % 12), index % 60, index % 60).getTime());
    const id = newOperationId(at, 1 + (index % 3), () => index.toString(16).padStart(6, '0'));
    const kind = index % 3 === 0 ? 'redeem' : 'accrue';
    const intent: JournalRecord = {
      v: 1,
      type: 'intent',
      id,
      at,
      kassa: 1 + (index % 3),
      shop: 4,
      client: 10_000_000 + (index % 900),
      kind,
      bonuses: 1 + (index % 50),
      purchaseKopecks: 10_000 + index * 7,
      balanceBefore: 1000,
      by: 'cashier',
    };
    lines.push(encodeRecord(intent));
    if (index < ops - open) {
      lines.push(encodeRecord({ v: 1, type: 'outcome', id, at, status: 'applied', balance: 1000 + intent.bonuses, confirmedBy: 'answer' }));
    }
  }
  return lines.join('');
}

/** One operation as the app writes it: intent (with its QR line), then the outcome. */
async function oneOperation(journal: Journal, client: number): Promise<void> {
  const id = await journal.recordIntent({ kassa: 1, shop: 4, client, kind: 'accrue', bonuses: 5, purchaseKopecks: 1000, qrSecret: 12345, balanceBefore: 0 });
  if (!id.ok) throw new Error(id.error.message);
  const done = await journal.recordOutcome(id.value, { status: 'applied', kind: 'accrue', bonuses: 5, balance: 5, firstName: '', lastName: '', confirmedBy: 'answer' });
  if (!done.ok) throw new Error(done.error.message);
}

/**
 * Per-operation cost at the start of a day and after a busy day's worth, in one journal, so the two
 * figures of a trial share the disk's mood; ms per operation. With several trials (each a fresh
 * journal, the last one in `dir`) the medians are given: without flushes a window of 300 operations
 * lasts some tens of milliseconds, and one garbage collection in it can double it.
 */
async function appendRates(dir: string, fs: JournalFs = nodeJournalFs, trials = 1): Promise<{ first: number; later: number; ratio: number }> {
  const what = fs === nodeJournalFs ? "intent fdatasync'd + QR line + outcome fdatasync'd" : 'the same with fdatasync made a no-op: the journal\'s own work';
  const results: Array<{ first: number; later: number }> = [];
  for (let trial = 0; trial < trials; trial += 1) {
    const { journal } = await Journal.open(trial === trials - 1 ? dir : `${dir}-${trial}`, { fs });
    const timed = async (from: number): Promise<number> => {
      const start = performance.now();
      for (let index = 0; index < APPENDS; index += 1) await oneOperation(journal, from + index);
      return (performance.now() - start) / APPENDS;
    };
    const first = await timed(0);
    for (let index = APPENDS; index < BUSY_DAY_OPS; index += 1) await oneOperation(journal, index);
    const later = await timed(BUSY_DAY_OPS);
    await journal.close();
    results.push({ first, later });
  }
  const first = median(results.map((result) => result.first));
  const later = median(results.map((result) => result.later));
  const of = trials > 1 ? `, median of ${trials} journals` : '';
  for (const [label, each] of [['the first', first], [`after ${BUSY_DAY_OPS} operations`, later]] as const) {
    console.log(`operations (${what}), ${label} ${APPENDS}: ${(1000 / each).toFixed(0)}/s, ${each.toFixed(2)} ms each${of}`);
  }
  return { first, later, ratio: median(results.map((result) => result.later / result.first)) };
}

/** Reads at start, counted in bytes, for saying what the start had to read. */
function countingReads(base: JournalFs): { fs: JournalFs; bytes: () => number } {
  let total = 0;
  const fs: JournalFs = {
    ...base,
    async readFile(file) {
      const data = await base.readFile(file);
      total += data?.length ?? 0;
      return data;
    },
  };
  return { fs, bytes: () => total };
}

/** Start (open) and the first operation after it, on a day of `dir`'s operations, median of a few runs. */
async function startFigures(dir: string): Promise<{ openMs: number; firstMs: number; readKb: number; firstReadKb: number }> {
  const runs: Array<{ openMs: number; firstMs: number; readKb: number; firstReadKb: number }> = [];
  for (let run = 0; run < 5; run += 1) {
    const { fs, bytes } = countingReads(withoutFlushes());
    let start = performance.now();
    const { journal } = await Journal.open(dir, { fs });
    const openMs = performance.now() - start;
    const readKb = bytes() / 1024;
    start = performance.now();
    await oneOperation(journal, 900_000 + run);
    runs.push({ openMs, firstMs: performance.now() - start, readKb, firstReadKb: bytes() / 1024 - readKb });
    await journal.close();
  }
  const middle = (pick: (run: (typeof runs)[number]) => number): number => median(runs.map(pick));
  return {
    openMs: middle((run) => run.openMs),
    firstMs: middle((run) => run.firstMs),
    readKb: middle((run) => run.readKb),
    firstReadKb: middle((run) => run.firstReadKb),
  };
}

async function startTimes(busyDir: string, emptyDir: string): Promise<void> {
  const empty = await startFigures(emptyDir);
  const busy = await startFigures(busyDir);
  for (const [label, figures] of [['an empty day', empty], [`a day of ${BUSY_DAY_OPS + APPENDS} operations`, busy]] as const) {
    console.log(
      `start with ${label} (fdatasync a no-op): open ${figures.openMs.toFixed(1)} ms reading ${figures.readKb.toFixed(0)} kB, first operation after it ${figures.firstMs.toFixed(2)} ms reading ${figures.firstReadKb.toFixed(0)} kB`,
    );
  }
}

/** The real disk with every flush skipped: for timing the journal's own work only. */
function withoutFlushes(): JournalFs {
  return {
    ...nodeJournalFs,
    syncDir: () => Promise.resolve(),
    async openAppend(file) {
      const opened = await nodeJournalFs.openAppend(file);
      return { ...opened, size: () => opened.size(), write: (data) => opened.write(data), datasync: () => Promise.resolve(), truncate: (size) => opened.truncate(size), close: () => opened.close() };
    },
  };
}

/** What the disk is asked to make durable: an atomic rewrite costs a file flush and a folder flush. */
function syncsIn(events: readonly FsEvent[]): number {
  return events.reduce((sum, event) => sum + (event.call === 'datasync' || event.call === 'syncDir' ? 1 : event.call === 'writeFileAtomic' ? 2 : 0), 0);
}

/**
 * One press with a redemption and its accrual, as the till runs it (deferred outcome sync, settle),
 * on the real disk through a counting fs port; the server answers at once so only journal work is timed.
 */
async function checkoutSyncs(dir: string): Promise<void> {
  const { fs, events } = faultyFs();
  const { journal } = await Journal.open(dir, { fs });
  let balance = 1000;
  const marks: Array<{ events: number; at: number }> = [];
  const answer = (kind: 'accrue' | 'redeem', bonuses: number): Promise<OperationOutcome> => {
    marks.push({ events: events.length, at: performance.now() });
    balance += kind === 'accrue' ? bonuses : -bonuses;
    return Promise.resolve({ status: 'applied', kind, bonuses, balance, firstName: 'Иван', lastName: 'Петров', confirmedBy: 'answer' });
  };
  const client: OperationClient = {
    balance: () => Promise.resolve({ ok: true, value: { firstName: 'Иван', lastName: 'Петров', balance, pPlus: 2, pMinus: 10 } }),
    accrue: (_qr, bonuses) => answer('accrue', bonuses),
    redeem: (_qr, bonuses) => answer('redeem', bonuses),
  };
  const runner = new OperationRunner({ journal, client, shop: 4, kassa: 1 });
  const qr = { client: 83532824, secret: 31766 };
  const gaps: Array<{ first: number; second: number; firstMs: number; secondMs: number; total: number }> = [];
  for (let round = 0; round < 20; round += 1) {
    const startEvents = events.length;
    const start = performance.now();
    marks.length = 0;
    const api = runner.forCheckout({ purchaseKopecks: 100_000, checkoutId: `bench-${round}`, confirmedDuplicate: true }, undefined, { deferSync: true });
    await api.redeem(qr, 10, balance);
    await api.accrue(qr, 18, balance);
    await api.settle();
    const [redeemMark, accrueMark] = marks;
    if (!redeemMark || !accrueMark) throw new Error('the checkout sent nothing');
    gaps.push({
      first: syncsIn(events.slice(startEvents, redeemMark.events)),
      second: syncsIn(events.slice(redeemMark.events, accrueMark.events)),
      firstMs: redeemMark.at - start,
      secondMs: accrueMark.at - redeemMark.at,
      total: syncsIn(events.slice(startEvents)),
    });
  }
  await journal.close();
  const steady = gaps.slice(1);
  const worst = (pick: (gap: (typeof gaps)[number]) => number): number => Math.max(...steady.map(pick));
  const middle = (pick: (gap: (typeof gaps)[number]) => number): string => median(steady.map(pick)).toFixed(2);
  const between = Math.max(worst((gap) => gap.first), worst((gap) => gap.second));
  console.log(
    `checkout (redeem + accrue), journal syncs between balance answer → redemption: ${worst((gap) => gap.first)}, redemption → accrual: ${worst((gap) => gap.second)}  ${versus('≤ 1 each', between <= 1)}; whole press: ${worst((gap) => gap.total)} syncs`,
  );
  console.log(`checkout journal time between requests (median): balance → redemption ${middle((gap) => gap.firstMs)} ms, redemption → accrual ${middle((gap) => gap.secondMs)} ms`);
}

async function openTimes(dir: string): Promise<void> {
  const journalDir = path.join(dir, JOURNAL_DIR);
  await mkdir(journalDir, { recursive: true });
  const now = new Date();
  let bytes = 0;
  for (let back = MONTHS; back >= 1; back -= 1) {
    const date = new Date(now.getFullYear(), now.getMonth() - back, 1);
    // Two operations three years back were never settled: the app must still find them at start.
    const text = monthText(date.getFullYear(), date.getMonth() + 1, OPS_PER_MONTH, back === MONTHS ? 2 : 0, (index) => 1 + (index % 28));
    bytes += Buffer.byteLength(text);
    const month = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    await writeFile(path.join(journalDir, `${month}.jsonl`), text);
  }
  console.log(`synthetic journal: ${MONTHS} months × ${OPS_PER_MONTH} operations, ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  let start = performance.now();
  const cold = await Journal.open(dir);
  console.log(`open without an index (reads every month, writes the index): ${ms(start)}, unresolved found: ${cold.journal.unresolved().length}`);
  await cold.journal.close();

  start = performance.now();
  const warm = await Journal.open(dir);
  console.log(`open with the index (current month + months with unresolved operations): ${ms(start)}, unresolved found: ${warm.journal.unresolved().length}`);

  start = performance.now();
  const customer = await warm.journal.list({ client: 10_000_005, limit: 100_000 });
  console.log(`list one customer across all ${MONTHS} months: ${ms(start)}, ${customer.ok ? customer.value.length : 0} operations`);
  await warm.journal.close();
}

async function busyDay(dir: string): Promise<void> {
  const journalDir = path.join(dir, JOURNAL_DIR);
  await mkdir(journalDir, { recursive: true });
  await writeFile(path.join(journalDir, '2024-06.jsonl'), monthText(2024, 6, BUSY_DAY_OPS, 0, () => 14));
  const { journal } = await Journal.open(dir, { readOnly: true });
  let start = performance.now();
  const listed = await journal.list({ day: '2024-06-14' });
  if (!listed.ok) throw new Error(listed.error.message);
  const listTime = ms(start);
  start = performance.now();
  const report = shiftReport(listed.value, '2024-06-14', null);
  hourlyBuckets(listed.value, '2024-06-14', null);
  console.log(`busy day (${listed.value.length} operations): list ${listTime}, report + hourly chart ${ms(start)}; ${report.accruals.count} accruals`);
  start = performance.now();
  const exported = await exportJournalCsv(listed.value, path.join(dir, 'day.csv'));
  console.log(`busy day CSV export: ${ms(start)}, ${exported.ok ? exported.value.rows : 0} rows`);
  await journal.close();
}

export async function run(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-journal-'));
  try {
    const cost = await appendRates(path.join(root, 'append'), nodeJournalFs, 3);
    console.log(`per-operation cost after ${BUSY_DAY_OPS} operations: ${cost.ratio.toFixed(2)}× the first  ${versus('≤ 1.2×', cost.ratio <= 1.2)}`);
    // The disk's flush time swings with whatever else runs; without it the growth of the journal's own work shows plainly.
    const work = await appendRates(path.join(root, 'append-nosync'), withoutFlushes(), 7);
    console.log(`journal work per operation after ${BUSY_DAY_OPS} operations: ${work.ratio.toFixed(2)}× the first  ${versus('≤ 1.2×', work.ratio <= 1.2)}`);
    await startTimes(path.join(root, 'append-nosync'), path.join(root, 'empty'));
    await checkoutSyncs(path.join(root, 'checkout'));
    await openTimes(path.join(root, 'years'));
    await busyDay(path.join(root, 'day'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
