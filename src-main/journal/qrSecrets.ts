import path from 'node:path';
import { z } from 'zod/mini';
import { codedError, type AppError } from '../../src-shared/errors';
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

interface QrSecretEntry extends QrCredentials {
  id: OperationId;
  /** Epoch ms after which the QR code no longer works and the entry is dropped. */
  expiresAt: number;
}

const entrySchema = z.object({
  id: z.string().check(z.regex(OPERATION_ID_PATTERN)),
  client: z.int(),
  secret: z.int(),
  expiresAt: z.int(),
});

/** The whole-file format of earlier versions, read once and replaced by the line file. */
const legacySchema = z.object({ v: z.literal(1), entries: z.array(entrySchema) });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function line(entry: QrSecretEntry): string {
  return `${JSON.stringify({ id: entry.id, client: entry.client, secret: entry.secret, expiresAt: entry.expiresAt })}\n`;
}

/**
 * The QR secrets of the last day's operations, for corrections, in their own small file beside the
 * journal. Why not in the journal: the monthly files are append-only and kept for years, so a secret
 * written there could only be forgotten by rewriting history. Each secret is one appended line, so an
 * operation costs the same at the end of a busy day as at its start; expired lines are dropped when
 * the file is rewritten at start. Appends are not flushed one by one: the journal flushes the file
 * after the answer (`sync`). Losing a line loses no money: a correction then asks the customer for a
 * fresh code.
 */
export class QrSecretStore {
  private readonly entries: Map<OperationId, QrSecretEntry>;
  private handle: { file: AppendFile; size: number } | null = null;
  private unsynced = false;

  private constructor(
    private readonly fs: JournalFs,
    private readonly file: string,
    private readonly now: () => number,
    entries: QrSecretEntry[],
    /** The file on disk holds more than the live entries (expired, damaged, torn or legacy): rewrite at start. */
    private stale: boolean,
    private readonly legacyFile: string | null,
  ) {
    this.entries = new Map(entries.map((entry) => [entry.id, entry]));
  }

  /** Never fails: an unreadable file is reported and treated as empty. `legacyFile` is the earlier whole-file format. */
  static async load(
    fs: JournalFs,
    file: string,
    now: () => number,
    legacyFile: string | null = null,
  ): Promise<{ store: QrSecretStore; problem: AppError | null }> {
    let damaged = false;
    let stale = false;
    const entries: QrSecretEntry[] = [];
    let legacyFound: string | null = null;
    if (legacyFile !== null) {
      try {
        const bytes = await fs.readFile(legacyFile);
        if (bytes !== null) {
          legacyFound = legacyFile;
          stale = true;
          const parsed = parseJsonAs(legacySchema, decoder.decode(bytes));
          if (parsed === null) damaged = true;
          else entries.push(...(parsed.entries as QrSecretEntry[]));
        }
      } catch {
        damaged = true;
      }
    }
    let bytes: Uint8Array | null = null;
    try {
      bytes = await fs.readFile(file);
    } catch {
      damaged = true;
      stale = true;
    }
    if (bytes !== null) {
      const text = decoder.decode(bytes);
      const whole = text.lastIndexOf('\n') + 1;
      // A torn last line is the append a crash cut short: its operation was not sent.
      if (whole < text.length) stale = true;
      for (const row of text.slice(0, whole).split('\n')) {
        if (row === '') continue;
        const entry = parseJsonAs(entrySchema, row);
        if (entry === null) {
          damaged = true;
          stale = true;
        } else entries.push(entry as QrSecretEntry);
      }
    }
    const store = new QrSecretStore(fs, file, now, entries, stale, legacyFound);
    return { store, problem: damaged ? lostSecrets() : null };
  }

  get(id: OperationId): QrCredentials | null {
    const entry = this.entries.get(id);
    if (!entry || entry.expiresAt <= this.now()) return null;
    return { client: entry.client, secret: entry.secret };
  }

  /** Validity end of the QR stored for an operation, or null when none is stored or it expired. */
  expiresAt(id: OperationId): number | null {
    const entry = this.entries.get(id);
    return entry && entry.expiresAt > this.now() ? entry.expiresAt : null;
  }

  /**
   * Appends the secret (written, not yet flushed). Throws the file system's error: the caller decides
   * whether the operation may still go out. A failed write is cut back, so no half line stays behind.
   */
  async put(id: OperationId, qr: QrCredentials, expiresAt: number): Promise<void> {
    if (expiresAt <= this.now()) {
      this.entries.delete(id);
      return;
    }
    const entry: QrSecretEntry = { id, client: qr.client, secret: qr.secret, expiresAt };
    const data = encoder.encode(line(entry));
    const open = await this.open();
    try {
      await open.file.write(data);
      open.size += data.length;
    } catch (error) {
      this.handle = null;
      await open.file.truncate(open.size).catch(() => undefined);
      await open.file.close().catch(() => undefined);
      throw error;
    }
    this.unsynced = true;
    this.entries.set(id, entry);
  }

  /** Flushes the appended secrets; called after the answer, off the path between requests. */
  async sync(): Promise<void> {
    if (!this.unsynced || this.handle === null) return;
    await this.handle.file.datasync();
    this.unsynced = false;
  }

  /** At start: rewrites the file with the live entries only, when it holds anything else. */
  async prune(): Promise<void> {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(id);
        this.stale = true;
      }
    }
    if (!this.stale) return;
    await this.close();
    const text = [...this.entries.values()].map(line).join('');
    await this.fs.writeFileAtomic(this.file, encoder.encode(text));
    if (this.legacyFile !== null) await this.fs.remove(this.legacyFile);
    this.stale = false;
  }

  async close(): Promise<void> {
    const open = this.handle;
    if (open === null) return;
    this.handle = null;
    try {
      if (this.unsynced) await open.file.datasync();
      this.unsynced = false;
    } finally {
      await open.file.close();
    }
  }

  private async open(): Promise<{ file: AppendFile; size: number }> {
    if (this.handle) return this.handle;
    const file = await this.fs.openAppend(this.file);
    try {
      const opened = { file, size: await file.size() };
      this.handle = opened;
      return opened;
    } catch (error) {
      await file.close().catch(() => undefined);
      throw error;
    }
  }
}

/** The secrets file's name beside the journal, and the earlier one it replaces. */
export function qrSecretFiles(dir: string): { file: string; legacy: string } {
  return { file: path.join(dir, 'qr-secrets.jsonl'), legacy: path.join(dir, 'qr-secrets.json') };
}

function lostSecrets(): AppError {
  return codedError('journal', 'journal.qrSecretsLost');
}
