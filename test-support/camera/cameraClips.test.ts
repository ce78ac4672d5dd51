import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_FORMAT, PLACEMENTS, writeCameraClip } from './cameraClips';
import { decodeImage } from './nodeDecoder';
import { lumaToImageData, qrLuma } from './qrFrames';
import { encodeFrame, frameBytes, greyFrame, y4mHeader } from './y4m';

const IVAN = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';

describe('Y4M writer', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-y4m-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the header Chromium's fake camera reads", () => {
    expect(y4mHeader(CAMERA_FORMAT)).toBe('YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n');
    expect(() => y4mHeader({ width: 641, height: 480, fps: 10 })).toThrow(/even/);
  });

  it('writes each frame as FRAME, then the Y, U and V planes', () => {
    const format = { width: 4, height: 2, fps: 5 };
    const frame = encodeFrame(format, greyFrame(format, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])));
    expect([...frame]).toEqual([...Buffer.from('FRAME\n'), 1, 2, 3, 4, 5, 6, 7, 8, 128, 128, 128, 128]);
    expect(() => encodeFrame(format, { y: new Uint8Array(8), u: new Uint8Array(1), v: new Uint8Array(2) })).toThrow(/wrong size/);
  });

  it('writes a whole clip of the right length, blank frames first', async () => {
    const file = await writeCameraClip(dir, 'ivan', IVAN, PLACEMENTS.centred, { frames: 2, blankFrames: 1 });
    const bytes = await readFile(file);
    const header = y4mHeader(CAMERA_FORMAT).length;
    const each = 'FRAME\n'.length + frameBytes(CAMERA_FORMAT);
    expect(bytes.length).toBe(header + 3 * each);
    for (let i = 0; i < 3; i++) expect(bytes.subarray(header + i * each, header + i * each + 6).toString('latin1')).toBe('FRAME\n');
    const lumaOf = (i: number) => bytes.subarray(header + i * each + 6, header + i * each + 6 + 640 * 480);
    expect(new Set(lumaOf(0)).size).toBe(1);
    expect(new Set(lumaOf(1)).size).toBeGreaterThan(1);
  });
});

describe('QR frames read by the till decoder', () => {
  it.each(Object.keys(PLACEMENTS) as (keyof typeof PLACEMENTS)[])('decodes the %s QR', async (name) => {
    const luma = qrLuma(CAMERA_FORMAT, IVAN, PLACEMENTS[name], 7);
    expect(await decodeImage(lumaToImageData(CAMERA_FORMAT, luma))).toEqual([IVAN]);
  });

  it('finds nothing in a frame with no code', async () => {
    const luma = qrLuma(CAMERA_FORMAT, null, PLACEMENTS.noisy, 3);
    expect(await decodeImage(lumaToImageData(CAMERA_FORMAT, luma))).toEqual([]);
  });
});
