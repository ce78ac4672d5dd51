import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles } from '../../test-support/net/fileServer';
import type { FileServer } from '../../test-support/net/fileServer';
import { closedPort } from '../../test-support/skidkabot/closedPort';
import { FeedClient } from './feedClient';

const INSTALLER = Buffer.from('MZ… a real installer would be here …'.repeat(2000));
const SHA512 = createHash('sha512').update(INSTALLER).digest('base64');

/** What a served feed folder holds: path → [content type, body]. */
let files: Record<string, [string, string | Buffer]> = {};
let server: FileServer;
let base: string;
let dir: string;

const yaml = (version: string, file: string, sha512 = SHA512): string =>
  `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${sha512}\n    size: ${INSTALLER.length}\npath: ${file}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T10:00:00.000Z'\n`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'skidkabot-feed-'));
  server = await serveFiles(() => Object.fromEntries(Object.entries(files).map(([name, [type, body]]) => [name, { type, body }])));
  base = `${server.origin}/feed/`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

describe('a feed served on loopback, read and verified by electron-updater’s own code', () => {
  it('reads latest-linux.yml, downloads the installer and accepts it when the sha512 matches', async () => {
    files = {
      '/feed/latest-linux.yml': ['text/yaml', yaml('0.2.0', 'Skidkabot-Kassa-0.2.0.AppImage')],
      '/feed/Skidkabot-Kassa-0.2.0.AppImage': ['application/octet-stream', INSTALLER],
    };
    const client = new FeedClient(base, 'linux');
    const release = await client.latest();
    expect(release).toEqual({
      ok: true,
      value: { version: '0.2.0', file: { url: `${base}Skidkabot-Kassa-0.2.0.AppImage`, sha512: SHA512, size: INSTALLER.length } },
    });
    if (!release.ok) return;
    const progress: number[] = [];
    const target = path.join(dir, 'good.AppImage');
    expect(await client.download(release.value, target, (percent) => progress.push(percent))).toEqual({ ok: true, value: target });
    expect(readFileSync(target).equals(INSTALLER)).toBe(true);
  });

  it('Windows reads latest.yml', async () => {
    files = { '/feed/latest.yml': ['text/yaml', yaml('0.3.1', 'Skidkabot-Kassa-Setup-0.3.1.exe')] };
    expect(await new FeedClient(base, 'win32').latest()).toMatchObject({ ok: true, value: { version: '0.3.1' } });
  });

  it('a file that differs from the feed’s sha512 (corrupted or swapped) is refused', async () => {
    const corrupted = Buffer.from(INSTALLER);
    corrupted[100] = (corrupted[100] ?? 0) ^ 0xff;
    files = {
      '/feed/latest-linux.yml': ['text/yaml', yaml('0.2.0', 'Skidkabot-Kassa-0.2.0.AppImage')],
      '/feed/Skidkabot-Kassa-0.2.0.AppImage': ['application/octet-stream', corrupted],
    };
    const client = new FeedClient(base, 'linux');
    const release = await client.latest();
    if (!release.ok) throw new Error('feed not read');
    const result = await client.download(release.value, path.join(dir, 'bad.AppImage'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', key: 'update.checksum', message: expect.stringContaining('не совпало с контрольной суммой (sha512)') as unknown } });
  });

  it('an installer missing from the server (404)', async () => {
    files = { '/feed/latest-linux.yml': ['text/yaml', yaml('0.2.0', 'gone.AppImage')] };
    const client = new FeedClient(base, 'linux');
    const release = await client.latest();
    if (!release.ok) throw new Error('feed not read');
    expect(await client.download(release.value, path.join(dir, 'gone.AppImage'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('не найден на сервере (404)') as unknown } });
  });

  it('no channel file at the address', async () => {
    files = {};
    expect(await new FeedClient(base, 'linux').latest()).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringContaining('нет файла latest.yml') as unknown } });
  });

  it.each([
    ['an HTML page', '<!doctype html><html><head><title>Shop portal</title></head><body>Login</body></html>'],
    ['YAML without a version', 'files: []\n'],
    ['a version that is not one', yaml('latest', 'x.AppImage')],
    ['no sha512', 'version: 0.2.0\nfiles:\n  - url: x.AppImage\n'],
    ['broken YAML', 'version: [0.2.0\n  files: {'],
  ])('%s instead of a feed', async (_name, body) => {
    files = { '/feed/latest-linux.yml': ['text/html', body] };
    expect(await new FeedClient(base, 'linux').latest()).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringContaining('нет ленты обновлений') as unknown } });
  });

  it('a feed server that is not there', async () => {
    const port = await closedPort();
    // GenericProvider retries a refused connection three times (0 + 1 + 2 s), as it does in the app.
    expect(await new FeedClient(`http://127.0.0.1:${port}/`, 'linux').latest()).toMatchObject({ ok: false, error: { kind: 'network' } });
  }, 10_000);
});
