import type { Settings } from '../../src-shared/settings/settings';

type Language = Settings['language'];

const locales: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

const integerFormats = new Map<Language, Intl.NumberFormat>();
const rubleFormats = new Map<Language, Intl.NumberFormat>();

function cached(map: Map<Language, Intl.NumberFormat>, language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = map.get(language);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], options);
    map.set(language, format);
  }
  return format;
}

/** Whole numbers with the locale's grouping: 12 345 in Russian, 12,345 in English. */
export function formatInteger(value: number, language: Language): string {
  return cached(integerFormats, language, { maximumFractionDigits: 0 }).format(value);
}

/** Rubles from kopecks; kopecks shown only when there are any, as a till receipt does. */
export function formatRubles(kopecks: number, language: Language): string {
  const whole = kopecks % 100 === 0;
  const format = cached(rubleFormats, language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return whole ? formatInteger(kopecks / 100, language) : format.format(kopecks / 100);
}

/** Russian plural forms: 1 бонус, 2 бонуса, 5 бонусов, 11 бонусов, 21 бонус. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const mod100 = Math.abs(n) % 100;
  const mod10 = mod100 % 10;
  if (mod100 >= 11 && mod100 <= 14) return many;
  if (mod10 === 1) return one;
  if (mod10 >= 2 && mod10 <= 4) return few;
  return many;
}

export function pluralEn(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
