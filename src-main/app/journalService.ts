import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { codedError } from '../../src-shared/errors';
import { QR_EXPIRED_CODE } from '../../src-shared/journal/errorCodes';
import type { AppError, Result } from '../../src-shared/errors';
import type { BlockedOperation } from '../../src-shared/ipc/views';
import { localIso } from '../../src-shared/journal/localTime';
import type { JournalFilter } from '../../src-shared/journal/schemas';
import type { ExportProgress, ExportReply, JournalDay, OperationId, OperationView, RecheckReply, ReversalReply } from '../../src-shared/journal/types';
import type { OperationKind } from '../../src-shared/skidkabot/types';
import { loadDay } from '../journal/dayReport';
import { exportJournalCsv } from '../journal/exportCsv';
import type { JournalFs } from '../journal/fsPort';
import { Journal, JOURNAL_DIR } from '../journal/journal';
import { OperationRunner } from '../journal/operationRunner';
import type { OperationClient } from '../journal/operationRunner';
import type { QrCredentials } from '../journal/qrSecrets';
import { lockNotWritten } from '../journal/journalErrors';
import { holderParams, WriterLock } from '../journal/writerLock';
import { pressThrough } from './tillOperations';
import type { CheckoutOperations, PressRequest, PressResult } from './tillOperations';

/** What the journal needs of the shop: the client to send with, and the numbers every record carries. */
export interface JournalShop {
  client(): Result<OperationClient>;
  shopCode(): number | null;
  kassa(): number;
}

export interface JournalServiceOptions {
  dataDir: string;
  shop: JournalShop;
  now: () => number;
  /** Demo mode: a throwaway journal in a temp folder, never the shop's own. */
  demo?: boolean;
  /** The disk as the journal sees it; the fault suite hands in one that fails on demand. */
  fs?: JournalFs;
  /** After every record written, so the manager's screen and the unresolved count follow. */
  onChange?: () => void;
  /** The QR of the customer just scanned at the till: a fresh code for a correction whose own has expired. */
  scannedQr?: () => QrCredentials | null;
  /** Each operation sent from this till (screen, API, manager), with how it ended. */
  onOperation?: (view: OperationView) => void;
}

/**
 * Where an export goes: the save dialog in the app, a folder in tests. Gets the suggested file name;
 * null means the manager cancelled.
 */
export type ExportTarget = (suggestedName: string) => Promise<string | null>;

/** The journal's own problems that AppState shows: the unresolved count has its own line, so it is left out. */
function shownProblems(problems: readonly AppError[]): AppError[] {
  return problems.filter((problem) => problem.kind !== 'outcome-unknown');
}

/**
 * The app's journal: opened at start under the writer lock, the runner every accrual and redemption
 * goes through, and the manager's journal tools. When the lock is held by another process (a CLI
 * command), the journal is read-only and nothing is sent until the lock is free again.
 */
export class JournalService implements CheckoutOperations {
  private journal: Journal;
  private lock: WriterLock | null;
  private lockProblem: AppError | null;
  private demoDir: string | null;
  private cached: { client: OperationClient; shop: number; kassa: number; journal: Journal; runner: OperationRunner } | null = null;
  /** One reopen at a time when the lock comes free. */
  private reopening: Promise<void> | null = null;
  /** One customer's operations one after another, whether pressed on screen or sent through the API. */
  private readonly customerQueues = new Map<number, Promise<unknown>>();

  private constructor(
    private readonly options: JournalServiceOptions,
    state: { journal: Journal; lock: WriterLock | null; lockProblem: AppError | null; demoDir: string | null },
  ) {
    this.journal = state.journal;
    this.lock = state.lock;
    this.lockProblem = state.lockProblem;
    this.demoDir = state.demoDir;
  }

  /** Never fails: what goes wrong is in `problems()`, and operations are refused until it is fixed. */
  static async open(options: JournalServiceOptions): Promise<JournalService> {
    if (options.demo) return new JournalService(options, await openDemo(options));
    return new JournalService(options, await openReal(options));
  }

  /** This process holds the writer lock (or works on a demo journal): operations can be sent. */
  get writer(): boolean {
    return this.lock !== null || this.demo;
  }

  get demo(): boolean {
    return this.demoDir !== null;
  }

  /** Demo mode chosen at first run: the shop's journal is closed and its lock freed. */
  async useDemo(): Promise<void> {
    if (this.demo) return;
    const demo = await openDemo(this.options);
    await this.closeJournal();
    this.journal = demo.journal;
    this.lock = null;
    this.lockProblem = null;
    this.demoDir = demo.demoDir;
    this.cached = null;
  }

  problems(): AppError[] {
    const found = shownProblems(this.journal.problems);
    return this.lockProblem ? [...found, this.lockProblem] : found;
  }

  unresolvedCount(): number {
    return this.journal.unresolved().length;
  }

  blockedFor(client: number): BlockedOperation[] {
    const kinds: OperationKind[] = ['redeem', 'accrue'];
    return kinds.flatMap((kind) => {
      const view = this.journal.isBlocked(client, kind);
      return view ? [{ kind, bonuses: view.bonuses, at: view.at }] : [];
    });
  }

