import type { ReaderOptions } from 'zxing-wasm/reader';

/**
 * How the camera's frames are read, shared by the worker and the benchmark so the figures are the
 * decoder's as the till runs it. QR only (a product barcode in view is not the customer's); tryHarder
 * and tryRotate find a tilted or small phone screen; a few symbols, so a stray code next to the
 * customer's does not hide it.
 */
export const DECODER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 4,
};

/** The texts of the valid codes a read found. */
export function validTexts(results: readonly { isValid: boolean; text: string }[]): string[] {
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
}
