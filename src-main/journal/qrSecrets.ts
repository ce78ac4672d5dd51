import path from 'node:path';
import { z } from 'zod/mini';
import { codedError, type AppError } from '../../src-shared/errors';
import { localDay } from '../../src-shared/journal/localTime';
import { OPERATION_ID_PATTERN } from '../../src-shared/journal/schemas';
import type { OperationId } from '../../src-shared/journal/types';
import { parseJsonAs } from '../../src-shared/parseJson';
import type { AppendFile, JournalFs } from './fsPort';

/** The vendor's rule: a customer's QR code is valid for one day. */
export const QR_VALIDITY_MS = 24 * 60 * 60 * 1000;

export interface QrCredentials {
  client: number;
  secret: number;
}

export interface QrEntry extends QrCredentials {
  /** Epoch ms after which the QR code no longer works. */
  expiresAt: number;
}

interface QrSecretEntry extends QrEntry {
  id: OperationId;
}

const entrySchema = z.object({
  id: z.string().check(z.regex(OPERATION_ID_PATTERN)),
  client: z.int(),
  secret: z.int(),
  expiresAt: z.int(),
});

/** The whole file the first release wrote, `qr-secrets.json`. */
const wholeFileSchema = z.object({ v: z.literal(1), entries: z.array(entrySchema) });

/** One file per day of the operations' ids: `qr-secrets-20250314.jsonl`. */
const DAY_FILE = /^qr-secrets-(\d{8})\.jsonl$/;
/** The first release's one file for everything: read once at start and spread into day files. */
const EARLIER_FILE = 'qr-secrets.json';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function line(entry: QrSecretEntry): string {
  return `${JSON.stringify({ id: entry.id, client: entry.client, secret: entry.secret, expiresAt: entry.expiresAt })}\n`;
}

/** `20250314` from `20250314-102231-k1-3fa9c2`: the local day the operation's intent was written. */
function dayOfId(id: OperationId): string {
  return id.slice(0, 8);
}

/**
 * When every code kept for a day has expired: a day after its end. A code is scanned before its
 * intent is written, so none written that day outlives the next day.
 */
function dayExpiresAt(day: string): number {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + 1).getTime() + QR_VALIDITY_MS;
}

/**
 * The entries of a day file. A line cut short by a crash is no damage: it is the last one, or, once a
 * later run appended, the one before the blank line that run starts with.
 */
function parseDay(text: string): { entries: QrSecretEntry[]; damaged: boolean } {
  const rows = text.split('\n');
  const entries: QrSecretEntry[] = [];
  let damaged = false;
  rows.forEach((row, index) => {
    if (row === '') return;
    const entry = parseJsonAs(entrySchema, row);
    if (entry !== null) entries.push(entry);
    else if (index < rows.length - 1 && rows[index + 1] !== '') damaged = true;
  });
  return { entries, damaged };
}

interface OpenDay {
  file: AppendFile;
  size: number;
  /** The file held lines before this run: its first append ends any torn line and adds a blank one. */
  breakFirst: boolean;
}

/**
 * The QR secrets of the last day's operations, for corrections, in small files beside the journal.
 * Why not in the journal: the monthly files are append-only and kept for years, so a secret written
 * there could only be forgotten by rewriting history. Each secret is one line appended to the file
 * of its operation's day, so an operation costs the same at the end of a busy day as at its start,
 * nothing is read at start, and a day whose codes have all expired is removed whole, by its name.
 * A day is read only when a correction asks for one of its secrets. Appends are not flushed one by
 * one: the journal flushes them after the answer (`sync`). Losing a line loses no money: a
 * correction then asks the customer for a fresh code.
 */
export class QrSecretStore {
  /** Days read from disk, kept up to date by `put` from then on. */
  private readonly days = new Map<string, Map<OperationId, QrSecretEntry>>();
  private readonly open = new Map<string, OpenDay>();
  private readonly unsynced = new Set<string>();
  /** The local day expired files were last removed on. */
  private tidiedOn: string | null = null;

  constructor(
    private readonly fs: JournalFs,
    private readonly dir: string,
    private readonly now: () => number,
    /** Told once per day file when it holds damaged lines. */
    private readonly report: (problem: AppError) => void,
  ) {}

  /**
   * At start, by the folder's file names alone: removes the days whose codes have all expired and
   * spreads the first release's file into day files. Never throws: a file that cannot be read or
   * taken over counts as damaged (a correction then asks for a fresh code) and the rest goes on.
   */
  async tidy(names: readonly string[]): Promise<AppError | null> {
    const whole = names.includes(EARLIER_FILE) ? await this.takeOver().catch(() => false) : true;
    await this.removeExpired(names);
    return whole ? null : lostSecrets();
  }

  async get(id: OperationId): Promise<QrCredentials | null> {
    const entry = await this.live(id);
    return entry ? { client: entry.client, secret: entry.secret } : null;
  }

