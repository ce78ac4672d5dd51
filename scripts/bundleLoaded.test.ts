import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadedFiles } from './bundleLoaded';

let dir = '';
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('loadedFiles', () => {
  it('lists the files a run really loads, dynamic imports included, and not the ones it never reaches', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'loaded-'));
    const write = (name: string, body: string) => writeFile(path.join(dir, name), body);
    await mkdir(path.join(dir, 'chunks'));
    await write('main.mjs', 'import{a}from"./chunks/a.mjs";const{b}=await import("./chunks/lazy.mjs");if(a+b!==3)process.exit(1);if(process.argv[2]==="never")await import("./chunks/never.mjs");');
    await write('chunks/a.mjs', 'export const a=1;');
    await write('chunks/lazy.mjs', 'export const b=2;');
    await write('chunks/never.mjs', 'export const c=3;');
    const run = await loadedFiles([path.join(dir, 'main.mjs')], process.env);
    expect(run.code).toBe(0);
    const ours = run.files.filter((file) => file.startsWith(dir)).map((file) => path.relative(dir, file));
    expect(ours.sort()).toEqual(['chunks/a.mjs', 'chunks/lazy.mjs', 'main.mjs']);
  });
});
