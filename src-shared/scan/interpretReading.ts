import { codedError, type AppError } from '../errors';
import { translate } from '../messages/messages';
import type { ScanPayload } from './payload';

/**
 * What one reading of a scan says. A rejection carries how far the reading got (`depth`), so that
 * when no reading works the cashier sees the most telling reason, e.g. "another service's QR"
 * rather than "not JSON" for a garbled text whose repaired reading parsed.
 */
export type Interpretation =
  | { kind: 'payload'; payload: ScanPayload }
  | { kind: 'qr-error'; error: AppError }
  | { kind: 'rejected'; depth: Depth; error: AppError };

export const DEPTH = { unknown: 0, otherCode: 1, otherJson: 2, badField: 3 } as const;
export type Depth = (typeof DEPTH)[keyof typeof DEPTH];

export const SCAN_MESSAGES = {
  empty: translate('scan.empty'),
  tooLong: translate('scan.tooLong'),
  productBarcode: translate('scan.productBarcode'),
  markingCode: translate('scan.markingCode'),
  url: translate('scan.url'),
  unreadable: translate('scan.unreadable'),
  notAnObject: translate('scan.notAnObject'),
  noType: translate('scan.noType'),
  ambiguous: translate('scan.ambiguous'),
} as const;

export type ScanProblem = keyof typeof SCAN_MESSAGES;

export function scanError(problem: ScanProblem): AppError {
  return codedError('scan', `scan.${problem}`);
}

function otherTypeError(type: unknown): AppError {
  const shown = typeof type === 'string' ? type : JSON.stringify(type);
  return codedError('scan', 'scan.otherType', { type: shorten(shown) });
}

export function otherTypeMessage(type: unknown): string {
  return otherTypeError(type).message;
}

function qrErrorFromBot(code: number, text: string | undefined): AppError {
  return codedError('scan', 'scan.qrError', text === undefined ? { code } : { code, text: shorten(text, 200) }, code);
}

export function qrErrorMessage(code: number, text: string | undefined): string {
  return qrErrorFromBot(code, text).message;
}

type Field = keyof ScanPayload;
export type FieldProblem = 'missing' | 'notInteger' | 'negative' | 'tooLarge';

function fieldError(field: Field, problem: FieldProblem): AppError {
  return codedError('scan', 'scan.badField', { field, problem });
}

export function fieldMessage(field: Field, problem: FieldProblem): string {
  return fieldError(field, problem).message;
}

function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function isBlank(ch: string): boolean {
  const c = ch.charCodeAt(0);
  // Control characters too: scanners add STX/ETX/GS around data.
  return c <= 0x20 || c === 0x7f || c === 0xfeff || /\s/.test(ch);
}

/** Trims by hand: anchored `\s+$` regexes go quadratic on long runs of blanks. */
export function trimScan(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charAt(start))) start++;
  while (end > start && isBlank(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

// AIM symbology identifier a scanner may put before the data: `]` + code letter + modifier digit.
const AIM_PREFIX = /^\][A-Za-z][0-9]/;
const DIGITS_ONLY = /^[0-9]+$/;
// GS1 element strings of marking codes start with (01) GTIN, 14 digits, then (21) serial.
const GS1_MARKING = /^01[0-9]{14}21/;
const URL_START = /^(?:[a-z][a-z0-9+.-]{0,15}:\/\/|www\.)/i;

const reject = (depth: Depth, error: AppError): Interpretation => ({ kind: 'rejected', depth, error });

// Wrong readings of a JSON object mostly break right after `{`; spotting that spares a thrown exception.
const BROKEN_OBJECT_START = /^\{(?!\s*["}])/;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (BROKEN_OBJECT_START.test(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function checkField(record: Record<string, unknown>, field: Field): FieldProblem | number {
  const value = Object.hasOwn(record, field) ? record[field] : undefined;
  if (value === undefined || value === null) return 'missing';
  if (typeof value !== 'number') return 'notInteger';
  if (!Number.isFinite(value)) return 'tooLarge';
  if (!Number.isInteger(value)) return 'notInteger';
  if (value < 0) return 'negative';
  if (!Number.isSafeInteger(value)) return 'tooLarge';
  // JSON `-0` is zero, not a negative number.
  return value + 0;
}

function interpretObject(record: Record<string, unknown>): Interpretation {
  if (!Object.hasOwn(record, 'type')) {
    const code = record['code'];
    if (typeof code === 'number' && Number.isSafeInteger(code)) {
      const text = typeof record['text'] === 'string' ? record['text'] : undefined;
      return { kind: 'qr-error', error: qrErrorFromBot(code, text) };
    }
    return reject(DEPTH.otherJson, scanError('noType'));
  }
  if (record['type'] !== 'Skidkabot') return reject(DEPTH.otherJson, otherTypeError(record['type']));
  const payload: ScanPayload = { vendor: 0, client: 0, secret: 0 };
  for (const field of ['vendor', 'client', 'secret'] as const) {
    const checked = checkField(record, field);
    if (typeof checked !== 'number') return reject(DEPTH.badField, fieldError(field, checked));
    payload[field] = checked;
  }
  return { kind: 'payload', payload };
}

/** Reads one candidate text (already repaired for layout, not yet trimmed). */
export function interpretReading(reading: string): Interpretation {
  const text = trimScan(trimScan(reading).replace(AIM_PREFIX, ''));
  if (text === '') return reject(DEPTH.unknown, scanError('empty'));
  if (DIGITS_ONLY.test(text)) return reject(DEPTH.otherCode, scanError('productBarcode'));
  if (GS1_MARKING.test(text)) return reject(DEPTH.otherCode, scanError('markingCode'));
  if (URL_START.test(text)) return reject(DEPTH.otherCode, scanError('url'));
  const parsed = parseJson(text);
  if (!parsed.ok) return reject(DEPTH.unknown, scanError('unreadable'));
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject(DEPTH.otherCode, scanError('notAnObject'));
  }
  return interpretObject(value as Record<string, unknown>);
}
