import { isMessageKey, type MessageKey } from '../../src-shared/messages/messages';
import { z } from 'zod/mini';
import { ERROR_KINDS } from '../../src-shared/errors';
import { OPERATION_ID_PATTERN } from '../../src-shared/journal/schemas';
import type { JournalRecord } from '../../src-shared/journal/types';
import { parseJsonAs } from '../../src-shared/parseJson';

/**
 * One record per line, JSON. Reading checks every line against these schemas, so a hand-edited or
 * damaged line is reported and skipped instead of becoming a wrong balance on the manager's screen.
 */

const id = z.string().check(z.regex(OPERATION_ID_PATTERN));
const at = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/));
const int = z.int();
const atLeast = (min: number) => z.int().check(z.minimum(min));
const appErrorSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  code: z.optional(int),
  message: z.string(),
  key: z.optional(z.custom<MessageKey>((value) => typeof value === 'string' && isMessageKey(value))),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
const base = { v: z.literal(1), id, at };
const anomaly = z.discriminatedUnion('code', [
  z.object({ code: z.literal('balance-unreadable'), reported: z.string(), expected: z.optional(z.number()) }),
  z.object({ code: z.literal('balance-mismatch'), reported: int, expected: z.number() }),
]);

/**
 * The operation an intent asks for, checked alike where the till hands it to the journal and where a
 * record is read back: a line the journal would never have accepted is not read as one either.
 */
export const operationFields = {
  kassa: atLeast(1),
  shop: atLeast(1),
  client: atLeast(0),
  kind: z.enum(['accrue', 'redeem']),
  bonuses: atLeast(1),
  purchaseKopecks: atLeast(0),
  balanceBefore: z.optional(int),
};

const intent = z.object({
  ...base,
  type: z.literal('intent'),
  ...operationFields,
  checkoutId: z.optional(z.string().check(z.maxLength(100))),
  by: z.enum(['cashier', 'manager']),
  reverses: z.optional(id),
  reason: z.optional(z.string()),
});

const outcome = z.discriminatedUnion('status', [
  z.object({ ...base, type: z.literal('outcome'), status: z.literal('applied'), balance: z.nullable(int), confirmedBy: z.enum(['answer', 'balance-check']), anomaly: z.optional(anomaly) }),
  z.object({ ...base, type: z.literal('outcome'), status: z.literal('refused'), error: appErrorSchema }),
  z.object({ ...base, type: z.literal('outcome'), status: z.literal('not-applied'), balance: int, error: appErrorSchema }),
  z.object({
    ...base,
    type: z.literal('outcome'),
    status: z.literal('unknown'),
    balanceBefore: int,
    balanceAfter: z.optional(int),
    error: appErrorSchema,
  }),
]);

const resolution = z.object({
  ...base,
  type: z.literal('resolution'),
  action: z.enum(['applied', 'not-applied', 'recheck']),
  reason: z.string(),
  balance: z.optional(int),
  by: z.literal('manager'),
});

const reversal = z.object({ ...base, type: z.literal('reversal'), reversalId: id, reason: z.string() });

const recordSchema = z.discriminatedUnion('type', [intent, outcome, resolution, reversal]);

export function encodeRecord(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export function decodeRecord(line: string): JournalRecord | null {
  return parseJsonAs(recordSchema, line);
}

export interface ParsedJournalText {
  records: JournalRecord[];
  /** 1-based numbers of complete lines that are not a valid record. */
  badLines: number[];
  /** Bytes after the last newline: a line cut short by a crash, or being written right now. */
  tornTail: Uint8Array | null;
  /** Length of the file up to and including its last newline. */
  cleanLength: number;
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

export function parseJournalBytes(bytes: Uint8Array): ParsedJournalText {
  const cleanLength = bytes.lastIndexOf(NEWLINE) + 1;
  const records: JournalRecord[] = [];
  const badLines: number[] = [];
  const lines = decoder.decode(bytes.subarray(0, cleanLength)).split('\n');
  // The text ends with a newline, so the last element is always the empty remainder.
  lines.pop();
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = decodeRecord(line);
    if (record) records.push(record);
    else badLines.push(index + 1);
  });
  return {
    records,
    badLines,
    tornTail: cleanLength < bytes.length ? bytes.subarray(cleanLength) : null,
    cleanLength,
  };
}
