import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { anyText, textMatching } from '../../test-support/matchers';

const root = path.resolve(import.meta.dirname, '../..');
const configFile = path.join(root, 'electron-builder.yml');

async function readConfig(): Promise<Record<string, unknown>> {
  const parsed = load(await readFile(configFile, 'utf8'), { filename: configFile });
  if (typeof parsed !== 'object' || parsed === null) throw new Error('electron-builder.yml is not a mapping');
  return parsed as Record<string, unknown>;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** electron-builder's scheme, compiled as its own schemaValidator does (without its type coercion). */
async function compileScheme(): Promise<ValidateFunction> {
  const schema = JSON.parse(await readFile(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  let validate: ValidateFunction;
  beforeAll(async () => {
    validate = await compileScheme();
  });

  it("matches electron-builder's own JSON schema", async () => {
    const valid = validate(await readConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt option, so the schema check can fail', async () => {
    expect(validate({ ...(await readConfig()), electronFusez: {} })).toBe(false);
  });

  it('names the product, targets Windows NSIS x64 and Linux AppImage and deb', async () => {
    const config = await readConfig();
    expect(config['productName']).toBe('Скидкабот Касса');
    expect(config['win']).toMatchObject({ target: [{ target: 'nsis', arch: ['x64'] }] });
    expect(config['linux']).toMatchObject({ target: [{ target: 'AppImage' }, { target: 'deb' }] });
    expect(config['npmRebuild']).toBe(false);
    expect(config['files']).toEqual(expect.arrayContaining(['dist/**/*', 'dist-electron/**/*', 'dist-cli/**/*', 'package.json']));
  });

  it('builds the AppImage with the toolset whose runtime needs no libfuse2', async () => {
    // 0.0.0 (the default) is the FUSE2 runtime; 1.0.x carry the static type-2 runtime.
    expect((await readConfig())['toolsets']).toMatchObject({ appimage: textMatching(/^1\./) });
  });

  it('writes the generic update feed (latest.yml) beside the installers, which electron-updater reads', async () => {
    expect((await readConfig())['publish']).toEqual([expect.objectContaining({ provider: 'generic' })]);
  });

  it('puts a command-line launcher beside the Windows executable', async () => {
    const win = (await readConfig())['win'] as { executableName: string; extraFiles: { from: string; to: string; filter: string[] }[] };
    expect(win.extraFiles).toContainEqual({ from: 'assets/win', to: '.', filter: ['skidkabot-kassa-cli.cmd'] });
    const cmd = await readFile(path.join(root, 'assets/win/skidkabot-kassa-cli.cmd'), 'utf8');
    // cmd.exe wants CRLF; the launcher passes every word through and returns the exit code.
    expect(cmd.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(cmd).toContain(`"%~dp0${win.executableName}.exe" --cli -- %*`);
    expect(cmd).toContain('exit /b %ERRORLEVEL%');
  });

  it('gives the deb our maintainer scripts and the package a homepage and a maintainer with an address', async () => {
    const config = await readConfig();
    expect(config['deb']).toMatchObject({ afterInstall: 'assets/linux/after-install.tpl', afterRemove: 'assets/linux/after-remove.tpl' });
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['homepage']).toMatch(/^https:\/\//);
    expect(manifest['author']).toMatchObject({ name: anyText(), email: textMatching(/^[^@\s]+@[^@\s]+$/) });
    expect(manifest['engines']).toEqual({ node: '^20.19.0 || >=22.12.0' });
  });

  it('unpacks the native modules from asar', async () => {
    const unpack = (await readConfig())['asarUnpack'];
    expect(unpack).toEqual(expect.arrayContaining(['node_modules/keytar/**/*.node', 'node_modules/node-hid/**/*.node']));
  });

  it('sets the security fuses', async () => {
    expect((await readConfig())['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('tells macOS why the till uses the camera', async () => {
    const mac = (await readConfig())['mac'] as { extendInfo?: Record<string, unknown> } | undefined;
    expect(mac?.extendInfo?.['NSCameraUsageDescription']).toMatch(/^Камера считывает QR-код/);
  });

  it('points at icons that exist in the sizes each target needs', async () => {
    const config = await readConfig();
    const [width, height] = pngSize(await readFile(path.join(root, String(config['icon']))));
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(512);

    const linuxDir = path.join(root, String((config['linux'] as Record<string, unknown>)['icon']));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(await readFile(path.join(linuxDir, `${size}x${size}.png`)))).toEqual([size, size]);
    }

    // ICONDIR: reserved 0, type 1, count; then 16-byte entries whose first byte is the width (0 means 256).
    const ico = await readFile(path.join(root, String((config['win'] as Record<string, unknown>)['icon'])));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));

    expect(await readFile(path.join(root, 'assets/icon.svg'), 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 512 512"/);
  });
});
