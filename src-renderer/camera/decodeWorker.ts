import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecodeReply, DecodeRequest } from './decodeProtocol';
import { DECODER_OPTIONS, validTexts } from '../../src-shared/camera/decoderOptions';

/**
 * The QR decoder, off the window's thread so the till stays responsive while the camera runs. The
 * library would fetch its .wasm from a CDN; the app ships the file in its own build and serves it
 * from its own origin (no remote content, and a till may have no internet).
 */
prepareZXingModule({
  overrides: {
    locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + file),
  },
  fireImmediately: false,
});

let canvas: OffscreenCanvas | null = null;

function pixels(frame: ImageBitmap): ImageData {
  if (!canvas || canvas.width !== frame.width || canvas.height !== frame.height) canvas = new OffscreenCanvas(frame.width, frame.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('2d context unavailable');
  context.drawImage(frame, 0, 0);
  return context.getImageData(0, 0, frame.width, frame.height);
}

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  const { id, frame } = event.data;
  const started = performance.now();
  const reply = async (): Promise<DecodeReply> => {
    try {
      const texts = validTexts(await readBarcodes(pixels(frame), DECODER_OPTIONS));
      return { id, ok: true, texts, decodeMs: performance.now() - started };
    } catch (error) {
      return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      frame.close();
    }
  };
  void reply().then((message) => self.postMessage(message));
});
