import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_CUSTOMERS, DEMO_SHOP } from '../../src-main/simulator/demoData';
import { startSimulator } from '../../src-main/simulator/simulator';
import { staticClosure } from '../bundleClosure';
import { loadedFiles } from '../bundleLoaded';
import { versus } from '../benchGoal';

const root = path.resolve(import.meta.dirname, '../..');
const MAIN_GOAL = 250 * 1024;
const CLI_GOAL = 400 * 1024;
const RENDERER_GZIP_GOAL = 80 * 1024;

/** What the built app weighs where it matters: main's entry, the CLI's commands, the cashier's first page. */
export async function run(): Promise<void> {
  if (!existsSync(path.join(root, 'dist-electron/main.js')) || !existsSync(path.join(root, 'dist-cli')) || !existsSync(path.join(root, 'dist/renderer'))) {
    console.log('weight: the build is missing; run `npm run build` first');
    return;
  }
  await mainProcess();
  await commandLine();
  await renderer();
}

async function mainProcess(): Promise<void> {
  const dir = path.join(root, 'dist-electron');
  const entry = await sizeOf(path.join(dir, 'main.js'));
  const atStart = sum(await staticClosure([path.join(dir, 'main.js')]));
  const all = await filesUnder(dir, /\.js$/);
  console.log(`main.js (entry file):                      ${kb(entry)}`);
  // Shared modules (zod, the message tables, the journal) land in chunks main.js imports statically:
  // they load at start too, so the goal is read against all of them.
  console.log(`main at start (entry + its static chunks): ${kb(atStart)}  ${versus(`≤ ${kb(MAIN_GOAL)}`, atStart <= MAIN_GOAL)}`);
  console.log(`main in all (+ chunks loaded when needed): ${kb(all)}  (updater, local API server, demo simulator)`);
}

/** A clean machine's environment: none of the runner's own SKIDKABOT_* settings or proxies. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !name.startsWith('SKIDKABOT_') && !/^(https?|all|no)_proxy$/i.test(name));
  return { ...Object.fromEntries(kept), ...extra };
}

/**
 * What a till's commands load as they run (their lazily imported parts included), measured by
 * running the built CLI: `decode` of a scan, and a `checkout` with a redemption against the
 * built-in simulator on loopback.
 */
async function commandLine(): Promise<void> {
  const dir = path.join(root, 'dist-cli');
  const bin = path.join(root, 'bin', 'skidkabot-kassa.mjs');
  const simulator = await startSimulator();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-weight-cli-'));
  try {
    const customer = DEMO_CUSTOMERS[0];
    if (!customer) throw new Error('the simulator has no demo customer');
    const runs = {
      decode: await loadedFiles([bin, 'decode', simulator.issueQr(customer.client)], cleanEnv({})),
      checkout: await loadedFiles(
        [bin, 'checkout', '--qr', simulator.issueQr(customer.client), '--purchase', '1000', '--redeem', 'max'],
        cleanEnv({
          SKIDKABOT_DATA_DIR: dataDir,
          SKIDKABOT_API_URL: simulator.url,
          SKIDKABOT_SHOP: String(DEMO_SHOP.code),
          SKIDKABOT_SHOP_SECRET: String(DEMO_SHOP.secret),
          SKIDKABOT_KASSA: '2',
        }),
      ),
    };
    for (const [name, run] of Object.entries(runs)) {
      if (run.code !== 0) throw new Error(`skidkabot-kassa ${name} exited ${String(run.code)}: ${run.stderr}`);
    }
    const inCli = (files: readonly string[]) => files.filter((file) => file.startsWith(dir + path.sep));
    const size = async (files: readonly string[]) => {
      let total = 0;
      for (const file of new Set(inCli(files))) total += await sizeOf(file);
      return total;
    };
    const decode = await size(runs.decode.files);
    const checkout = await size(runs.checkout.files);
    const both = await size([...runs.decode.files, ...runs.checkout.files]);
    const all = await filesUnder(dir, /\.mjs$/);
    console.log(`CLI decode, as it runs:                    ${kb(decode)}  (${inCli(runs.decode.files).length} files of dist-cli)`);
    console.log(`CLI checkout, as it runs:                  ${kb(checkout)}  (${inCli(runs.checkout.files).length} files of dist-cli)`);
    console.log(`CLI decode + checkout together:            ${kb(both)}  ${versus(`≤ ${kb(CLI_GOAL)}`, both <= CLI_GOAL)}`);
    // The whole bundled CLI, every command's chunks: no command loads them all, but this is what ships.
    console.log(`CLI bundled, every command's chunks:       ${kb(all)}  ${versus(`≤ ${kb(CLI_GOAL)}`, all <= CLI_GOAL)}`);
  } finally {
    await simulator.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function renderer(): Promise<void> {
  const dir = path.join(root, 'dist/renderer');
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  const initial = await staticClosure(scripts.map((match) => path.join(dir, match[1] ?? '')));
  let raw = 0;
  let gzip = 0;
  for (const body of initial.values()) {
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  // A customer's panels and words load right after the first screen (CashierScreen asks for them on
  // mount): not before it is shown, but still at start, so they are counted here.
  const assets = await readdir(path.join(dir, 'assets'));
  const right = await staticClosure(assets.filter((file) => /^(ServingCustomer|ruCustomer)-.*\.js$/.test(file)).map((file) => path.join(dir, 'assets', file)));
  let afterGzip = 0;
  for (const [file, body] of right) if (!initial.has(file)) afterGzip += gzipSync(body, { level: 9 }).length;
  const allJs = await filesUnder(path.join(dir, 'assets'), /\.js$/);
  console.log(`renderer initial JS (${initial.size} files):            ${kb(raw)} raw, ${kb(gzip)} gzip  ${versus(`≤ ${kb(RENDERER_GZIP_GOAL)} gzip`, gzip <= RENDERER_GZIP_GOAL)}`);
  console.log(`renderer right after the first screen (a customer's panels and words): ${kb(afterGzip)} gzip more`);
  console.log(`renderer JS in all (lazy screens, English, camera): ${kb(allJs)} raw`);
}

async function filesUnder(dir: string, name: RegExp): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && name.test(entry.name)) total += await sizeOf(path.join(entry.parentPath, entry.name));
  }
  return total;
}

async function sizeOf(file: string): Promise<number> {
  return (await readFile(file)).length;
}

function sum(files: Map<string, Buffer>): number {
  let total = 0;
  for (const body of files.values()) total += body.length;
  return total;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
