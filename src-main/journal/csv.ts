import { formatRubles, type DigitStyle } from '../../src-shared/format/numbers';
import { KIND_LABELS, STATUS_LABELS } from '../../src-shared/journal/labels';
import type { OperationView } from '../../src-shared/journal/types';
import { balanceAnomalyNoteRu } from '../../src-shared/skidkabot/anomaly';

/**
 * CSV as Excel opens it on a Russian Windows: UTF-8 with a BOM (or Cyrillic turns to mojibake),
 * `;` between fields (the comma is the decimal mark there), CRLF line ends.
 */
export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/** A text cell that a spreadsheet would run as a formula (or DDE) is made plain text by a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Rubles as Russian Excel reads a number: a decimal comma, no grouping, kopecks always: 123456 → "1234,56". */
const EXCEL_RU: DigitStyle = { group: '', decimal: ',' };

export type CsvValue = string | number | null;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  // Numbers come from the journal's own integers, never from text a person or the server typed.
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(SEPARATOR) + LINE_END;
}

export const JOURNAL_CSV_HEADER: readonly string[] = [
  'Номер операции',
  'Время',
  'Касса',
  'Покупатель',
  'Операция',
  'Бонусы',
  'Покупка, руб.',
  'Статус',
  'Баланс после',
  'Кем',
  'Отмена операции',
  'Отменена операцией',
  'Причина или решение',
  'Ошибка',
];

function lastWords(view: OperationView): string | null {
  const resolution = view.resolutions.at(-1);
  if (resolution) return resolution.reason;
  return view.reason;
}

export function journalCsvRow(view: OperationView): string {
  const anomaly = view.outcome?.status === 'applied' && view.outcome.anomaly ? balanceAnomalyNoteRu(view.outcome.anomaly) : null;
  const error = view.outcome && 'error' in view.outcome ? view.outcome.error.message : anomaly;
  const reversedBy = view.reversedBy.filter((link) => link.status === 'applied').map((link) => link.id);
  return csvRow([
    view.id,
    `${view.at.slice(0, 10)} ${view.at.slice(11, 19)}`,
    view.kassa,
    view.client,
    KIND_LABELS[view.kind],
    view.bonuses,
    formatRubles(view.purchaseKopecks, EXCEL_RU, { alwaysKopecks: true }),
    STATUS_LABELS[view.status],
    view.balanceAfter,
    view.by === 'manager' ? 'менеджер' : 'кассир',
    view.reverses,
    reversedBy.length > 0 ? reversedBy.join(', ') : null,
    lastWords(view),
    error,
  ]);
}
