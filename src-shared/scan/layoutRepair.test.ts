import { describe, expect, it } from 'vitest';
import { candidateReadings, KEYS, type Layout } from './layoutRepair';
import { typeThrough } from '../../test-support/scan/keyboardTyping';

const JSON_SCAN = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';
const keyOf = (usage: number) => KEYS.find((k) => k.usage === usage);

describe('the key table', () => {
  it('has the 47 keys of scanners.md, each once', () => {
    expect(KEYS).toHaveLength(47);
    expect(new Set(KEYS.map((k) => k.usage)).size).toBe(47);
  });

  it.each(['us', 'uk', 'ru'] as const)('gives %s 94 distinct characters, so reading back is a function', (layout: Layout) => {
    const chars = KEYS.flatMap((k) => k.chars[layout]);
    expect(chars).toHaveLength(94);
    expect(new Set(chars).size).toBe(94);
  });

  it('puts the Russian letters and signs where Windows does', () => {
    expect(keyOf(0x35)?.chars.ru).toEqual(['ё', 'Ё']);
    expect(keyOf(0x1f)?.chars.ru).toEqual(['2', '"']);
    expect(keyOf(0x20)?.chars.ru).toEqual(['3', '№']);
    expect(keyOf(0x2f)?.chars.ru).toEqual(['х', 'Х']);
    expect(keyOf(0x31)?.chars.ru).toEqual(['\\', '/']);
    expect(keyOf(0x34)?.chars.ru).toEqual(['э', 'Э']);
    expect(keyOf(0x38)?.chars.ru).toEqual(['.', ',']);
    expect(keyOf(0x17)?.chars.us).toEqual(['t', 'T']);
  });

  it('knows where a UK keyboard differs from the US one', () => {
    const differing = KEYS.filter((k) => k.chars.uk.join('') !== k.chars.us.join(''));
    expect(Object.fromEntries(differing.map((k) => [k.usage, k.chars.uk]))).toEqual({
      [0x35]: ['`', '¬'],
      [0x1f]: ['2', '"'],
      [0x20]: ['3', '£'],
      [0x34]: ["'", '@'],
      [0x31]: ['#', '~'],
    });
  });
});

describe('typing through the table reproduces the texts of the issue', () => {
  it('US-set scanner on the Russian layout', () => {
    expect(typeThrough(JSON_SCAN, { os: 'ru', scanner: 'us', capsLock: false })).toBe(
      'ХЭензуЭЖЭЫлшвлфищеЭбЭмутвщкЭЖ4бЭсдшутеЭЖ83532824бЭыускуеЭЖ31766Ъ',
    );
  });

  it('UK-set scanner on the Russian layout', () => {
    expect(typeThrough(JSON_SCAN, { os: 'ru', scanner: 'uk', capsLock: false })).toBe(
      'Х"ензу"Ж"Ылшвлфище"б"мутвщк"Ж4б"сдшуте"Ж83532824б"ыускуе"Ж31766Ъ',
    );
  });
});

describe('candidateReadings', () => {
  it('starts with the text as it came', () => {
    expect(candidateReadings('abc')[0]).toBe('abc');
  });

  it('offers at most eight readings, without repeats', () => {
    const readings = candidateReadings('ХЭензуЭ"Ж@qQйЙёЁ\\/|#~£¬');
    expect(readings.length).toBeLessThanOrEqual(8);
    expect(new Set(readings).size).toBe(readings.length);
  });

  it('offers a single reading for text no layout changes', () => {
    expect(candidateReadings('4607001771562 ()*-_=+')).toEqual(['4607001771562 ()*-_=+']);
  });

  it('reads Caps Lock on the Russian layout back through the Cyrillic letter keys', () => {
    expect(candidateReadings('хэЕНЗУэжэ')).toContain('{"type":"');
  });

  it('reads the UK quote on the Russian layout as a quote, and the US quote key as UK @', () => {
    expect(candidateReadings('Х"ензу"Ж')).toContain('{"type":');
    expect(candidateReadings('ХЭ')).toContain('{@');
  });

  it('leaves characters of no key alone', () => {
    expect(candidateReadings('Ж 😀\r\n')).toContain(': 😀\r\n');
  });
});
