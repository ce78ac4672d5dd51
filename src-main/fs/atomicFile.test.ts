import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncDirectory, writeFileAtomically } from './atomicFile';
import { errnoCode } from './errnoCode';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'atomic-file-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('writes text and bytes, replacing what was there, and leaves no temp file', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, 'old');
    await writeFileAtomically(file, 'новое содержимое');
    expect(await readFile(file, 'utf8')).toBe('новое содержимое');
    await writeFileAtomically(file, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('creates the folder and gives the file to its owner only', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'secret.json');
    await writeFileAtomically(file, '{}');
    expect(await readFile(file, 'utf8')).toBe('{}');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('on a failed rename keeps the target as it was and removes the temp file', async () => {
    const target = path.join(dir, 'taken');
    await mkdir(target);
    await writeFile(path.join(target, 'inside'), 'kept');
    await expect(writeFileAtomically(target, 'new')).rejects.toSatisfy((error) => errnoCode(error) !== undefined);
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(path.join(target, 'inside'), 'utf8')).toBe('kept');
  });
});

describe('syncDirectory', () => {
  it('flushes an existing folder and reports a missing one', async () => {
    await expect(syncDirectory(dir)).resolves.toBeUndefined();
    if (process.platform !== 'win32') {
      await expect(syncDirectory(path.join(dir, 'missing'))).rejects.toSatisfy((error) => errnoCode(error) === 'ENOENT');
    }
  });
});

describe('errnoCode', () => {
  it('reads only a string code', () => {
    expect(errnoCode(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('ENOSPC');
    expect(errnoCode({ code: 28 })).toBeUndefined();
    expect(errnoCode(new Error('no code'))).toBeUndefined();
    expect(errnoCode(null)).toBeUndefined();
    expect(errnoCode('ENOENT')).toBeUndefined();
  });
});
