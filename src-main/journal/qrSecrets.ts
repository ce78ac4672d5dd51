import { z } from 'zod';
import { codedError, type AppError } from '../../src-shared/errors';
import { OPERATION_ID_PATTERN } from '../../src-shared/journal/schemas';
import type { OperationId } from '../../src-shared/journal/types';
import { parseJsonAs } from '../../src-shared/parseJson';
import type { JournalFs } from './fsPort';

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

const fileSchema = z.object({
  v: z.literal(1),
  entries: z.array(
    z.object({
      id: z.string().regex(OPERATION_ID_PATTERN),
      client: z.number().int().safe(),
      secret: z.number().int().safe(),
      expiresAt: z.number().int().safe(),
    }),
  ),
});

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The QR secrets of the last day's operations, for corrections, in their own small file beside the
 * journal. Why not in the journal: the monthly files are append-only and kept for years, so a secret
 * written there could only be forgotten by rewriting history. This file is rewritten whole
 * (atomically) on every change and drops each secret when its QR code expires, so a secret stays on
 * disk exactly as long as it can be used. Losing the file loses no money: a correction then asks the
 * customer for a fresh code.
 */
export class QrSecretStore {
  private entries: QrSecretEntry[];

  private constructor(
    private readonly fs: JournalFs,
    private readonly file: string,
    private readonly now: () => number,
    entries: QrSecretEntry[],
  ) {
    this.entries = entries;
  }

  /** Never fails: an unreadable file is reported and treated as empty. */
  static async load(fs: JournalFs, file: string, now: () => number): Promise<{ store: QrSecretStore; problem: AppError | null }> {
    let bytes: Uint8Array | null;
    try {
      bytes = await fs.readFile(file);
    } catch {
      return { store: new QrSecretStore(fs, file, now, []), problem: lostSecrets() };
    }
    if (bytes === null) return { store: new QrSecretStore(fs, file, now, []), problem: null };
    const parsed = parseJsonAs(fileSchema, decoder.decode(bytes));
    if (parsed === null) return { store: new QrSecretStore(fs, file, now, []), problem: lostSecrets() };
    return { store: new QrSecretStore(fs, file, now, parsed.entries), problem: null };
  }

  get(id: OperationId): QrCredentials | null {
    const entry = this.entries.find((candidate) => candidate.id === id);
    if (!entry || entry.expiresAt <= this.now()) return null;
    return { client: entry.client, secret: entry.secret };
  }

  /** Validity end of the QR stored for an operation, or null when none is stored or it expired. */
  expiresAt(id: OperationId): number | null {
    const entry = this.entries.find((candidate) => candidate.id === id);
    return entry && entry.expiresAt > this.now() ? entry.expiresAt : null;
  }

  /** Throws the file system's error: the caller decides whether the operation may still go out. */
  async put(id: OperationId, qr: QrCredentials, expiresAt: number): Promise<void> {
    const next = this.live().filter((entry) => entry.id !== id);
    if (expiresAt > this.now()) next.push({ id, client: qr.client, secret: qr.secret, expiresAt });
    await this.write(next);
  }

  /** Rewrites the file without expired entries, when there are any. */
  async prune(): Promise<void> {
    const live = this.live();
    if (live.length !== this.entries.length) await this.write(live);
  }

  private live(): QrSecretEntry[] {
    const now = this.now();
    return this.entries.filter((entry) => entry.expiresAt > now);
  }

  private async write(entries: QrSecretEntry[]): Promise<void> {
    await this.fs.writeFileAtomic(this.file, encoder.encode(`${JSON.stringify({ v: 1, entries })}\n`));
    this.entries = entries;
  }
}

function lostSecrets(): AppError {
  return codedError('journal', 'journal.qrSecretsLost');
}
