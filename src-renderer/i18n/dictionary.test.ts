import { describe, expect, it } from 'vitest';
import { en } from './en';
import { enCustomer } from './enCustomer';
import { enManager } from './enManager';
import { ru } from './ru';
import { ruCustomer } from './ruCustomer';
import { ruManager } from './ruManager';

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
    expect(leaves(enCustomer)).toEqual(leaves(ruCustomer));
    expect(leaves(enManager)).toEqual(leaves(ruManager));
  });

  it('share no section between the parts, so none hides another’s words', () => {
    const sections = [...Object.keys(ru), ...Object.keys(ruCustomer), ...Object.keys(ruManager)];
    expect(sections.filter((key, index) => sections.indexOf(key) !== index)).toEqual([]);
  });

  it('have no empty text where a person must read one', () => {
    const full = { ...ru, ...ruCustomer, ...ruManager };
    const empty = leaves(full).filter((key) => !key.startsWith('errors.next.') && !key.endsWith('()'));
    const lookup = (path: string): unknown =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], full);
    expect(empty.filter((key) => lookup(key) === '')).toEqual([]);
  });
});

describe('the brand', () => {
  it('is spelled the vendor’s way, «Скидкабот», in every Russian text', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    const all = [...texts(ru), ...texts(ruCustomer), ...texts(ruManager)];
    expect(all.filter((text) => /СкидкаБот|Скидкабот[аеуо]/.test(text))).toEqual([]);
    expect(all.some((text) => text.includes('Скидкабот'))).toBe(true);
  });
});
