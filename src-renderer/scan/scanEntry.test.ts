import { describe, expect, it } from 'vitest';
import { looksLikeScan } from './scanEntry';

describe('looksLikeScan', () => {
  it('takes the Skidkabot JSON, with the whitespace a copy may bring', () => {
    expect(looksLikeScan('{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}')).toBe(true);
    expect(looksLikeScan('\n  {"type":"Skidkabot"}')).toBe(true);
  });

  it('leaves any other pasted text alone', () => {
    expect(looksLikeScan('4607001234567')).toBe(false);
    expect(looksLikeScan('')).toBe(false);
  });
});
