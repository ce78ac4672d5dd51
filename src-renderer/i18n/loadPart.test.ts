import { describe, expect, it, vi } from 'vitest';
import { loadPart, partFor } from './dictionary';

// The manager's words fail to load until `broken` is cleared, as a chunk of a damaged install or a dropped fetch would.
const chunk = vi.hoisted(() => ({ broken: true }));
vi.mock('./ruManager', async (original) => {
  if (chunk.broken) throw new Error('chunk failed');
  return original();
});

describe('loadPart', () => {
  it('keeps no failed load: the next ask fetches the words afresh', async () => {
    await expect(loadPart('manager', 'ru')).rejects.toThrow();
    expect(partFor('manager', 'ru')).toBeNull();
    chunk.broken = false;
    const words = await loadPart('manager', 'ru');
    expect(words.loading).toBe('Загрузка…');
    expect(partFor('manager', 'ru')).toBe(words);
  });
});
