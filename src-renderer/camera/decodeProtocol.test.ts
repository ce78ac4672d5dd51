import { describe, expect, it } from 'vitest';
import { DECODER_OPTIONS, validTexts } from '../../src-shared/camera/decoderOptions';
import { isDecodeReply } from './decodeProtocol';

describe('decoder worker replies', () => {
  it('takes the two reply shapes the worker sends', () => {
    expect(isDecodeReply({ id: 3, ok: true, texts: ['{"type":"Skidkabot"}'], decodeMs: 12.5 })).toBe(true);
    expect(isDecodeReply({ id: 4, ok: false, error: 'wasm failed' })).toBe(true);
  });

  it('ignores anything else arriving on the channel', () => {
    for (const junk of [null, 'text', 42, {}, { id: '1', ok: true, texts: [] }, { id: 1, ok: true, texts: [1] }, { id: 1, ok: true }, { id: 1, ok: false }]) {
      expect(isDecodeReply(junk), JSON.stringify(junk)).toBe(false);
    }
  });
});

describe('decoder options', () => {
  it('reads QR codes only, a few at a time, and keeps only valid non-empty texts', () => {
    expect(DECODER_OPTIONS.formats).toEqual(['QRCode']);
    expect(DECODER_OPTIONS.maxNumberOfSymbols).toBeGreaterThan(1);
    expect(
      validTexts([
        { isValid: true, text: 'a' },
        { isValid: false, text: 'b' },
        { isValid: true, text: '' },
      ]),
    ).toEqual(['a']);
  });
});
