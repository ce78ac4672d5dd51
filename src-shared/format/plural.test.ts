import { describe, expect, it } from 'vitest';
import { pluralEn, pluralRu } from './plural';

describe('pluralRu', () => {
  it.each([
    [0, 'бонусов'],
    [1, 'бонус'],
    [2, 'бонуса'],
    [4, 'бонуса'],
    [5, 'бонусов'],
    [11, 'бонусов'],
    [12, 'бонусов'],
    [14, 'бонусов'],
    [21, 'бонус'],
    [104, 'бонуса'],
    [111, 'бонусов'],
    [112, 'бонусов'],
    [1024, 'бонуса'],
    [-21, 'бонус'],
  ])('%i → %s', (n, word) => {
    expect(pluralRu(n, 'бонус', 'бонуса', 'бонусов')).toBe(word);
  });

  it('gives the genitive after «до» from the same rule', () => {
    const afterDo = (n: number) => pluralRu(n, 'бонуса', 'бонусов', 'бонусов');
    expect([1, 2, 5, 11, 21, 111, 121].map(afterDo)).toEqual(['бонуса', 'бонусов', 'бонусов', 'бонусов', 'бонуса', 'бонусов', 'бонуса']);
  });
});

describe('pluralEn', () => {
  it.each([
    [0, 'bonuses'],
    [1, 'bonus'],
    [2, 'bonuses'],
    [21, 'bonuses'],
  ])('%i → %s', (n, word) => {
    expect(pluralEn(n, 'bonus', 'bonuses')).toBe(word);
  });
});
