const russian = new Intl.PluralRules('ru-RU');
const english = new Intl.PluralRules('en-GB');

/**
 * The Russian word for a count, by the language's own rules (`Intl.PluralRules`): `one` after 1, 21,
 * 101…; `few` after 2–4, 22–24…; `many` after 0, 5–20, 25–30… The three forms are the caller's, so one
 * rule serves «1 бонус, 2 бонуса, 5 бонусов» and the genitive after «до»: «до 21 бонуса, до 5 бонусов».
 * A fraction takes `few` («1,5 бонуса»), as Intl's `other` for Russian reads.
 */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const form = russian.select(n);
  if (form === 'one') return one;
  if (form === 'many') return many;
  return few;
}

/** «1 бонус», «2 бонуса», «5 бонусов». */
export function bonusCount(n: number): string {
  return `${n} ${pluralRu(n, 'бонус', 'бонуса', 'бонусов')}`;
}

export function pluralEn(n: number, one: string, many: string): string {
  return english.select(n) === 'one' ? one : many;
}
