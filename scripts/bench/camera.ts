import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { launchApp } from '../../e2e/harness';
import { CAMERA_FORMAT, PLACEMENTS, writeCameraClip, type PlacementName } from '../../test-support/camera/cameraClips';
import { decodeImage } from '../../test-support/camera/nodeDecoder';
import { lumaToImageData, qrLuma } from '../../test-support/camera/qrFrames';
import { MemorySecretStore } from '../../src-main/settings/secretStore';
import { startSimulator } from '../../src-main/simulator/simulator';
import { median } from '../benchGoal';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const IVAN = 83532824;
const FRAMES = 40;
const RUNS = 3;

export async function run(): Promise<void> {
  await decodeRateInNode();
  if (!existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
    console.log('camera: dist/renderer is missing; run `npm run build` first for the browser figures');
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-camera-bench-'));
  try {
    await decodeRateInBrowser(dir);
    await qrToCustomer(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The till's decoder (zxing-wasm, same options) on one thread, as the worker runs it: 640×480 frames. */
async function decodeRateInNode(): Promise<void> {
  const text = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';
  await decodeImage(lumaToImageData(CAMERA_FORMAT, qrLuma(CAMERA_FORMAT, text, PLACEMENTS.centred)));
  const cases: [string, string | null, (typeof PLACEMENTS)[PlacementName]][] = [
    ...(Object.entries(PLACEMENTS) as [PlacementName, (typeof PLACEMENTS)[PlacementName]][]).map(
      ([name, placement]) => [name, text, placement] as [string, string, (typeof PLACEMENTS)[PlacementName]],
    ),
    ['no QR in view', null, PLACEMENTS.noisy],
  ];
  for (const [name, shown, placement] of cases) {
    const frames = Array.from({ length: 8 }, (_, i) => lumaToImageData(CAMERA_FORMAT, qrLuma(CAMERA_FORMAT, shown, placement, i + 1)));
    let found = 0;
    const start = performance.now();
    for (let i = 0; i < FRAMES; i++) {
      const frame = frames[i % frames.length];
      if (frame && (await decodeImage(frame)).length > 0) found++;
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(`decode 640×480 in Node, ${name}: ${(FRAMES / seconds).toFixed(1)} frames/s (${((seconds * 1000) / FRAMES).toFixed(1)} ms/frame), QR found in ${found}/${FRAMES}`);
  }
}

/** Frames/s the app's worker decodes in Chromium from a 30 frames/s fake camera with nothing in view (the costliest case). */
async function decodeRateInBrowser(dir: string): Promise<void> {
  const simulator = await startSimulator();
  const y4m = await writeCameraClip(dir, 'empty-30fps', null, PLACEMENTS.noisy, { frames: 30, fps: 30 });
  const app = await launchApp({ apiUrl: simulator.url, setup: 'ready', secretStore: new MemorySecretStore(null), camera: { y4m } });
  try {
    await app.page.keyboard.press('F6');
    const status = app.page.locator('[data-fps]');
    await status.waitFor();
    const readings: number[] = [];
    for (let i = 0; i < 6; i++) {
      await app.page.waitForTimeout(1000);
      const fps = Number(await status.getAttribute('data-fps'));
      if (fps > 0) readings.push(fps);
    }
    console.log(`decode 640×480 in the app's worker (Chromium, fake camera at 30 frames/s): ${readings.join(', ')} frames/s, one reading a second`);
  } finally {
    await app.close();
    await simulator.close();
  }
}

/**
 * From the first camera frame with the QR in view (its presentation time, seen by a frame callback
 * of the bench on the same video) to the customer's name in the DOM: decoding, scan.submit, the
 * shop check, one loopback balance request and React. The clip shows 3 s of empty view first.
 */
async function qrToCustomer(dir: string): Promise<void> {
  const simulator = await startSimulator();
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const y4m = await writeCameraClip(dir, `ivan-${run}`, simulator.issueQr(IVAN), PLACEMENTS.centred, { frames: 10, blankFrames: 30 });
      const app = await launchApp({ apiUrl: simulator.url, setup: 'ready', secretStore: new MemorySecretStore(null), camera: { y4m } });
      try {
        await app.page.keyboard.press('F6');
        await app.page.locator('[data-testid="camera-panel"] video').waitFor();
        const result = await app.page.evaluate<{ qrAt: number; shownAt: number }>(WATCH_SCRIPT);
        times.push(result.shownAt - result.qrAt);
      } finally {
        await app.close();
      }
    }
  } finally {
    await simulator.close();
  }
  console.log(
    `first frame with the QR in view → customer on screen: median ${Math.round(median(times))} ms ` +
      `(runs: ${times.map((t) => Math.round(t)).join(', ')} ms; camera at 10 frames/s)`,
  );
}

/** Runs in the page (a string: the Node tsconfig has no DOM types). The QR's light modules brighten the frame's centre (the empty view is mid-grey). */
const WATCH_SCRIPT = `new Promise((resolve, reject) => {
  const video = document.querySelector('[data-testid="camera-panel"] video');
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 48;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const result = {};
  const onFrame = (now) => {
    if (result.qrAt !== undefined) return;
    context.drawImage(video, 0, 0, 64, 48);
    const pixels = context.getImageData(24, 18, 16, 12).data;
    let bright = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] > 200) bright++;
    if (bright > 5) result.qrAt = now;
    else video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  const observer = new MutationObserver(() => {
    if (result.qrAt === undefined || !document.querySelector('[data-testid="customer-name"]')) return;
    observer.disconnect();
    resolve({ qrAt: result.qrAt, shownAt: performance.now() });
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  setTimeout(() => reject(new Error('no customer within 20 s')), 20000);
})`;
