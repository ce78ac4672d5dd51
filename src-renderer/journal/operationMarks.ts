import type { OperationView } from '../../src-shared/journal/types';

/** How a row of the journal looks: what the manager must see first. */
export type RowTone = 'unresolved' | 'reversed' | 'reversal' | 'failed' | 'applied';

export function rowTone(view: OperationView): RowTone {
  if (view.unresolved) return 'unresolved';
  if (view.reversed) return 'reversed';
  if (view.reverses !== null) return 'reversal';
  return view.status === 'applied' ? 'applied' : 'failed';
}

/**
 * Whether «Отменить» is offered: an applied till operation, not a reversal itself, with no reversal
 * done or waiting. Main checks again (and the customer's balance) before anything is sent.
 */
export function canReverse(view: OperationView): boolean {
  if (view.status !== 'applied' || view.unresolved || view.reverses !== null) return false;
  return !view.reversedBy.some((link) => link.status === 'applied' || link.status === 'pending' || link.status === 'unknown');
}

/** `HH:MM` of the shop's local time the journal wrote. */
export function timeOf(at: string): string {
  return at.slice(11, 16);
}

/** `HH:MM` from an operation id (`YYYYMMDD-HHMMSS-k…`): when the operation a reversal undoes was made. */
export function timeOfId(id: string): string {
  return `${id.slice(9, 11)}:${id.slice(11, 13)}`;
}
