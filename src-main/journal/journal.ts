import path from 'node:path';
import { z } from 'zod/mini';
import { isMessageKey } from '../../src-shared/messages/messages';
import { codedError, type AppError, type Result } from '../../src-shared/errors';
import { localIso, localMonth, monthOfIso } from '../../src-shared/journal/localTime';
import { outcomeDetails } from '../../src-shared/journal/outcomeDetails';
import {
  OPERATION_ID_PATTERN,
  journalFilterSchema,
  operationIdSchema,
  reasonSchema,
  resolutionInputSchema,
  type JournalFilter,
  type ResolutionInput,
} from '../../src-shared/journal/schemas';
import type {
  IntentRecord,
  JournalRecord,
  OperationId,
  OperationView,
  OutcomeDetails,
  OutcomeRecord,
} from '../../src-shared/journal/types';
import type { OperationKind, OperationOutcome } from '../../src-shared/skidkabot/types';
import { OperationFold, withReversalStatus } from './fold';
import { nodeJournalFs, type AppendFile, type JournalFs } from './fsPort';
import { blockingOperation, findDuplicate, DUPLICATE_WINDOW_MS, type OperationAttempt } from './guards';
import { intentNotWritten, journalReadFailed, recordNotWritten, UnreadableRecordError } from './journalErrors';
import { readMonthIndex, writeMonthIndex } from './monthIndex';
import { monthOfId, newOperationId } from './operationId';
import { QR_VALIDITY_MS, QrSecretStore, type QrCredentials, type QrEntry } from './qrSecrets';
import { decodeRecord, encodeRecord, operationFields, parseJournalBytes } from './recordCodec';

export const JOURNAL_DIR = 'journal';
const INDEX_FILE = 'open-months.json';
const MONTH_FILE = /^(\d{4}-\d{2})\.jsonl$/;
/** Months read for a query and kept, besides the ones the app always holds. */
const CACHED_MONTHS = 3;
/** An unfiltered listing stops here, so a query over years of files stays short. */
const DEFAULT_LIST_LIMIT = 1000;

export interface JournalOptions {
  now?: () => number;
  fs?: JournalFs;
  /** For the CLI and other readers: nothing is repaired, pruned or written. */
  readOnly?: boolean;
  /** Six hex digits for a new operation id. */
  random?: () => string;
}

/** What the till (or the manager's reversal) tells the journal before sending. Unknown keys are dropped. */
const intentInputSchema = z.object({
  ...operationFields,
  /** The QR's secret: kept in the sidecar while the code is valid, never in the journal. */
  qrSecret: z.int(),
  /** When the code was scanned; its one day of validity counts from here. Defaults to now. */
  qrSeenAt: z.optional(z.int()),
  checkoutId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  by: z._default(z.enum(['cashier', 'manager']), 'cashier'),
  reverses: z.optional(operationIdSchema),
  reason: z.optional(reasonSchema),
});

export type IntentInput = z.input<typeof intentInputSchema>;

interface MonthData {
  fold: OperationFold;
  /** Last use, for dropping months read only for a query. */
  touched: number;
}

function fail<T>(error: AppError): Result<T> {
  return { ok: false, error };
}

/** The schemas' own refusals carry their message key; anything else names the field, never a validator's English. */
function invalidInput(error: z.core.$ZodError, notRecorded = false): AppError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  if (notRecorded) return codedError('input', 'journal.notRecorded', { field });
  return issue !== undefined && isMessageKey(issue.message) ? codedError('input', issue.message) : codedError('input', 'journal.badField', { field });
}

function compareNewestFirst(a: OperationView, b: OperationView): number {
  return Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : -1);
}

function stampForFileName(ms: number): string {
  const at = localIso(ms);
  return `${at.slice(0, 10).replaceAll('-', '')}-${at.slice(11, 19).replaceAll(':', '')}-${at.slice(20, 23)}`;
}

