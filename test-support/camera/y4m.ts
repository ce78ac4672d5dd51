import { open } from 'node:fs/promises';

/**
 * A tiny YUV4MPEG2 writer for Chromium's fake camera (--use-file-for-fake-video-capture). Chromium
 * reads 4:2:0 only: per frame "FRAME\n", then the Y plane (width×height), then U and V (a quarter each).
 */
export interface VideoFormat {
  width: number;
  height: number;
  fps: number;
}

export interface YuvFrame {
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
}

export function y4mHeader(format: VideoFormat): string {
  if (format.width % 2 !== 0 || format.height % 2 !== 0) throw new Error('4:2:0 needs an even width and height');
  return `YUV4MPEG2 W${format.width} H${format.height} F${format.fps}:1 Ip A1:1 C420jpeg\n`;
}

export function frameBytes(format: VideoFormat): number {
  return (format.width * format.height * 3) / 2;
}

/** A frame of one shade: luma from the caller, chroma neutral (grey). */
export function greyFrame(format: VideoFormat, luma: Uint8Array): YuvFrame {
  if (luma.length !== format.width * format.height) throw new Error('luma plane has the wrong size');
  const chroma = (format.width * format.height) / 4;
  return { y: luma, u: new Uint8Array(chroma).fill(128), v: new Uint8Array(chroma).fill(128) };
}

export function encodeFrame(format: VideoFormat, frame: YuvFrame): Buffer {
  const plane = format.width * format.height;
  if (frame.y.length !== plane || frame.u.length !== plane / 4 || frame.v.length !== plane / 4) throw new Error('frame planes have the wrong size');
  return Buffer.concat([Buffer.from('FRAME\n', 'latin1'), frame.y, frame.u, frame.v]);
}

/** Writes the clip frame by frame, so a long clip never sits in memory whole. */
export async function writeY4m(file: string, format: VideoFormat, frames: Iterable<YuvFrame>): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.write(y4mHeader(format), null, 'latin1');
    for (const frame of frames) await handle.write(encodeFrame(format, frame));
  } finally {
    await handle.close();
  }
}
