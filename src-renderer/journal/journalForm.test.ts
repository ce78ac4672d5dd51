import { describe, expect, it } from 'vitest';
import { queryFromForm, shiftDay } from './journalForm';

const form = { day: '2025-03-14', kassa: '', customer: '', kind: 'all' as const };

describe('shiftDay', () => {
  it('steps over month and year ends, and leaves a half-typed date alone', () => {
    expect(shiftDay('2025-03-01', -1)).toBe('2025-02-28');
    expect(shiftDay('2024-12-31', 1)).toBe('2025-01-01');
    expect(shiftDay('2025-03-1', 1)).toBe('2025-03-1');
  });
});

describe('queryFromForm', () => {
  it('asks for the whole day of every register when nothing else is chosen', () => {
    expect(queryFromForm(form)).toEqual({ ok: true, list: { day: '2025-03-14' }, day: { day: '2025-03-14', kassa: null } });
  });

  it('filters the list by register, customer and kind, and the report by register only', () => {
    expect(queryFromForm({ ...form, kassa: ' 2 ', customer: '83 532 824', kind: 'redeem' })).toEqual({
      ok: true,
      list: { day: '2025-03-14', kassa: 2, client: 83532824, kind: 'redeem' },
      day: { day: '2025-03-14', kassa: 2 },
    });
  });

  it('names each field that is not a number', () => {
    expect(queryFromForm({ ...form, kassa: '0', customer: 'Иван' })).toEqual({ ok: false, errors: { kassa: true, customer: true } });
    expect(queryFromForm({ ...form, day: '' })).toEqual({ ok: false, errors: { day: true } });
  });
});
