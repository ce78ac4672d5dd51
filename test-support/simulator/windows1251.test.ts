import { describe, expect, it } from 'vitest';
import { encodeWindows1251 } from './windows1251';

describe('encodeWindows1251', () => {
  it('writes the bytes iconv-lite wrote for Cyrillic, punctuation and the euro sign', () => {
    expect(encodeWindows1251('Ёж № «ёлка» €5 — ok').toString('hex')).toBe('a8e620b920abb8ebeae0bb2088352097206f6b');
  });

  it('round-trips every character of the code page through Node’s decoder', () => {
    const assigned = Array.from({ length: 0x100 }, (_, byte) => byte).filter((byte) => byte !== 0x98);
    const text = new TextDecoder('windows-1251').decode(Uint8Array.from(assigned));
    expect([...encodeWindows1251(text)]).toEqual(assigned);
  });

  it('writes ? for a character the code page lacks, one per character', () => {
    expect(encodeWindows1251('日本🙂\u0098').toString('latin1')).toBe('????');
  });
});
