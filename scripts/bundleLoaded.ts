import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Records every ES module file the process loads, one file URL a line, to the file its env names. */
const RECORDER = `
import { appendFileSync } from 'node:fs';
const out = process.env.KASSA_LOADED_FILES;
export async function load(url, context, nextLoad) {
  if (out && url.startsWith('file:')) appendFileSync(out, url + '\\n');
  return nextLoad(url, context);
}
`;

export interface LoadedRun {
  code: number | null;
  stderr: string;
  /** Absolute paths of the files the run loaded. */
  files: string[];
}

/**
 * Runs `node <args>` and lists the module files it really loaded, dynamic imports included: what a
 * command costs as it runs, not what a static walk of its imports guesses.
 */
export async function loadedFiles(args: readonly string[], env: NodeJS.ProcessEnv): Promise<LoadedRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kassa-loaded-'));
  try {
    const hooks = path.join(dir, 'hooks.mjs');
    const list = path.join(dir, 'loaded.txt');
    await writeFile(hooks, RECORDER);
    await writeFile(list, '');
    const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(hooks).href)});`;
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', register, ...args], { env: { ...env, KASSA_LOADED_FILES: list }, stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
      child.on('error', reject);
      child.on('close', (exit) => resolve({ code: exit, stderr: errors }));
    });
    const urls = (await readFile(list, 'utf8')).split('\n').filter((line) => line !== '');
    return { code, stderr, files: [...new Set(urls.map((url) => fileURLToPath(url)))] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
