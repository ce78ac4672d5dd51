import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchApp } from '../../e2e/harness';
import type { LaunchedApp } from '../../e2e/harness';
import { MemorySecretStore } from '../../src-main/settings/secretStore';
import { startSimulator } from '../../src-main/simulator/simulator';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ASSETS = path.join(ROOT, 'dist/renderer/assets');
const SCANS = 30;
const WARM_UP = 3;
const IVAN = 83532824;

/** The page-side globals this benchmark touches; the Node tsconfig has no DOM library. */
interface BenchPage {
  performance: { timeOrigin: number; now(): number };
  requestAnimationFrame(callback: () => void): void;
  MutationObserver: new (callback: () => void) => { observe(target: object, options: object): void; disconnect(): void };
  document: { body: object; querySelector(selector: string): { textContent: string | null } | null };
  benchSeen?: Promise<{ inDom: number; painted: number }>;
  benchArrived?: number;
  kassa: { events: { onCheckout(listener: (view: { stage: string }) => void): () => void } };
}

export async function run(): Promise<void> {
  if (!existsSync(ASSETS)) {
    console.log('renderer: dist/renderer is missing; run `npm run build` first');
    return;
  }
  await bundleSize();
  await scanToBalance();
}

async function bundleSize(): Promise<void> {
  let raw = 0;
  let gzip = 0;
  for (const file of await readdir(ASSETS)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const body = await readFile(path.join(ASSETS, file));
    const packed = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += packed;
    console.log(`bundle ${file.replace(/-[\w-]{8}\./, '.')}: ${kb(body.length)} raw, ${kb(packed)} gzip`);
  }
  console.log(`bundle total (js+css, lazily loaded chunks included; the first load: npm run bench weight): ${kb(raw)} raw, ${kb(gzip)} gzip`);
}

/**
 * From `core.deliverScan` (the scanner's path in main) to the balance in the DOM and on the next
 * frame, with the simulator on loopback answering at once. Split where main emits the customer view
 * (before: decoding and one loopback balance request) and where the page receives it (between: the
 * harness's bridge, which carries pushes over the DevTools protocol, slower than Electron's IPC;
 * after: the store and React).
 */
async function scanToBalance(): Promise<void> {
  const simulator = await startSimulator();
  let app: LaunchedApp | null = null;
  try {
    app = await launchApp({ apiUrl: simulator.url, setup: 'ready', secretStore: new MemorySecretStore() });
    const { page, core } = app;
    const qr = simulator.issueQr(IVAN);
    const expected = String(simulator.balanceOf(IVAN));
    let emittedAt = 0;
    const unsubscribe = core.subscribe((event, payload) => {
      if (event === 'checkout' && (payload as { stage: string }).stage === 'customer') emittedAt = epochNow();
    });
    // Registered after the store's own listener, so it marks when the view reached the renderer.
    await page.evaluate(() => {
      const g = globalThis as unknown as BenchPage;
      g.kassa.events.onCheckout((view) => {
        if (view.stage === 'customer') g.benchArrived = g.performance.timeOrigin + g.performance.now();
      });
    });
    const total: number[] = [];
    const mainPart: number[] = [];
    const bridgePart: number[] = [];
    const reactPart: number[] = [];
    const painted: number[] = [];

    for (let i = 0; i < WARM_UP + SCANS; i += 1) {
      await app.invoke('checkout.clear');
      await page.getByTestId('customer-balance').waitFor({ state: 'detached' });
      await page.evaluate((balance) => {
        const g = globalThis as unknown as BenchPage;
        g.benchSeen = new Promise((resolve) => {
          const observer = new g.MutationObserver(() => {
            const shown = g.document.querySelector('[data-testid="customer-balance"]')?.textContent ?? '';
            if (shown.replace(/\D/g, '') !== balance) return;
            observer.disconnect();
            const inDom = g.performance.timeOrigin + g.performance.now();
            g.requestAnimationFrame(() => resolve({ inDom, painted: g.performance.timeOrigin + g.performance.now() }));
          });
          observer.observe(g.document.body, { subtree: true, childList: true, characterData: true });
        });
      }, expected);
      const start = epochNow();
      await core.deliverScan(qr);
      const seen = await page.evaluate(async () => {
        const g = globalThis as unknown as BenchPage;
        const shown = await g.benchSeen;
        return shown && g.benchArrived !== undefined ? { ...shown, arrived: g.benchArrived } : null;
      });
      if (!seen) throw new Error('renderer bench: the page did not report the balance');
      if (i < WARM_UP) continue;
      total.push(seen.inDom - start);
      mainPart.push(emittedAt - start);
      bridgePart.push(seen.arrived - emittedAt);
      reactPart.push(seen.inDom - seen.arrived);
      painted.push(seen.painted - start);
    }
    unsubscribe();
    console.log(`scan → balance in DOM (${SCANS} scans):      ${figures(total)}`);
    console.log(`  main: decode + loopback balance call:    ${figures(mainPart)}`);
    console.log(`  harness bridge push (DevTools protocol): ${figures(bridgePart)}`);
    console.log(`  store + React render to the DOM:         ${figures(reactPart)}`);
    console.log(`scan → balance on the next frame:          ${figures(painted)}`);
  } finally {
    await app?.close();
    await simulator.close();
  }
}

/** Milliseconds since the epoch with sub-millisecond resolution, comparable with the page's clock. */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

function figures(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