  press(request: PressRequest): Promise<PressResult> {
    return this.forCustomer(request.qr.client, async () => {
      const runner = await this.runner();
      if (!runner.ok) return { status: 'not-sent', error: runner.error };
      try {
        return await pressThrough(runner.value, request);
      } finally {
        this.options.onChange?.();
      }
    });
  }

  /**
   * The runner for the local API, in the same queue as the screen's presses: the double-press check
   * of one always sees the other's intent, so the two ask or block exactly as two presses do.
   */
  withRunner<T>(client: number, work: (runner: OperationRunner) => Promise<T>): Promise<Result<T>> {
    return this.forCustomer(client, async () => {
      const runner = await this.runner();
      if (!runner.ok) return runner;
      try {
        return { ok: true, value: await work(runner.value) };
      } finally {
        this.options.onChange?.();
      }
    });
  }

  private forCustomer<T>(client: number, task: () => Promise<T>): Promise<T> {
    const previous = this.customerQueues.get(client) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.customerQueues.set(client, settled);
    void settled.then(() => {
      if (this.customerQueues.get(client) === settled) this.customerQueues.delete(client);
    });
    return run;
  }

  /**
   * A correction in its customer's queue: the reversal or re-check never overlaps a press for the same
   * customer, whose balance before would otherwise judge an unknown outcome wrongly. An id the journal
   * does not know goes straight to the runner, which says so.
   */
  private async forOperation<T>(id: OperationId, task: () => Promise<T>): Promise<T> {
    const original = await this.journal.get(id);
    const client = original.ok ? original.value?.client : undefined;
    return client === undefined ? task() : this.forCustomer(client, task);
  }

  list(filter: JournalFilter): Promise<Result<OperationView[]>> {
    return this.journal.list(filter);
  }

  async day(day: string, kassa: number | null): Promise<Result<JournalDay>> {
    const loaded = await loadDay(this.journal, day, kassa);
    return loaded.ok ? { ok: true, value: { report: loaded.value.report, hours: loaded.value.hours } } : loaded;
  }

  unresolved(): OperationView[] {
    return this.journal.unresolved();
  }

  async recheck(id: OperationId, reason: string, useScannedQr = false): Promise<Result<RecheckReply>> {
    const fresh = this.freshQr(useScannedQr);
    if (!fresh.ok) return fresh;
    const checked = await this.forOperation(id, async () => {
      const runner = await this.runner();
      return runner.ok ? runner.value.recheck(id, reason, fresh.value) : runner;
    });
    this.options.onChange?.();
    if (!checked.ok) return checked;
    return { ok: true, value: { verdict: checked.value.verdict, balance: checked.value.balance, operation: checked.value.view } };
  }

  /** The manager's own verdict: needs no server and no shop secret, only a journal that can be written. */
  async resolve(id: OperationId, action: 'applied' | 'not-applied', reason: string): Promise<Result<OperationView>> {
    const journal = await this.writable();
    if (!journal.ok) return journal;
    const written = await journal.value.recordResolution(id, { action, reason, by: 'manager' });
    this.options.onChange?.();
    if (!written.ok) return written;
    const view = await journal.value.get(id);
    if (!view.ok) return view;
    return view.value ? { ok: true, value: view.value } : { ok: false, error: codedError('input', 'journal.notFound') };
  }

  async reverse(id: OperationId, reason: string, useScannedQr = false): Promise<Result<ReversalReply>> {
    const fresh = this.freshQr(useScannedQr);
    if (!fresh.ok) return fresh;
    const result = await this.forOperation(id, async () => {
      const runner = await this.runner();
      return runner.ok ? runner.value.reverse(id, reason, fresh.value) : ({ status: 'not-sent', error: runner.error } as const);
    });
    this.options.onChange?.();
    if (result.status === 'not-sent') return { ok: false, error: result.error };
    if (result.status === 'needs-confirmation') return { ok: false, error: result.question };
    const { outcome } = result;
    if (outcome.status === 'refused' || outcome.status === 'not-applied') return { ok: false, error: outcome.error };
    const [reversal, original] = await Promise.all([this.journal.get(result.id), this.journal.get(id)]);
    return {
      ok: true,
      value: {
        outcome: outcome.status,
        reversal: reversal.ok ? reversal.value : null,
        original: original.ok ? original.value : null,
      },
    };
  }

  /** The day's operations (as filtered on screen) as CSV, written where `target` says. */
  async exportDay(
    filter: JournalFilter & { day: string },
    target: ExportTarget,
    onProgress: (progress: ExportProgress) => void,
  ): Promise<Result<ExportReply>> {
    const listed = await this.journal.list(filter);
    if (!listed.ok) return listed;
    const file = await target(exportFileName(filter, this.options.now()));
    if (file === null) return { ok: true, value: { file: null, rows: 0 } };
    const written = await exportJournalCsv(listed.value, file, { onProgress });
    return written.ok ? { ok: true, value: written.value } : written;
  }

  async close(): Promise<void> {
    await this.closeJournal();
    this.cached = null;
  }

