import { isLetterKey, KEYS, otherShift, type Layout } from '../../src-shared/scan/layoutRepair';

export interface TypingSetup {
  os: Layout;
  scanner: Layout;
  capsLock: boolean;
}

/**
 * For tests: what a keyboard-mode scanner set to `scanner` produces when it types `text` into a
 * host whose layout is `os`. Characters without a key on the scanner's table (blanks, CR/LF) pass as they are.
 */
export function typeThrough(text: string, { os, scanner, capsLock }: TypingSetup): string {
  let out = '';
  for (const ch of text) {
    const key = KEYS.find((k) => k.chars[scanner].includes(ch));
    if (key === undefined) {
      out += ch;
      continue;
    }
    const shifted = key.chars[scanner][1] === ch ? 1 : 0;
    out += key.chars[os][capsLock && isLetterKey(key, os) ? otherShift(shifted) : shifted];
  }
  return out;
}