  /** The QR stored for an operation with its validity end, or null when none is stored or it expired. */
  async entry(id: OperationId): Promise<QrEntry | null> {
    const entry = await this.live(id);
    return entry ? { client: entry.client, secret: entry.secret, expiresAt: entry.expiresAt } : null;
  }

  /**
   * Appends the secret (written, not yet flushed). Throws the file system's error: the caller decides
   * whether the operation may still go out. A failed write is cut back, so no half line stays behind.
   */
  async put(id: OperationId, qr: QrCredentials, expiresAt: number): Promise<void> {
    // An expired code is not worth keeping; the id is new, so nothing of it is held to forget.
    if (expiresAt <= this.now()) return;
    const day = dayOfId(id);
    const entry: QrSecretEntry = { id, client: qr.client, secret: qr.secret, expiresAt };
    await this.append(day, line(entry));
    this.days.get(day)?.set(id, entry);
  }

  /** Flushes the appended secrets, and on a new day removes the expired ones; called after the answer. */
  async sync(): Promise<void> {
    await this.flush();
    if (this.tidiedOn !== this.today()) await this.removeExpired(await this.fs.readdir(this.dir));
  }

  async close(): Promise<void> {
    const days = [...this.open];
    this.open.clear();
    for (const [day, { file }] of days) {
      try {
        if (this.unsynced.delete(day)) await file.datasync();
      } finally {
        await file.close();
      }
    }
  }

  private async flush(): Promise<void> {
    for (const day of [...this.unsynced]) {
      await this.open.get(day)?.file.datasync();
      this.unsynced.delete(day);
    }
  }

  private async live(id: OperationId): Promise<QrSecretEntry | null> {
    if (!OPERATION_ID_PATTERN.test(id)) return null;
    const entry = (await this.day(dayOfId(id))).get(id);
    return entry && entry.expiresAt > this.now() ? entry : null;
  }

  private async day(day: string): Promise<Map<OperationId, QrSecretEntry>> {
    const held = this.days.get(day);
    if (held) return held;
    let text = '';
    try {
      const bytes = await this.fs.readFile(this.file(day));
      if (bytes !== null) text = decoder.decode(bytes);
    } catch {
      // Not kept: the next correction reads the file again.
      return new Map();
    }
    const { entries, damaged } = parseDay(text);
    if (damaged) this.report(lostSecrets());
    const read = new Map(entries.map((entry) => [entry.id, entry]));
    this.days.set(day, read);
    return read;
  }

  private async append(day: string, text: string): Promise<void> {
    const open = await this.openDay(day);
    const data = encoder.encode(open.breakFirst ? `\n\n${text}` : text);
    try {
      await open.file.write(data);
      open.size += data.length;
      open.breakFirst = false;
    } catch (error) {
      this.open.delete(day);
      this.unsynced.delete(day);
      await open.file.truncate(open.size).catch(() => undefined);
      await open.file.close().catch(() => undefined);
      throw error;
    }
    this.unsynced.add(day);
  }

  private async openDay(day: string): Promise<OpenDay> {
    const held = this.open.get(day);
    if (held) return held;
    const file = await this.fs.openAppend(this.file(day));
    try {
      const size = await file.size();
      const opened = { file, size, breakFirst: size > 0 };
      this.open.set(day, opened);
      return opened;
    } catch (error) {
      await file.close().catch(() => undefined);
      throw error;
    }
  }

  /** Reads the first release's file once, appends its live entries to their day files, then removes it; false when damaged. */
  private async takeOver(): Promise<boolean> {
    const file = path.join(this.dir, EARLIER_FILE);
    const bytes = await this.fs.readFile(file);
    if (bytes === null) return true;
    const parsed = parseJsonAs(wholeFileSchema, decoder.decode(bytes));
    for (const entry of parsed?.entries ?? []) if (entry.expiresAt > this.now()) await this.append(dayOfId(entry.id), line(entry));
    await this.flush();
    await this.fs.remove(file);
    return parsed !== null;
  }

  private async removeExpired(names: readonly string[]): Promise<void> {
    const now = this.now();
    for (const name of names) {
      const day = DAY_FILE.exec(name)?.[1];
      if (day === undefined || dayExpiresAt(day) > now) continue;
      const open = this.open.get(day);
      if (open) {
        this.open.delete(day);
        this.unsynced.delete(day);
        await open.file.close().catch(() => undefined);
      }
      this.days.delete(day);
      // A file that will not go now holds only dead codes: the next day's tidy tries again.
      await this.fs.remove(path.join(this.dir, name)).catch(() => undefined);
    }
    this.tidiedOn = this.today();
  }

  private today(): string {
    return localDay(this.now()).replaceAll('-', '');
  }

  private file(day: string): string {
    return path.join(this.dir, `qr-secrets-${day}.jsonl`);
  }
}

function lostSecrets(): AppError {
  return codedError('journal', 'journal.qrSecretsLost');
}
