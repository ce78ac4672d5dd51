import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { DECODER_OPTIONS, validTexts } from '../../src-shared/camera/decoderOptions';

let prepared: Promise<unknown> | null = null;

/** The till's decoder (same library, same options) under Node, with the .wasm read from node_modules. */
async function prepare(): Promise<void> {
  prepared ??= (async () => {
    const wasm = await readFile(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  await prepared;
}

export async function decodeImage(image: { data: Uint8ClampedArray; width: number; height: number; colorSpace: 'srgb' }): Promise<string[]> {
  await prepare();
  return validTexts(await readBarcodes(image, DECODER_OPTIONS));
}
