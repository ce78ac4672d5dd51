import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ru } from './ru';

/** Every leaf of a dictionary by path; a function counts as one leaf. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (typeof value === 'function') return [`${path}()`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path === '' ? key : `${path}.${key}`));
  }
  return [`${path}:${typeof value}`];
}

describe('dictionaries', () => {
  it('have the same keys in Russian and English', () => {
    expect(leaves(en)).toEqual(leaves(ru));
  });

  it('have no empty text where a person must read one', () => {
    const empty = leaves(ru).filter((key) => !key.startsWith('errors.next.') && !key.endsWith('()'));
    const lookup = (path: string): unknown =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], ru);
    expect(empty.filter((key) => lookup(key) === '')).toEqual([]);
  });
});

describe('the brand', () => {
  it('is spelled the vendor’s way, «Скидкабот», in every Russian text', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    const odd = texts(ru).filter((text) => /СкидкаБот|Скидкабот[аеуо]/.test(text));
    expect(odd).toEqual([]);
    expect(texts(ru).some((text) => text.includes('Скидкабот'))).toBe(true);
  });
});
