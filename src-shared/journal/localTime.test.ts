import { describe, expect, it } from 'vitest';
import { dayOfIso, hourOfIso, isCalendarDay, localIso, localMonth } from './localTime';

describe('localIso', () => {
  it('writes the local wall time with an offset that gives the same instant back', () => {
    const ms = new Date(2025, 11, 31, 23, 59, 58, 7).getTime();
    const at = localIso(ms);
    expect(at).toMatch(/^2025-12-31T23:59:58\.007[+-]\d{2}:\d{2}$/);
    expect(Date.parse(at)).toBe(ms);
    expect(dayOfIso(at)).toBe('2025-12-31');
    expect(hourOfIso(at)).toBe(23);
    expect(localMonth(ms)).toBe('2025-12');
  });
});

describe('isCalendarDay', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-13-01')).toBe(false);
    expect(isCalendarDay('2025-1-01')).toBe(false);
  });
});