  private async closeJournal(): Promise<void> {
    await this.journal.close();
    await this.lock?.release();
    if (this.demoDir) await rm(this.demoDir, { recursive: true, force: true });
  }

  /** The code the till scanned last (already decoded and checked for the shop there), when asked for. */
  private freshQr(useScannedQr: boolean): Result<QrCredentials | undefined> {
    if (!useScannedQr) return { ok: true, value: undefined };
    const scanned = this.options.scannedQr?.() ?? null;
    if (scanned) return { ok: true, value: scanned };
    return {
      ok: false,
      error: codedError('input', 'journal.freshQrMissing', undefined, QR_EXPIRED_CODE),
    };
  }

  /** The journal, writable: when another process held the lock at start, it is asked for again now. */
  private async writable(): Promise<Result<Journal>> {
    if (this.lock !== null || this.demo) return { ok: true, value: this.journal };
    this.reopening ??= this.reopenIfFree().finally(() => {
      this.reopening = null;
    });
    await this.reopening;
    if (this.writer) return { ok: true, value: this.journal };
    return { ok: false, error: this.lockProblem ?? codedError('journal', 'journal.readOnlyRestart') };
  }

  private async reopenIfFree(): Promise<void> {
    const reopened = await openReal(this.options);
    if (reopened.lock === null) {
      await reopened.journal.close();
      this.lockProblem = reopened.lockProblem;
      return;
    }
    await this.journal.close();
    this.journal = reopened.journal;
    this.lock = reopened.lock;
    this.lockProblem = null;
    this.options.onChange?.();
  }

  private async tellSent(journal: Journal, id: OperationId): Promise<void> {
    if (!this.options.onOperation) return;
    const view = await journal.get(id);
    if (view.ok && view.value) this.options.onOperation(view.value);
  }

  /** Rebuilt whenever the client (server, shop, secret), the shop code or the register changes. */
  private async runner(): Promise<Result<OperationRunner>> {
    const journal = await this.writable();
    if (!journal.ok) return journal;
    const client = this.options.shop.client();
    if (!client.ok) return client;
    const shop = this.options.shop.shopCode();
    if (shop === null) return { ok: false, error: codedError('config', 'config.noShopCode') };
    const kassa = this.options.shop.kassa();
    const held = this.cached;
    if (held && held.client === client.value && held.shop === shop && held.kassa === kassa && held.journal === journal.value) {
      return { ok: true, value: held.runner };
    }
    const written = journal.value;
    const runner = new OperationRunner({
      journal: written,
      client: client.value,
      shop,
      kassa,
      onSent: (id) => this.tellSent(written, id),
    });
    this.cached = { client: client.value, shop, kassa, journal: journal.value, runner };
    return { ok: true, value: runner };
  }
}

interface Opened {
  journal: Journal;
  lock: WriterLock | null;
  lockProblem: AppError | null;
  demoDir: string | null;
}

async function openReal(options: JournalServiceOptions): Promise<Opened> {
  const dir = path.join(options.dataDir, JOURNAL_DIR);
  const journalOptions = { now: options.now, ...(options.fs ? { fs: options.fs } : {}) };
  let lockProblem: AppError | null = null;
  try {
    const acquired = await WriterLock.acquire(dir, 'app');
    if (acquired.ok) {
      const { journal } = await Journal.open(options.dataDir, journalOptions);
      return { journal, lock: acquired.lock, lockProblem: null, demoDir: null };
    }
    lockProblem = codedError('journal', 'journal.heldByOther', holderParams(acquired.holder));
  } catch (error) {
    lockProblem = lockNotWritten(dir, error, 'operations');
  }
  // Read-only until the lock is ours: the manager still sees the journal, nothing is written or sent.
  const { journal } = await Journal.open(options.dataDir, { ...journalOptions, readOnly: true });
  return { journal, lock: null, lockProblem, demoDir: null };
}

async function openDemo(options: JournalServiceOptions): Promise<Opened> {
  const demoDir = await mkdtemp(path.join(os.tmpdir(), 'skidkabot-demo-journal-'));
  const { journal } = await Journal.open(demoDir, { now: options.now });
  return { journal, lock: null, lockProblem: null, demoDir };
}

/** `журнал-2025-03-14-касса-2.csv`, or with the time when exported again later the same day. */
function exportFileName(filter: JournalFilter & { day: string }, now: number): string {
  const parts = [`журнал-${filter.day}`];
  if (filter.kassa !== undefined) parts.push(`касса-${filter.kassa}`);
  if (filter.client !== undefined) parts.push(`покупатель-${filter.client}`);
  if (filter.kind !== undefined) parts.push(filter.kind === 'accrue' ? 'начисления' : 'списания');
  parts.push(`выгружен-${localIso(now).slice(0, 16).replace('T', '-').replace(':', '')}`);
  return `${parts.join('-')}.csv`;
}

/** The default target outside Electron: a folder, created when needed. */
export function folderTarget(dir: string): ExportTarget {
  return async (name) => {
    await mkdir(dir, { recursive: true });
    return path.join(dir, name);
  };
}
