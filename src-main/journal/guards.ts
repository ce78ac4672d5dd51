import type { OperationView } from '../../src-shared/journal/types';
import type { OperationKind } from '../../src-shared/skidkabot/types';

/** Two presses of the same operation this close together are more likely a double press than two purchases. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

export interface OperationAttempt {
  client: number;
  kind: OperationKind;
  bonuses: number;
}

/**
 * A till operation for the same customer, kind and bonuses within the window that went through (or
 * may have): sending again needs the cashier's confirmation. Refused operations do not count, since
 * repeating one cannot double anything; the manager's reversals are not till presses.
 */
export function findDuplicate(
  views: Iterable<OperationView>,
  attempt: OperationAttempt,
  now: number,
  windowMs: number,
): OperationView | null {
  let latest: OperationView | null = null;
  for (const view of views) {
    if (view.by !== 'cashier' || view.client !== attempt.client) continue;
    if (view.kind !== attempt.kind || view.bonuses !== attempt.bonuses) continue;
    if (view.status === 'refused' || view.status === 'not-applied') continue;
    const age = now - Date.parse(view.at);
    if (age < 0 || age > windowMs) continue;
    if (latest === null || Date.parse(view.at) > Date.parse(latest.at)) latest = view;
  }
  return latest;
}

/**
 * While an operation of this kind for this customer has no known outcome, another one must not go
 * out: if the first was applied after all, the second would double it.
 */
export function blockingOperation(views: Iterable<OperationView>, client: number, kind: OperationKind): OperationView | null {
  for (const view of views) {
    if (view.unresolved && view.client === client && view.kind === kind) return view;
  }
  return null;
}

export type RecheckVerdict = 'applied' | 'not-applied' | 'undetermined';

/**
 * What a balance seen now says about an unresolved operation. It settles the question only when the
 * balance before is known and no later operation of the same customer went through this journal
 * since; any other movement of the balance leaves it to the manager.
 */
export function judgeRecheck(view: OperationView, balanceNow: number, laterOperations: readonly OperationView[]): RecheckVerdict {
  const before = view.outcome?.status === 'unknown' ? view.outcome.balanceBefore : view.balanceBefore;
  if (before === null) return 'undetermined';
  const movedSince = laterOperations.some(
    (other) => other.id !== view.id && other.client === view.client && Date.parse(other.at) >= Date.parse(view.at) && other.status !== 'refused' && other.status !== 'not-applied',
  );
  if (movedSince) return 'undetermined';
  const ifApplied = view.kind === 'accrue' ? before + view.bonuses : before - view.bonuses;
  if (balanceNow === ifApplied) return 'applied';
  if (balanceNow === before) return 'not-applied';
  return 'undetermined';
}
