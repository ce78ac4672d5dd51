/**
 * A keyboard-mode scanner presses physical keys; the OS turns them into characters through its own
 * layout. When the scanner's keyboard country and the OS layout disagree, or Caps Lock is on, the
 * text that arrives is the right keys read through the wrong table. This module reads such text
 * back, one whole-text hypothesis at a time: a fixed handful of readings, never a per-character
 * search, so the work stays linear in the text.
 */

export type Layout = 'us' | 'uk' | 'ru';

export interface PhysicalKey {
  /** HID keyboard usage (usage page 0x07). */
  usage: number;
  /** [unshifted, shifted] character per layout. */
  chars: Readonly<Record<Layout, readonly [string, string]>>;
}

interface TableRow {
  usages: readonly number[];
  us: string;
  usShift: string;
  ru: string;
  ruShift: string;
}

// The 47 keys of shared/scanners.md, row by row, left to right (Windows KBDRU, xkb
// ru(winkeys) and convert-layout agree on them).
const TABLE: readonly TableRow[] = [
  {
    usages: [0x35, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2d, 0x2e],
    us: '`1234567890-=',
    usShift: '~!@#$%^&*()_+',
    ru: 'ё1234567890-=',
    ruShift: 'Ё!"№;%:?*()_+',
  },
  {
    usages: [0x14, 0x1a, 0x08, 0x15, 0x17, 0x1c, 0x18, 0x0c, 0x12, 0x13, 0x2f, 0x30, 0x31],
    us: 'qwertyuiop[]\\',
    usShift: 'QWERTYUIOP{}|',
    ru: 'йцукенгшщзхъ\\',
    ruShift: 'ЙЦУКЕНГШЩЗХЪ/',
  },
  {
    usages: [0x04, 0x16, 0x07, 0x09, 0x0a, 0x0b, 0x0d, 0x0e, 0x0f, 0x33, 0x34],
    us: "asdfghjkl;'",
    usShift: 'ASDFGHJKL:"',
    ru: 'фывапролджэ',
    ruShift: 'ФЫВАПРОЛДЖЭ',
  },
  {
    usages: [0x1d, 0x1b, 0x06, 0x19, 0x05, 0x11, 0x10, 0x36, 0x37, 0x38],
    us: 'zxcvbnm,./',
    usShift: 'ZXCVBNM<>?',
    ru: 'ячсмитьбю.',
    ruShift: 'ЯЧСМИТЬБЮ,',
  },
];

/**
 * Where a UK keyboard differs from the US one on these keys. On a Russian host a UK-set scanner's
 * `"` (Shift+2) shows as `"` and its `@` (Shift+') as `Э`, the reverse of a US-set one, hence a
 * reading of its own. The key right of `]` is UK's `#~`: hosts give it the scan code of US `\|`.
 * UK `\|` sits on the extra ISO key (0x64), which Russian hosts show as `\` `/` too; the reading
 * takes `#~`, and no Skidkabot payload uses any of these characters.
 */
const UK_OVERRIDES: ReadonlyMap<number, readonly [string, string]> = new Map([
  [0x35, ['`', '¬']],
  [0x1f, ['2', '"']],
  [0x20, ['3', '£']],
  [0x34, ["'", '@']],
  [0x31, ['#', '~']],
]);

export const KEYS: readonly PhysicalKey[] = TABLE.flatMap((row) =>
  row.usages.map((usage, i): PhysicalKey => {
    const at = (s: string): string => s.charAt(i);
    const us = [at(row.us), at(row.usShift)] as const;
    return {
      usage,
      chars: { us, uk: UK_OVERRIDES.get(usage) ?? us, ru: [at(row.ru), at(row.ruShift)] },
    };
  }),
);

/** One hypothesis about how the text was typed: the OS layout, the scanner's country, Caps Lock. */
interface Hypothesis {
  os: 'us' | 'ru';
  scanner: 'us' | 'uk';
  capsLock: boolean;
}

export function otherShift(shifted: 0 | 1): 0 | 1 {
  return shifted === 0 ? 1 : 0;
}

export function isLetterKey(key: PhysicalKey, layout: Layout): boolean {
  const [plain] = key.chars[layout];
  return plain.toLowerCase() !== plain.toUpperCase();
}

// Every key character is one UTF-16 unit, so a reading swaps code units one for one through a
// dense table indexed by code (0: no change); codes past its end pass through.
const TABLE_SIZE = Math.max(...KEYS.flatMap((k) => Object.values(k.chars).flat().map((c) => c.charCodeAt(0)))) + 1;

/** Code as the OS showed it → code the scanner meant. */
function repairTable({ os, scanner, capsLock }: Hypothesis): Uint16Array | null {
  const table = new Uint16Array(TABLE_SIZE);
  let changes = 0;
  for (const key of KEYS) {
    // Caps Lock flips Shift for the OS layout's letter keys only (Cyrillic х, ж, э, б, ю, ё included).
    const flip = capsLock && isLetterKey(key, os);
    for (const shifted of [0, 1] as const) {
      const shown = key.chars[os][shifted].charCodeAt(0);
      const meant = key.chars[scanner][flip ? otherShift(shifted) : shifted].charCodeAt(0);
      if (shown !== meant) {
        table[shown] = meant;
        changes++;
      }
    }
  }
  return changes === 0 ? null : table;
}

const HYPOTHESES: readonly Hypothesis[] = (['us', 'ru'] as const).flatMap((os) =>
  (['us', 'uk'] as const).flatMap((scanner) => [false, true].map((capsLock) => ({ os, scanner, capsLock }))),
);

// The untouched text comes first (os us, scanner us, no Caps Lock: no table).
const REPAIR_TABLES: readonly (Uint16Array | null)[] = HYPOTHESES.map(repairTable);

// Keeps fromCharCode's argument list well below engine limits.
const CHUNK = 4096;

function applyTable(text: string, table: Uint16Array | null): string {
  if (table === null) return text;
  let out = '';
  for (let start = 0; start < text.length; start += CHUNK) {
    const codes = new Array<number>(Math.min(CHUNK, text.length - start));
    for (let i = 0; i < codes.length; i++) {
      const code = text.charCodeAt(start + i);
      codes[i] = (code < TABLE_SIZE && table[code]) || code;
    }
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

/**
 * Every distinct way the text could have been meant, the text as it came first. At most eight,
 * whatever the text: callers accept a reading only when it proves itself (a valid payload).
 */
export function candidateReadings(text: string): string[] {
  return [...new Set(REPAIR_TABLES.map((table) => applyTable(text, table)))];
}
