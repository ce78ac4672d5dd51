import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { staticClosure } from '../bundleClosure';

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
  console.log(`main.js (entry file):                      ${kb(entry)}  (goal ≤ ${kb(MAIN_GOAL)}: ${verdict(entry <= MAIN_GOAL)})`);
  // Shared modules (zod, the message tables, the journal) land in chunks main.js imports statically: they load at start too.
  console.log(`main at start (entry + its static chunks): ${kb(atStart)}  (against the same ${kb(MAIN_GOAL)}: ${verdict(atStart <= MAIN_GOAL)})`);
  console.log(`main in all (+ chunks loaded when needed): ${kb(all)}  (updater, local API server, demo simulator)`);
}

async function commandLine(): Promise<void> {
  const dir = path.join(root, 'dist-cli');
  const entry = path.join(dir, 'skidkabot-kassa.mjs');
  const chunks = await readdir(path.join(dir, 'chunks'));
  const command = (name: string): string => {
    const file = chunks.find((chunk) => chunk.startsWith(`${name}-`));
    if (!file) throw new Error(`dist-cli has no chunk for the ${name} command`);
    return path.join(dir, 'chunks', file);
  };
  const decode = sum(await staticClosure([entry, command('decode')]));
  const checkout = sum(await staticClosure([entry, command('checkout')]));
  const both = sum(await staticClosure([entry, command('decode'), command('checkout')]));
  const all = await filesUnder(dir, /\.mjs$/);
  console.log(`CLI decode (entry + what it loads):        ${kb(decode)}`);
  console.log(`CLI checkout (entry + what it loads):      ${kb(checkout)}`);
  console.log(`CLI decode + checkout together:            ${kb(both)}  (goal ≤ ${kb(CLI_GOAL)}: ${verdict(both <= CLI_GOAL)})`);
  console.log(`CLI, every command's chunks:               ${kb(all)}`);
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
  const allJs = await filesUnder(path.join(dir, 'assets'), /\.js$/);
  console.log(`renderer initial JS (${initial.size} files):            ${kb(raw)} raw, ${kb(gzip)} gzip  (goal ≤ ${kb(RENDERER_GZIP_GOAL)} gzip: ${verdict(gzip <= RENDERER_GZIP_GOAL)})`);
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

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
