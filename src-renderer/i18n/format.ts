import { formatInteger as formatDigits, formatRubles as formatRubleDigits, type DigitStyle } from '../../src-shared/format/numbers';
import type { Settings } from '../../src-shared/settings/settings';

type Language = Settings['language'];

/** As Intl writes ru-RU and en-GB: 12 345,50 (no-break space) and 12,345.50. */
const styles: Record<Language, DigitStyle> = {
  ru: { group: '\u00a0', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

export function formatInteger(value: number, language: Language): string {
  return formatDigits(value, styles[language]);
}

/** Rubles from kopecks; kopecks shown only when there are any, as a till receipt does. */
export function formatRubles(kopecks: number, language: Language): string {
  return formatRubleDigits(kopecks, styles[language]);
}
