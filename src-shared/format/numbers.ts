/**
 * How digits are written for one reader: the screen groups thousands with a no-break space, a
 * terminal with a plain one (so figures copy cleanly), a CSV or JSON file not at all. Written out
 * here rather than left to Intl, so the app, the CLI and the exports agree whatever ICU data the
 * runtime carries.
 */
export interface DigitStyle {
  /** Between groups of three digits; '' for none. */
  readonly group: string;
  /** Between rubles and kopecks. */
  readonly decimal: string;
}

export interface RubleOptions {
  /** Kopecks even when there are none ("1234,00"), as files read by programs expect. Otherwise shown only when there are any, as a till receipt does. */
  alwaysKopecks?: boolean;
}

/** A whole number with its thousands grouped: 12 345 678. Fractions are rounded to the nearest whole. */
export function formatInteger(n: number, style: DigitStyle): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n);
  return `${rounded < 0 ? '-' : ''}${groupDigits(Math.abs(rounded), style.group)}`;
}

/** Rubles from a whole number of kopecks: 123450 → "1 234,50", 100000 → "1 000". No currency sign. */
export function formatRubles(kopecks: number, style: DigitStyle, options: RubleOptions = {}): string {
  if (!Number.isFinite(kopecks)) return String(kopecks);
  const rounded = Math.round(kopecks);
  const abs = Math.abs(rounded);
  const rubles = `${rounded < 0 ? '-' : ''}${groupDigits(Math.floor(abs / 100), style.group)}`;
  const rest = abs % 100;
  return rest === 0 && !options.alwaysKopecks ? rubles : `${rubles}${style.decimal}${String(rest).padStart(2, '0')}`;
}

function groupDigits(whole: number, group: string): string {
  const digits = String(whole);
  return group === '' ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}