/**
 * The operations journal: `<dataDir>/journal/YYYY-MM.jsonl`, one JSON record per line, append-only.
 * Every record of an operation goes into the file of the month its intent was written in, so one
 * month file tells the whole story of its operations and a query for a day reads one file. A call
 * resolves only after its line is on disk (fdatasync); any failure comes back as kind 'journal',
 * and for an intent that means: do not send.
 */
export class Journal {
  private readonly months = new Map<string, MonthData>();
  /** Months always held in memory: the current one and those with unresolved operations. */
  private readonly pinned = new Set<string>();
  /** The months listed in the index file as it is on disk now. */
  private indexed = new Set<string>();
  private readonly handles = new Map<string, { file: AppendFile; size: number }>();
  /**
   * Sizes at which this run saw a month file end with a whole line. The files only grow, and only
   * this writer cuts them back (to whole lines), so a file still of that size needs no second read.
   */
  private readonly wholeSizes = new Map<string, number>();
  /** Intents written by this run whose outcome is not written yet: being sent right now. */
  private readonly inFlight = new Set<OperationId>();
  private queue: Promise<unknown> = Promise.resolve();
  private dirReady = false;
  private touchCounter = 0;
  /** Lines appended per month by this run: a month read while one was appended is read again. */
  private readonly appended = new Map<string, number>();
  private readonly found: AppError[] = [];
  /** Months with lines written but not yet fdatasync'd: the next append's sync, or `flush`, covers them. */
  private readonly unsynced = new Set<string>();
  /** A failed append could not sync the deferred lines before it: `flush` must report them as not written. */
  private lostSync: { error: unknown } | null = null;
  private readonly qr: QrSecretStore;

  private constructor(
    readonly dir: string,
    private readonly fs: JournalFs,
    private readonly now: () => number,
    private readonly readOnly: boolean,
    private readonly random: (() => string) | undefined,
  ) {
    this.qr = new QrSecretStore(fs, dir, now, (problem) => this.found.push(problem));
  }

  /**
   * Never fails and never blocks the app from starting: damage is repaired where it is safe, kept
   * aside, and reported in `problems`. Reads only the current month and the months the index names.
   */
  static async open(dataDir: string, options: JournalOptions = {}): Promise<{ journal: Journal; problems: AppError[] }> {
    const fs = options.fs ?? nodeJournalFs;
    const now = options.now ?? Date.now;
    const readOnly = options.readOnly ?? false;
    const dir = path.join(dataDir, JOURNAL_DIR);
    const journal = new Journal(dir, fs, now, readOnly, options.random);
    const problems: AppError[] = [];

    if (!readOnly) {
      try {
        await fs.mkdir(dir);
        journal.dirReady = true;
      } catch (error) {
        problems.push(recordNotWritten('folder', error));
      }
    }
    let names: string[] = [];
    // After any failed read the index may only grow: a month it forgot would hide its open operations.
    let readFailed = false;
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      readFailed = true;
      problems.push(journalReadFailed(dir, error));
    }
    if (!readOnly) {
      await journal.removeStaleTemps(names);
      const qrProblem = await journal.qr.tidy(names);
      if (qrProblem) problems.push(qrProblem);
    }

    const existing = new Set(names.flatMap((name) => MONTH_FILE.exec(name)?.[1] ?? []));
    const index = await readMonthIndex(fs, path.join(dir, INDEX_FILE));
    // Without an index, every month is read once and the index is written anew.
    const toLoad = new Set(index ?? existing);
    toLoad.add(localMonth(now()));
    journal.indexed = new Set(index ?? []);
    for (const month of [...toLoad].sort()) {
      if (!existing.has(month)) continue;
      const data = await journal.loadMonth(month, !readOnly, problems);
      if (data) journal.months.set(month, data);
      else readFailed = true;
    }
    journal.repin();
    // Months read only because the index named them are not kept: nothing in them is open.
    for (const month of [...journal.months.keys()]) if (!journal.pinned.has(month)) journal.months.delete(month);

