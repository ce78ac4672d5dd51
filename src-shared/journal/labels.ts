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
