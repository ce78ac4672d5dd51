import { describe, expect, it } from 'vitest';
import { formatRemaining } from './useNow';

describe('formatRemaining', () => {
  it('shows minutes and seconds, rounding a part second up so a lockout never reads 0:00 early', () => {
    expect(formatRemaining(245_000)).toBe('4:05');
    expect(formatRemaining(59_001)).toBe('1:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(-5)).toBe('0:00');
  });
});