    if (!readOnly) {
      const open = journal.openMonths();
      if (readFailed) for (const month of journal.indexed) open.add(month);
      try {
        if (index === null || open.size !== journal.indexed.size || [...open].some((month) => !journal.indexed.has(month))) {
          await writeMonthIndex(fs, path.join(dir, INDEX_FILE), open);
          journal.indexed = open;
        }
      } catch (error) {
        problems.push(recordNotWritten('index', error));
      }
    }
    const unresolved = journal.unresolved().length;
    if (unresolved > 0) {
      problems.push(
        codedError('outcome-unknown', 'journal.unresolvedCount', { count: unresolved }),
      );
    }
    journal.found.push(...problems);
    return { journal, problems };
  }

  /** Everything found wrong so far: at open, and torn lines repaired later on. */
  get problems(): readonly AppError[] {
    return this.found;
  }

  /** Writes the intent (and keeps the QR secret aside); only an ok result allows sending. */
  recordIntent(input: IntentInput): Promise<Result<OperationId>> {
    const parsed = intentInputSchema.safeParse(input);
    if (!parsed.success) return Promise.resolve(fail(invalidInput(parsed.error, true)));
    const op = parsed.data;
    return this.serial(async () => {
      if (this.readOnly) return fail(this.readOnlyError());
      let reversal: { original: OperationId; reason: string } | null = null;
      if (op.reverses !== undefined) {
        if (op.reason === undefined) return fail(codedError('input', 'journal.reasonNeeded'));
        reversal = { original: op.reverses, reason: op.reason };
        const original = await this.viewOf(reversal.original);
        if (!original.ok) return original;
        if (original.value === null) return fail(codedError('input', 'journal.cancelTargetMissing'));
      }
      const nowMs = this.now();
      const at = localIso(nowMs);
      const id = this.uniqueId(at, op.kassa);
      try {
        // The secret first: if it cannot be kept, nothing is in the journal and nothing is sent.
        await this.qr.put(id, { client: op.client, secret: op.qrSecret }, (op.qrSeenAt ?? nowMs) + QR_VALIDITY_MS);
        if (reversal) {
          // The link goes before the reversal's intent: a link whose intent never got written reads
          // as a reversal that did not happen, while an intent without its link would hide it.
          await this.append({ v: 1, type: 'reversal', id: reversal.original, at, reversalId: id, reason: reversal.reason });
        }
        const intent: IntentRecord = {
          v: 1,
          type: 'intent',
          id,
          at,
          kassa: op.kassa,
          shop: op.shop,
          client: op.client,
          kind: op.kind,
          bonuses: op.bonuses,
          purchaseKopecks: op.purchaseKopecks,
          ...(op.balanceBefore === undefined ? {} : { balanceBefore: op.balanceBefore }),
          ...(op.checkoutId === undefined ? {} : { checkoutId: op.checkoutId }),
          by: op.by,
          ...(op.reverses === undefined ? {} : { reverses: op.reverses }),
          ...(op.reason === undefined ? {} : { reason: op.reason }),
        };
        await this.append(intent);
      } catch (error) {
        return fail(intentNotWritten(error));
      }
      this.inFlight.add(id);
      return { ok: true, value: id };
    });
  }

  /**
   * With `deferSync` the line is written but not flushed: the next record's fdatasync (the accrual's
   * intent, in the same file) or `flush` makes it durable, so a checkout pays one sync between its
   * requests. The caller must call `flush` before it reports the checkout as done.
   */
  recordOutcome(id: OperationId, outcome: OperationOutcome, options: { deferSync?: boolean } = {}): Promise<Result<void>> {
    return this.serial(async () => {
      this.inFlight.delete(id);
      if (this.readOnly) return fail(this.readOnlyError());
      const found = await this.viewOf(id);
      if (!found.ok) return found;
      if (found.value === null) return fail(codedError('internal', 'journal.outcomeTargetMissing', { id }));
      if (found.value.outcome !== null) return fail(codedError('internal', 'journal.outcomeAlreadyWritten', { id }));
      const record: OutcomeRecord = { v: 1, type: 'outcome', id, at: localIso(this.now()), ...recordedOutcome(outcome) };
      try {
        await this.append(record, options.deferSync !== true);
      } catch (error) {
        return fail(recordNotWritten('outcome', error));
      }
      // A secret lost to a power cut costs only a fresh code for a correction: it never fails the outcome.
      if (options.deferSync !== true) await this.qr.sync().catch(() => undefined);
      return { ok: true, value: undefined };
    });
  }

  /** The manager settles (or re-checks) an operation that is pending or unknown; the reason is kept. */
  recordResolution(id: OperationId, input: ResolutionInput): Promise<Result<void>> {
    const parsed = resolutionInputSchema.safeParse(input);
    if (!parsed.success) return Promise.resolve(fail(invalidInput(parsed.error)));
    const resolution = parsed.data;
    return this.serial(async () => {
      if (this.readOnly) return fail(this.readOnlyError());
      const found = await this.viewOf(id);
      if (!found.ok) return found;
      const view = found.value;
      if (view === null) return fail(codedError('input', 'journal.notFound'));
      if (this.inFlight.has(id)) return fail(codedError('input', 'journal.stillRunning'));
      if (!view.unresolved) return fail(codedError('input', 'journal.alreadyResolved'));
      try {
        await this.append({
          v: 1,
          type: 'resolution',
          id,
          at: localIso(this.now()),
          action: resolution.action,
          reason: resolution.reason,
          ...(resolution.balance === undefined ? {} : { balance: resolution.balance }),
          by: resolution.by,
        });
      } catch (error) {
        return fail(recordNotWritten('resolution', error));
      }
      return { ok: true, value: undefined };
    });
  }

  async list(filter: JournalFilter = {}): Promise<Result<OperationView[]>> {
    const parsed = journalFilterSchema.safeParse(filter);
    if (!parsed.success) return fail(invalidInput(parsed.error));
    const query = parsed.data;
    const limit = query.limit ?? (query.day || query.month ? Number.POSITIVE_INFINITY : DEFAULT_LIST_LIMIT);
    let months: string[];
    if (query.day) months = [query.day.slice(0, 7)];
    else if (query.month) months = [query.month];
    else {
      try {
        months = (await this.fs.readdir(this.dir)).flatMap((name) => MONTH_FILE.exec(name)?.[1] ?? []);
      } catch (error) {
        return fail(journalReadFailed(this.dir, error));
      }
      months.sort().reverse();
    }
    const result: OperationView[] = [];
    for (const month of months) {
      const data = await this.month(month);
      if (!data.ok) return data;
      const found = [...data.value.fold.views.values()].filter((view) => matches(view, query)).sort(compareNewestFirst);
      result.push(...found.slice(0, limit - result.length));
      if (result.length >= limit) break;
    }
    return { ok: true, value: await this.finish(result) };
  }

  /** Operations still waiting for the manager, oldest first; the ones being sent right now are not among them. */
  unresolved(): OperationView[] {
    const views = this.pinnedUnresolved().filter((view) => !this.inFlight.has(view.id));
    return views.sort((a, b) => -compareNewestFirst(a, b)).map((view) => structuredClone(view));
  }

  async get(id: OperationId): Promise<Result<OperationView | null>> {
    if (!operationIdSchema.safeParse(id).success) return fail(codedError('input', 'journal.badId'));
    const found = await this.viewOf(id);
    if (!found.ok || found.value === null) return found;
    const [view] = await this.finish([found.value]);
    return { ok: true, value: view ?? null };
  }

  /** Every operation of a customer from a moment on (a re-check must know what else moved the balance). */
  async clientOperationsSince(client: number, at: string): Promise<Result<OperationView[]>> {
    const from = monthOfIso(at);
    const to = localMonth(this.now());
    const result: OperationView[] = [];
    for (let month = from; month <= to; month = nextMonth(month)) {
      const data = await this.month(month);
      if (!data.ok) return data;
      for (const view of data.value.fold.views.values()) {
        if (view.client === client && Date.parse(view.at) >= Date.parse(at)) result.push(view);
      }
    }
    return { ok: true, value: await this.finish(result) };
  }

  /** The QR of an operation while it is still valid; null once it has expired (or was never kept). */
  qrFor(id: OperationId): Promise<QrCredentials | null> {
    return this.serial(() => this.qr.get(id));
  }

  /** The stored QR of an operation with its validity end, in one read; null once it has expired (or was never kept). */
  qrEntry(id: OperationId): Promise<QrEntry | null> {
    return this.serial(() => this.qr.entry(id));
  }

  /** The unresolved operation (or one being sent) that forbids repeating this kind for this customer. */
  isBlocked(client: number, kind: OperationKind): OperationView | null {
    const view = blockingOperation(this.pinnedUnresolved(), client, kind);
    return view ? structuredClone(view) : null;
  }

  /** The same operation made moments ago, which the cashier must confirm before it is sent again. */
  findDuplicate(attempt: OperationAttempt, windowMs = DUPLICATE_WINDOW_MS): OperationView | null {
    const view = findDuplicate(this.pinnedOf(attempt.client), attempt, this.now(), windowMs);
    return view ? structuredClone(view) : null;
  }

  /** Makes every line written with `deferSync` durable, and the QR secrets appended since the last flush. */
  flush(): Promise<Result<void>> {
    return this.serial(async () => {
      try {
        await this.syncWritten();
      } catch (error) {
        return fail(recordNotWritten('outcome', error));
      }
      await this.qr.sync().catch(() => undefined);
      return { ok: true, value: undefined };
    });
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      await this.syncWritten().catch(() => undefined);
      await this.qr.close().catch(() => undefined);
      for (const { file } of this.handles.values()) await file.close().catch(() => undefined);
      this.handles.clear();
    });
  }

  private async syncWritten(): Promise<void> {
    const lost = this.lostSync;
    this.lostSync = null;
    if (lost !== null) throw lost.error;
    for (const month of [...this.unsynced]) {
      const open = this.handles.get(month);
      if (open) await open.file.datasync();
      this.unsynced.delete(month);
    }
  }

  private readOnlyError(): AppError {
    return codedError('journal', 'journal.readOnly');
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private uniqueId(at: string, kassa: number): OperationId {
    const month = monthOfIso(at);
    for (;;) {
      const id = newOperationId(at, kassa, this.random);
      if (!this.months.get(month)?.fold.views.has(id)) return id;
    }
  }

  private pinnedUnresolved(): OperationView[] {
    this.repin();
    return [...this.pinned].flatMap((month) => [...(this.months.get(month)?.fold.unresolved ?? [])]);
  }

  private pinnedOf(client: number): OperationView[] {
    this.repin();
    return [...this.pinned].flatMap((month) => this.months.get(month)?.fold.byClient.get(client) ?? []);
  }

  private openMonths(): Set<string> {
    const open = new Set<string>();
    for (const [month, data] of this.months) if (data.fold.unresolved.size > 0) open.add(month);
    return open;
  }

  /** The current month and every held month with an open operation stay in memory. */
  private repin(): void {
    const current = localMonth(this.now());
    this.pinned.clear();
    this.pinned.add(current);
    for (const month of this.openMonths()) this.pinned.add(month);
    if (!this.months.has(current)) this.months.set(current, { fold: new OperationFold(), touched: 0 });
  }

  private file(month: string): string {
    return path.join(this.dir, `${month}.jsonl`);
  }

  private async removeStaleTemps(names: string[]): Promise<void> {
    for (const name of names) {
      if (name.startsWith('.') && name.endsWith('.tmp')) await this.fs.remove(path.join(this.dir, name)).catch(() => undefined);
    }
  }

  /** Reads and folds one month file; with `repair`, a torn last line is moved aside and cut off. */
  private async loadMonth(month: string, repair: boolean, problems: AppError[]): Promise<MonthData | null> {
    let bytes: Uint8Array | null;
    try {
      bytes = await this.fs.readFile(this.file(month));
    } catch (error) {
      problems.push(journalReadFailed(this.file(month), error));
      return null;
    }
    const parsed = parseJournalBytes(bytes ?? new Uint8Array());
    if (!parsed.tornTail) this.wholeSizes.set(month, parsed.cleanLength);
    else {
      if (repair) {
        try {
          problems.push(await this.keepTornTailAside(month, parsed.tornTail, parsed.cleanLength));
          this.wholeSizes.set(month, parsed.cleanLength);
        } catch (error) {
          problems.push(recordNotWritten('tornTail', error, month));
        }
      } else {
        problems.push(
          codedError('journal', 'journal.tornTailHidden', { month }),
        );
      }
    }
    const fold = new OperationFold().applyAll(parsed.records);
    if (parsed.badLines.length > 0) {
      const shown = parsed.badLines.slice(0, 5).join(', ');
      problems.push(
        codedError('journal', 'journal.badLines', { month, count: parsed.badLines.length, lines: `${shown}${parsed.badLines.length > 5 ? ', …' : ''}` }),
      );
    }
    if (fold.orphans > 0) {
      problems.push(codedError('journal', 'journal.orphans', { month, count: fold.orphans }));
    }
    return { fold, touched: ++this.touchCounter };
  }

  /**
   * The torn bytes go to their own file first, then the month file is cut back to its last whole
   * line. A crash between the two leaves the bytes in both places, never in neither. Returns the
   * report for the manager; throws the file system's error.
   */
  private async keepTornTailAside(month: string, tail: Uint8Array, cleanLength: number): Promise<AppError> {
    const name = `torn-${stampForFileName(this.now())}-${month}.txt`;
    await this.fs.writeFileAtomic(path.join(this.dir, name), tail);
    const handle = await this.fs.openAppend(this.file(month));
    try {
      await handle.truncate(cleanLength);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    return codedError('journal', 'journal.tornTailKept', { month, name });
  }

  /** A month's operations, from memory or read from its file (a month that does not exist is empty). */
  private async month(month: string): Promise<Result<MonthData>> {
    const held = this.months.get(month);
    if (held) {
      held.touched = ++this.touchCounter;
      return { ok: true, value: held };
    }
    let data: MonthData | null;
    let before: number | undefined;
    const problems: AppError[] = [];
    do {
      before = this.appended.get(month);
      data = await this.loadMonth(month, false, problems);
      if (!data) return fail(problems[0] ?? journalReadFailed(this.file(month), null));
    } while (this.appended.get(month) !== before);
    const raced = this.months.get(month);
    if (raced) return { ok: true, value: raced };
    this.months.set(month, data);
    this.evict();
    return { ok: true, value: data };
  }

  private evict(): void {
    const loose = [...this.months].filter(([month]) => !this.pinned.has(month)).sort((a, b) => a[1].touched - b[1].touched);
    for (const [month] of loose.slice(0, Math.max(0, loose.length - CACHED_MONTHS))) this.months.delete(month);
  }

  private async viewOf(id: OperationId): Promise<Result<OperationView | null>> {
    // The id names the file to read: anything but a well-formed id is simply not in the journal.
    if (!OPERATION_ID_PATTERN.test(id)) return { ok: true, value: null };
    const data = await this.month(monthOfId(id));
    if (!data.ok) return data;
    return { ok: true, value: data.value.fold.views.get(id) ?? null };
  }

  /** Copies for the caller, with each reversal link told its reversal's status. */
  private async finish(views: OperationView[]): Promise<OperationView[]> {
    const statuses = new Map<OperationId, OperationView['status'] | null>();
    for (const view of views) {
      for (const link of view.reversedBy) {
        if (statuses.has(link.id)) continue;
        const reversal = await this.viewOf(link.id);
        statuses.set(link.id, reversal.ok ? (reversal.value?.status ?? null) : null);
      }
    }
    return views.map((view) => structuredClone(withReversalStatus(view, (id) => statuses.get(id) ?? null)));
  }

  /**
   * Appends one record to the file of its operation's month and waits for fdatasync. On failure the
   * file is cut back to where it was, so a half-written line never stays behind.
   */
  private async append(record: JournalRecord, sync = true): Promise<void> {
    const month = monthOfId(record.id);
    if (!this.dirReady) {
      await this.fs.mkdir(this.dir);
      this.dirReady = true;
    }
    if (!this.indexed.has(month)) {
      await writeMonthIndex(this.fs, path.join(this.dir, INDEX_FILE), [...this.indexed, month]);
      this.indexed.add(month);
    }
    const line = encodeRecord(record);
    // A line the reader would skip turns a finished operation back into a pending one: never write it.
    if (decodeRecord(line) === null) throw new UnreadableRecordError();
    const open = await this.handleFor(month);
    const data = new TextEncoder().encode(line);
    try {
      await open.file.write(data);
      // One fdatasync covers every line written to the file before it, deferred ones included.
      if (sync) await open.file.datasync();
      open.size += data.length;
    } catch (error) {
      this.handles.delete(month);
      const hadDeferred = this.unsynced.delete(month);
      try {
        await open.file.truncate(open.size);
        await open.file.datasync();
      } catch (rollbackError) {
        if (hadDeferred) this.lostSync = { error: rollbackError };
        // The next append reopens the file and checks its tail again.
      }
      await open.file.close().catch(() => undefined);
      throw error;
    }
    if (sync) this.unsynced.delete(month);
    else this.unsynced.add(month);
    this.appended.set(month, (this.appended.get(month) ?? 0) + 1);
    const held = this.months.get(month);
    if (held) held.fold.apply(record);
  }

  private async handleFor(month: string): Promise<{ file: AppendFile; size: number }> {
    const existing = this.handles.get(month);
    if (existing) return existing;
    const file = await this.fs.openAppend(this.file(month));
    try {
      let size = await file.size();
      // Read again only a file that changed since it was seen whole: the first press after start
      // must not read the month the start has just read.
      if (size !== this.wholeSizes.get(month)) {
        const bytes = (await this.fs.readFile(this.file(month))) ?? new Uint8Array();
        const cleanLength = bytes.lastIndexOf(0x0a) + 1;
        if (cleanLength < bytes.length) {
          this.found.push(await this.keepTornTailAside(month, bytes.subarray(cleanLength), cleanLength));
          size = await file.size();
        }
      }
      // A new file's name must survive a power cut as well as its first line.
      if (size === 0) await this.fs.syncDir(this.dir);
      const opened = { file, size };
      this.handles.set(month, opened);
      return opened;
    } catch (error) {
      await file.close().catch(() => undefined);
      throw error;
    }
  }
}

function recordedOutcome(outcome: OperationOutcome): OutcomeDetails {
  const details = outcomeDetails(outcome);
  if (details.status !== 'applied' || details.balance === null || Number.isSafeInteger(details.balance)) return details;
  // The client only gives whole balances; a caller that does not is flagged rather than written unreadable.
  return { ...details, balance: null, anomaly: { code: 'balance-unreadable', reported: String(details.balance) } };
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const next = Number(month.slice(5, 7)) + 1;
  return next > 12 ? `${year + 1}-01` : `${year}-${String(next).padStart(2, '0')}`;
}

function matches(view: OperationView, filter: JournalFilter): boolean {
  if (filter.day !== undefined && !view.at.startsWith(filter.day)) return false;
  if (filter.kassa !== undefined && view.kassa !== filter.kassa) return false;
  if (filter.client !== undefined && view.client !== filter.client) return false;
  if (filter.kind !== undefined && view.kind !== filter.kind) return false;
  if (filter.status === 'unresolved') return view.unresolved;
  if (filter.status !== undefined && view.status !== filter.status) return false;
  return true;
}
