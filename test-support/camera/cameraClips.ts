import path from 'node:path';
import { greyFrame, writeY4m, type VideoFormat, type YuvFrame } from './y4m';
import { qrLuma, type QrPlacement } from './qrFrames';

export const CAMERA_FORMAT: VideoFormat = { width: 640, height: 480, fps: 10 };

/** The ways a customer holds the phone that the tests and the benchmark cover. */
export const PLACEMENTS = {
  centred: { size: 260 },
  rotated: { size: 260, angle: 27 },
  small: { size: 130, centre: { x: 430, y: 300 } },
  noisy: { size: 220, angle: -8, noise: 45, blur: 1 },
} as const satisfies Record<string, QrPlacement>;

export type PlacementName = keyof typeof PLACEMENTS;

export interface ClipOptions {
  frames: number;
  /** Frames with no code before it, as before the customer holds up the phone. */
  blankFrames?: number;
  /** Frames a second the fake camera plays; 10 by default. */
  fps?: number;
}

/** The frames of a clip: `blankFrames` with no code first (the phone not yet shown), then the code, each with its own noise. */
function* clipFrames(text: string | null, placement: QrPlacement, options: ClipOptions): Generator<YuvFrame> {
  const blank = options.blankFrames ?? 0;
  for (let i = 0; i < blank + options.frames; i++) {
    const shown = i >= blank ? text : null;
    yield greyFrame(CAMERA_FORMAT, qrLuma(CAMERA_FORMAT, shown, placement, i + 1));
  }
}

/** Writes `<dir>/<name>.y4m` and returns its path. Chromium loops the file for as long as the camera is open. */
export async function writeCameraClip(
  dir: string,
  name: string,
  text: string | null,
  placement: QrPlacement,
  options: ClipOptions = { frames: 5 },
): Promise<string> {
  const file = path.join(dir, `${name}.y4m`);
  await writeY4m(file, { ...CAMERA_FORMAT, fps: options.fps ?? CAMERA_FORMAT.fps }, clipFrames(text, placement, options));
  return file;
}
