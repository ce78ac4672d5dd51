import { describe, expect, it } from 'vitest';
import type { OperationView } from '../../src-shared/journal/types';
import { operationView } from '../../test-support/journal/operationView';
import { canReverse, rowTone, timeOf, timeOfId } from './operationMarks';

const applied: OperationView = operationView({ at: '2025-03-14T10:05:00.000+03:00' });

describe('operation marks', () => {
  it('puts an unresolved operation first, then a reversed one, a reversal, a failed one', () => {
    expect(rowTone({ ...applied, status: 'unknown', unresolved: true })).toBe('unresolved');
    expect(rowTone({ ...applied, reversed: true })).toBe('reversed');
    expect(rowTone({ ...applied, reverses: '20250314-090000-k1-000002' })).toBe('reversal');
    expect(rowTone({ ...applied, status: 'refused' })).toBe('failed');
    expect(rowTone(applied)).toBe('applied');
  });

  it('offers a reversal only for an applied operation with none done or waiting', () => {
    expect(canReverse(applied)).toBe(true);
    expect(canReverse({ ...applied, status: 'refused' })).toBe(false);
    expect(canReverse({ ...applied, reverses: '20250314-090000-k1-000002' })).toBe(false);
    const link = { id: '20250314-110000-k1-000003', at: applied.at, reason: 'возврат' };
    expect(canReverse({ ...applied, reversedBy: [{ ...link, status: 'unknown' }] })).toBe(false);
    expect(canReverse({ ...applied, reversedBy: [{ ...link, status: 'refused' }] })).toBe(true);
  });

  it('reads the shop’s own clock from the journal time', () => {
    expect(timeOf(applied.at)).toBe('10:05');
    expect(timeOfId('20250314-093012-k12-0a1b2c')).toBe('09:30');
  });
});
