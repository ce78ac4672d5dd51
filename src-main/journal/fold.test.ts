import { describe, expect, it } from 'vitest';
import { codedError } from '../../src-shared/errors';
import type { IntentRecord, JournalRecord, OperationId } from '../../src-shared/journal/types';
import { OperationFold } from './fold';

const AT = '2025-03-14T10:22:31.123+03:00';

function intent(id: OperationId, client: number): IntentRecord {
  return { v: 1, type: 'intent', id, at: AT, kassa: 2, shop: 4, client, kind: 'accrue', bonuses: 40, purchaseKopecks: 200_000, balanceBefore: 2365, by: 'cashier' };
}

const A = '20250314-102231-k2-00000a';
const B = '20250314-102232-k2-00000b';
const C = '20250314-102233-k2-00000c';
const IVAN = 83532824;
const MARIA = 51234567;

const unresolvedIds = (fold: OperationFold): string[] => [...fold.unresolved].map((view) => view.id).sort();

describe('OperationFold keeps its indexes with the records', () => {
  it('an intent is unresolved until its outcome, and listed under its customer', () => {
    const fold = new OperationFold().applyAll([intent(A, IVAN), intent(B, MARIA), intent(C, IVAN)]);
    expect(unresolvedIds(fold)).toEqual([A, B, C]);
    expect(fold.byClient.get(IVAN)?.map((view) => view.id)).toEqual([A, C]);
    expect(fold.byClient.get(MARIA)?.map((view) => view.id)).toEqual([B]);

    fold.apply({ v: 1, type: 'outcome', id: A, at: AT, status: 'applied', balance: 2405, confirmedBy: 'answer' });
    fold.apply({ v: 1, type: 'outcome', id: B, at: AT, status: 'unknown', balanceBefore: 2365, error: codedError('outcome-unknown', 'outcome.unknownUnchecked') });
    expect(unresolvedIds(fold)).toEqual([B, C]);
    // The views the indexes hold are the fold's own: what changes in one shows in the other.
    expect(fold.byClient.get(IVAN)?.[0]).toBe(fold.views.get(A));
  });

  it("a manager's verdict takes an unknown outcome out; a note of a re-check does not", () => {
    const records: JournalRecord[] = [
      intent(A, IVAN),
      { v: 1, type: 'outcome', id: A, at: AT, status: 'unknown', balanceBefore: 2365, error: codedError('outcome-unknown', 'outcome.unknownUnchecked') },
      { v: 1, type: 'resolution', id: A, at: AT, action: 'recheck', reason: 'баланс сдвинулся', balance: 2500, by: 'manager' },
    ];
    const fold = new OperationFold().applyAll(records);
    expect(unresolvedIds(fold)).toEqual([A]);
    fold.apply({ v: 1, type: 'resolution', id: A, at: AT, action: 'applied', reason: 'проверено в боте', by: 'manager' });
    expect(unresolvedIds(fold)).toEqual([]);
  });

  it('a repeated intent and an orphan record change neither index', () => {
    const fold = new OperationFold().applyAll([intent(A, IVAN), intent(A, IVAN)]);
    fold.apply({ v: 1, type: 'outcome', id: B, at: AT, status: 'applied', balance: 1, confirmedBy: 'answer' });
    expect(fold.byClient.get(IVAN)).toHaveLength(1);
    expect(unresolvedIds(fold)).toEqual([A]);
    expect(fold.orphans).toBe(1);
  });
});
