import { appError, type AppError } from '../errors';
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

const RESCAN = 'Отсканируйте QR-код СкидкаБота в телефоне покупателя.';
const REISSUE = 'Попросите покупателя обновить QR-код в боте.';

export const SCAN_MESSAGES = {
  empty: `Сканер ничего не передал. ${RESCAN}`,
  tooLong: `Слишком длинный код: это не QR-код СкидкаБота. ${RESCAN}`,
  productBarcode: `Это штрихкод товара, а не QR-код СкидкаБота. ${RESCAN}`,
  markingCode: `Это код маркировки товара («Честный знак»), а не QR-код СкидкаБота. ${RESCAN}`,
  url: `Это ссылка, а не QR-код СкидкаБота. ${RESCAN}`,
  unreadable: `Не удалось прочитать QR-код СкидкаБота. ${RESCAN}`,
  notAnObject: `Это не QR-код СкидкаБота: внутри другие данные. ${RESCAN}`,
  noType: `Это не QR-код СкидкаБота: в нём нет отметки «Skidkabot». ${RESCAN}`,
  ambiguous:
    'Код читается двумя разными способами. Переключите раскладку на английскую (EN) и отсканируйте ещё раз.',
} as const;

export function otherTypeMessage(type: unknown): string {
  const shown = typeof type === 'string' ? type : JSON.stringify(type);
  return `Это QR-код другого сервиса («${shorten(shown)}»), а не СкидкаБота. ${RESCAN}`;
}

export function qrErrorMessage(code: number, text: string | undefined): string {
  const what = text === undefined ? `ошибку ${code}` : `ошибку: «${shorten(text, 200)}»`;
  return `Вместо QR-кода бот показал ${what}. ${REISSUE}`;
}

type Field = keyof ScanPayload;
const FIELD_LABELS: Record<Field, string> = {
  vendor: 'код магазина',
  client: 'номер покупателя',
  secret: 'проверочный код',
};
export const FIELD_PROBLEMS = {
  missing: 'отсутствует',
  notInteger: '— не целое число',
  negative: 'меньше нуля',
  tooLarge: '— слишком большое число',
} as const;
export type FieldProblem = keyof typeof FIELD_PROBLEMS;

export function fieldMessage(field: Field, problem: FieldProblem): string {
  return `QR-код испорчен: ${FIELD_LABELS[field]} (${field}) ${FIELD_PROBLEMS[problem]}. ${REISSUE}`;
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

const reject = (depth: Depth, message: string): Interpretation => ({
  kind: 'rejected',
  depth,
  error: appError('scan', message),
});

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
      return { kind: 'qr-error', error: appError('scan', qrErrorMessage(code, text), code) };
    }
    return reject(DEPTH.otherJson, SCAN_MESSAGES.noType);
  }
  if (record['type'] !== 'Skidkabot') return reject(DEPTH.otherJson, otherTypeMessage(record['type']));
  const payload: ScanPayload = { vendor: 0, client: 0, secret: 0 };
  for (const field of ['vendor', 'client', 'secret'] as const) {
    const checked = checkField(record, field);
    if (typeof checked !== 'number') return reject(DEPTH.badField, fieldMessage(field, checked));
    payload[field] = checked;
  }
  return { kind: 'payload', payload };
}

/** Reads one candidate text (already repaired for layout, not yet trimmed). */
export function interpretReading(reading: string): Interpretation {
  const text = trimScan(trimScan(reading).replace(AIM_PREFIX, ''));
  if (text === '') return reject(DEPTH.unknown, SCAN_MESSAGES.empty);
  if (DIGITS_ONLY.test(text)) return reject(DEPTH.otherCode, SCAN_MESSAGES.productBarcode);
  if (GS1_MARKING.test(text)) return reject(DEPTH.otherCode, SCAN_MESSAGES.markingCode);
  if (URL_START.test(text)) return reject(DEPTH.otherCode, SCAN_MESSAGES.url);
  const parsed = parseJson(text);
  if (!parsed.ok) return reject(DEPTH.unknown, SCAN_MESSAGES.unreadable);
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject(DEPTH.otherCode, SCAN_MESSAGES.notAnObject);
  }
  return interpretObject(value as Record<string, unknown>);
}
