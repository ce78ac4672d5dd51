import { describe, expect, it } from 'vitest';
import { JsonCloseTracker, cleanScanText } from './scanEnd';

/** Index of the character that closes the object, or -1. */
function closeAt(text: string): number {
  const tracker = new JsonCloseTracker();
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: the tracker is fed one typed character at a time
  return [...text].findIndex((char) => tracker.push(char));
}

describe('JsonCloseTracker', () => {
  it('closes on the last brace of the outermost object', () => {
    const qr = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';
    expect(closeAt(qr)).toBe(qr.length - 1);
    expect(closeAt('{"a":{"b":1},"c":2}')).toBe(18);
  });

  it('ignores braces inside strings, escaped quotes included', () => {
    expect(closeAt('{"text":"}{"}')).toBe(12);
    expect(closeAt('{"text":"a\\"}"}')).toBe(14);
    expect(closeAt('{"text":"a\\\\"}')).toBe(13);
  });

  it('reads past an AIM prefix and leading whitespace', () => {
    expect(closeAt(']Q1{"a":1}')).toBe(9);
    expect(closeAt('  {}')).toBe(3);
  });

  it('never closes a scan that does not start with a brace', () => {
    expect(closeAt('abc{d}ef')).toBe(-1);
    expect(closeAt('4600000000000')).toBe(-1);
    expect(closeAt('}')).toBe(-1);
    expect(closeAt('{"unfinished":')).toBe(-1);
  });

  it('starts over after reset', () => {
    const tracker = new JsonCloseTracker();
    for (const char of '{"a":') tracker.push(char);
    tracker.reset();
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose: the tracker is fed one typed character at a time
    expect([...'{}'].map((c) => tracker.push(c))).toEqual([false, true]);
  });
});

describe('cleanScanText', () => {
  it('strips an AIM prefix, whitespace and CR/LF/Tab', () => {
    expect(cleanScanText(']Q1{"a":1}\r\n')).toBe('{"a":1}');
    expect(cleanScanText('\t 4600000000000 \n')).toBe('4600000000000');
    expect(cleanScanText(']E04600000000000')).toBe('4600000000000');
  });
});
