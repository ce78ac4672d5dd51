import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staticClosure } from './bundleClosure';

let dir = '';
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('staticClosure', () => {
  it('follows static imports transitively, once each, and leaves dynamic imports and packages out', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'closure-'));
    const write = (name: string, body: string) => writeFile(path.join(dir, name), body);
    await write('main.js', 'import{a as e}from"./chunks/a.js";import "./side.js";import o from"node:path";const l=()=>import("./chunks/lazy.js");');
    await write('side.js', 'import{a}from"./chunks/a.js";');
    await mkdir(path.join(dir, 'chunks'));
    await write('chunks/a.js', 'import{b}from"../side.js";export const a=1;');
    await write('chunks/lazy.js', 'export const big=1;');
    const files = await staticClosure([path.join(dir, 'main.js')]);
    expect([...files.keys()].map((file) => path.relative(dir, file)).sort()).toEqual(['chunks/a.js', 'main.js', 'side.js']);
  });
});
