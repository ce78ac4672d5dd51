import { describe, expect, it } from 'vitest';
import { blockingOperation, findDuplicate, judgeRecheck } from './guards';
import { operationView } from '../../test-support/journal/operationView';

const AT = Date.parse('2025-03-14T10:00:00.000+03:00');
const attempt = { client: 83532824, kind: 'accrue' as const, bonuses: 40 };

describe('findDuplicate', () => {
  it('finds the same customer, kind and bonuses inside the window, the latest one first', () => {
    const older = operationView({ id: 'a', at: '2025-03-14T09:59:30.000+03:00' });
    const newer = operationView({ id: 'b' });
    expect(findDuplicate([older, newer], attempt, AT + 30_000, 120_000)?.id).toBe('b');
    expect(findDuplicate([older], attempt, AT + 121_000, 120_000)).toBeNull();
  });

  it('ignores other amounts, refusals, operations known not applied and the manager reversals', () => {
    expect(findDuplicate([operationView({ bonuses: 41 })], attempt, AT, 120_000)).toBeNull();
    expect(findDuplicate([operationView({ status: 'refused' })], attempt, AT, 120_000)).toBeNull();
    expect(findDuplicate([operationView({ status: 'not-applied' })], attempt, AT, 120_000)).toBeNull();
    expect(findDuplicate([operationView({ status: 'applied' })], attempt, AT, 120_000)).not.toBeNull();
    expect(findDuplicate([operationView({ status: 'pending', unresolved: true })], attempt, AT, 120_000)).not.toBeNull();
    expect(findDuplicate([operationView({ by: 'manager', reverses: 'x' })], attempt, AT, 120_000)).toBeNull();
    expect(findDuplicate([operationView({ status: 'unknown', unresolved: true })], attempt, AT, 120_000)).not.toBeNull();
  });
});

describe('blockingOperation', () => {
  it('is the unresolved operation of this customer and kind', () => {
    const open = operationView({ status: 'pending', unresolved: true });
    expect(blockingOperation([operationView(), open], 83532824, 'accrue')).toBe(open);
    expect(blockingOperation([open], 83532824, 'redeem')).toBeNull();
    expect(blockingOperation([operationView()], 83532824, 'accrue')).toBeNull();
  });
});

describe('judgeRecheck', () => {
  const unknown = operationView({
    status: 'unknown',
    unresolved: true,
    outcome: { at: '2025-03-14T10:00:01.000+03:00', status: 'unknown', balanceBefore: 100, error: { kind: 'outcome-unknown', message: '?' } },
  });

  it('says applied when the balance moved by the amount, not applied when it stayed', () => {
    expect(judgeRecheck(unknown, 140, [unknown])).toBe('applied');
    expect(judgeRecheck(unknown, 100, [])).toBe('not-applied');
    expect(judgeRecheck(operationView({ ...unknown, kind: 'redeem' }), 60, [])).toBe('applied');
  });

  it('leaves it to the manager when anything else could have moved the balance', () => {
    expect(judgeRecheck(unknown, 137, [])).toBe('undetermined');
    const later = operationView({ id: 'later', at: '2025-03-14T10:05:00.000+03:00', kind: 'redeem' });
    expect(judgeRecheck(unknown, 140, [later])).toBe('undetermined');
    expect(judgeRecheck(unknown, 140, [{ ...later, status: 'refused' }])).toBe('applied');
    expect(judgeRecheck(operationView({ status: 'pending', unresolved: true, balanceBefore: null }), 140, [])).toBe('undetermined');
  });
});
