import { KEYS } from '../scan/layoutRepair';

/**
 * The US keyboard, key by key: HID usage (page 0x07) and `KeyboardEvent.code` to the character a
 * US-set scanner means. Both describe the physical key, so reading through this table makes the OS
 * layout (Russian or any other) and Caps Lock irrelevant: a scanner set to US always means the US
 * character, whatever the computer would have typed.
 */
export interface UsKey {
  /** HID usage on the Keyboard/Keypad page (0x07). */
  usage: number;
  /** `KeyboardEvent.code` of the same physical key. */
  code: string;
  plain: string;
  shifted: string;
}

/** Enter and Tab are read as the characters a scanner suffix means: they end a scan. */
export const ENTER = '\r';
export const TAB = '\t';

/** `KeyboardEvent.code` of the main-block keys that are neither letters nor digits, by their unshifted US character. */
const PUNCTUATION_CODES: Readonly<Record<string, string>> = {
  '`': 'Backquote',
  '-': 'Minus',
  '=': 'Equal',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '\\': 'Backslash',
  ';': 'Semicolon',
  "'": 'Quote',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
};

function codeOf(plain: string): string {
  if (/^[a-z]$/.test(plain)) return `Key${plain.toUpperCase()}`;
  if (/^[0-9]$/.test(plain)) return `Digit${plain}`;
  const code = PUNCTUATION_CODES[plain];
  if (code === undefined) throw new Error(`usLayout: no KeyboardEvent.code for the US key «${plain}»`);
  return code;
}

/** The 47 main-block keys come from the layout-repair table, so the two readings of a key cannot drift apart. */
function buildKeys(): UsKey[] {
  const keys = KEYS.map(({ usage, chars }): UsKey => {
    const [plain, shifted] = chars.us;
    return { usage, code: codeOf(plain), plain, shifted };
  });
  const row = (usage: number, code: string, plain: string, shifted: string): UsKey => ({ usage, code, plain, shifted });
  keys.push(
    row(0x28, 'Enter', ENTER, ENTER),
    row(0x2b, 'Tab', TAB, TAB),
    row(0x2c, 'Space', ' ', ' '),
    // The keypad types the same character with or without Shift (scanners use it only with Num Lock on).
    row(0x54, 'NumpadDivide', '/', '/'),
    row(0x55, 'NumpadMultiply', '*', '*'),
    row(0x56, 'NumpadSubtract', '-', '-'),
    row(0x57, 'NumpadAdd', '+', '+'),
    row(0x58, 'NumpadEnter', ENTER, ENTER),
    row(0x63, 'NumpadDecimal', '.', '.'),
  );
  for (let digit = 1; digit <= 9; digit += 1) {
    keys.push(row(0x58 + digit, `Numpad${digit}`, String(digit), String(digit)));
  }
  keys.push(row(0x62, 'Numpad0', '0', '0'));
  return keys;
}

export const US_KEYS: readonly UsKey[] = buildKeys();

const byUsage = new Map<number, UsKey>(US_KEYS.map((key) => [key.usage, key]));
// Linux and the UI Events spec read 0x32 ("Non-US # and ~") as the backslash key: US keyboards
// and some scanners send it for `\`.
const backslash = byUsage.get(0x31);
if (backslash) byUsage.set(0x32, { ...backslash, usage: 0x32 });
const byCode = new Map<string, UsKey>(US_KEYS.map((key) => [key.code, key]));

/** The US character a HID key usage types, or undefined for keys that type nothing (arrows, F-keys…). */
export function usCharForUsage(usage: number, shift: boolean): string | undefined {
  const key = byUsage.get(usage);
  return key && (shift ? key.shifted : key.plain);
}

/** The US character the physical key `code` types, whatever the OS layout and Caps Lock say. */
export function usCharForCode(code: string, shift: boolean): string | undefined {
  const key = byCode.get(code);
  return key && (shift ? key.shifted : key.plain);
}

/** The key a US keyboard presses for a character: what a scanner sends to type it. */
export function usKeyForChar(char: string): { key: UsKey; shift: boolean } | undefined {
  for (const key of US_KEYS) {
    if (key.plain === char) return { key, shift: false };
    if (key.shifted === char) return { key, shift: true };
  }
  return undefined;
}

/** Enter, keypad Enter or Tab: a scanner's suffix, never part of the scanned text. */
export function isScanTerminator(char: string): boolean {
  return char === ENTER || char === TAB || char === '\n';
}
