/**
 * The Russian word for a count: `one` after 1, 21, 101…; `few` after 2–4, 22–24…; `many` after 0,
 * 5–20, 25–30… (11–14 take `many` whatever their last digit). The three forms are the caller's, so
 * one rule serves «1 бонус, 2 бонуса, 5 бонусов» and the genitive after «до»: «до 21 бонуса, до 5 бонусов».
 */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const mod100 = Math.abs(n) % 100;
  const mod10 = mod100 % 10;
  if (mod100 >= 11 && mod100 <= 14) return many;
  if (mod10 === 1) return one;
  if (mod10 >= 2 && mod10 <= 4) return few;
  return many;
}

/** «1 бонус», «2 бонуса», «5 бонусов». */
export function bonusCount(n: number): string {
  return `${n} ${pluralRu(n, 'бонус', 'бонуса', 'бонусов')}`;
}

export function pluralEn(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
