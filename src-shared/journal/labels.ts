import type { OperationKind } from '../skidkabot/types';
import type { OperationStatus } from './types';

/** Russian words for the journal, shared by the manager screen, the CLI and the CSV export. */

export const KIND_LABELS: Record<OperationKind, string> = {
  accrue: 'Начисление',
  redeem: 'Списание',
};

export const STATUS_LABELS: Record<OperationStatus, string> = {
  pending: 'Не завершена',
  applied: 'Проведена',
  refused: 'Отказ',
  'not-applied': 'Не проведена',
  unknown: 'Итог неизвестен',
};

/** Rubles with a comma, as Russian Excel and a cashier both expect: 123456 → "1234,56". */
export function formatRubles(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
