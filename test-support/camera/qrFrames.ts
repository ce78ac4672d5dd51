import QRCode from 'qrcode';
import type { VideoFormat } from './y4m';

/** How a QR sits in the camera's view, as a customer's phone would hold it. */
export interface QrPlacement {
  /** Side of the code with its quiet zone, in pixels. */
  size: number;
  /** Turn in degrees. */
  angle?: number;
  /** Centre, in pixels; the frame's centre by default. */
  centre?: { x: number; y: number };
  /** Sensor noise: ± this much on the 0–255 luma. */
  noise?: number;
  /** Softness of the picture: average over a (2·blur+1)² box. */
  blur?: number;
}

const BACKGROUND = 120;
const DARK = 25;
const LIGHT = 235;
const QUIET_MODULES = 4;

/** The QR's modules, dark = true, with the quiet zone, as the `qrcode` package encodes them. */
function qrModules(text: string): { size: number; dark(row: number, col: number): boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const size = n + 2 * QUIET_MODULES;
  return {
    size,
    dark: (row, col) => {
      const r = row - QUIET_MODULES;
      const c = col - QUIET_MODULES;
      return r >= 0 && c >= 0 && r < n && c < n && qr.modules.get(r, c) === 1;
    },
  };
}

/** A deterministic generator, so a clip is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** The luma plane of one camera frame showing `text` as a QR (or nothing, with null). */
export function qrLuma(format: VideoFormat, text: string | null, placement: QrPlacement, seed = 1): Uint8Array {
  const { width, height } = format;
  const luma = new Uint8Array(width * height).fill(BACKGROUND);
  if (text !== null) {
    const modules = qrModules(text);
    const cx = placement.centre?.x ?? width / 2;
    const cy = placement.centre?.y ?? height / 2;
    const angle = ((placement.angle ?? 0) * Math.PI) / 180;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const half = placement.size / 2;
    const scale = modules.size / placement.size;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        // Back-rotate the pixel into the code's own square.
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        const u = dx * cos + dy * sin + half;
        const v = -dx * sin + dy * cos + half;
        if (u < 0 || v < 0 || u >= placement.size || v >= placement.size) continue;
        luma[y * width + x] = modules.dark(Math.floor(v * scale), Math.floor(u * scale)) ? DARK : LIGHT;
      }
    }
  }
  const blurred = placement.blur ? boxBlur(luma, width, height, placement.blur) : luma;
  if (placement.noise) {
    const random = seededRandom(seed);
    for (let i = 0; i < blurred.length; i++) {
      blurred[i] = Math.max(0, Math.min(255, Math.round((blurred[i] ?? 0) + (random() * 2 - 1) * (placement.noise ?? 0))));
    }
  }
  return blurred;
}

function boxBlur(source: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const out = new Uint8Array(source.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++) {
        for (let xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
          sum += source[yy * width + xx] ?? 0;
          count++;
        }
      }
      out[y * width + x] = Math.round(sum / count);
    }
  }
  return out;
}

/** The luma as RGBA, the shape zxing-wasm's readBarcodes takes for ImageData outside a browser. */
export function lumaToImageData(format: VideoFormat, luma: Uint8Array): { data: Uint8ClampedArray; width: number; height: number; colorSpace: 'srgb' } {
  const data = new Uint8ClampedArray(luma.length * 4);
  for (let i = 0; i < luma.length; i++) {
    const value = luma[i] ?? 0;
    data[i * 4] = value;
    data[i * 4 + 1] = value;
    data[i * 4 + 2] = value;
    data[i * 4 + 3] = 255;
  }
  return { data, width: format.width, height: format.height, colorSpace: 'srgb' };
}
