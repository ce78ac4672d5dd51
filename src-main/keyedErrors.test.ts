import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.test\.ts$|\.d\.ts$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/**
 * An error written straight in Russian reaches an English screen as a generic sentence and the
 * English CLI in Russian. Main builds errors from keys (codedError); this keeps it that way.
 */
describe('errors main and shared code build', () => {
  it('are keyed: no appError with Russian words written in place', async () => {
    const found: string[] = [];
    for (const file of [...(await sources('src-main')), ...(await sources('src-shared'))]) {
      const text = await readFile(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/appError\(\s*'[a-z-]+',\s*(['`"])([^'`"]*)/g)) {
        if (/[\u0400-\u04ff]/.test(match[2] ?? '')) found.push(`${file}: ${match[0].slice(0, 80)}`);
      }
    }
    expect(found).toEqual([]);
  });
});
