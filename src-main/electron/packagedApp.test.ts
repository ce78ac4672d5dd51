import { execFile } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * What a till receives: electron-builder packs the unpacked Linux app (`--linux dir`) from the built
 * dist/, dist-electron/ and dist-cli/ (`npm run build` comes first in `npm test`), with a stand-in
 * for the Electron distribution, which cannot be downloaded here. The stand-in has Electron's file
 * names and, in its "executable", the fuse sentinel and wire of a real Electron binary, so
 * electron-builder flips the fuses as it would in the real one.
 */

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const RESOURCES_BUDGET = 10 * 1024 * 1024;
const SCAN = '{"type":"Skidkabot","vendor":4,"client":83532824,"secret":31766}';

/** Electron's fuse wire as it ships in 45: version 1, then one '0'/'1' byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_WIRE = '10110001';
/** A fuse's state is its byte on the wire (@electron/fuses does not export its FuseState enum). */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) } as const;

let work: string;
let appDir: string;
let resources: string;
let asarPath: string;
let asarFiles: string[];

async function standInElectron(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([
    // Runs as a script that prints its arguments, one a line, so the launcher's call can be seen.
    Buffer.from('#!/bin/sh\nprintf \'%s\\n\' "$@"\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, STOCK_WIRE.length]),
    Buffer.from(STOCK_WIRE),
  ]);
  await writeFile(path.join(dir, 'electron'), binary, { mode: 0o755 });
  for (const name of ['chrome-sandbox', 'chrome_crashpad_handler', 'LICENSE', 'LICENSES.chromium.html', 'version']) {
    await writeFile(path.join(dir, name), 'stand-in\n');
  }
}

async function sizeOf(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(target)) total += await sizeOf(path.join(target, entry));
  return total;
}

beforeAll(async () => {
  for (const built of ['dist/renderer/index.html', 'dist-electron/main.js', 'dist-electron/preload.cjs', 'dist-cli/skidkabot-kassa.mjs']) {
    await access(path.join(root, built)).catch(() => {
      throw new Error(`${built} is missing: run \`npm run build\` before this test (npm test does).`);
    });
  }
  work = await mkdtemp(path.join(tmpdir(), 'kassa-pack-'));
  await standInElectron(path.join(work, 'electron'));
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--x64',
      '--config',
      'electron-builder.yml',
      `-c.electronDist=${path.join(work, 'electron')}`,
      `-c.directories.output=${path.join(work, 'out')}`,
      '--publish',
      'never',
    ],
    { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 16 * 1024 * 1024 },
  );
  appDir = path.join(work, 'out', 'linux-unpacked');
  resources = path.join(appDir, 'resources');
  asarPath = path.join(resources, 'app.asar');
  asarFiles = listPackage(asarPath, { isPack: false }).map((file) => file.replace(/^[/\\]/, '').split(path.sep).join('/'));
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the unpacked Linux app', () => {
  it('holds the built main, preload, renderer and command line in the asar', () => {
    expect(asarFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist-electron/main.js',
        'dist-electron/preload.cjs',
        'dist/renderer/index.html',
        'dist-cli/skidkabot-kassa.mjs',
      ]),
    );
    expect(asarFiles.some((file) => /^dist-cli\/chunks\/decode-[\w-]+\.mjs$/.test(file))).toBe(true);
    expect(asarFiles.some((file) => /^dist\/renderer\/assets\/.+\.js$/.test(file))).toBe(true);
  });

  it('holds every chunk main loads, at start or later (the updater, the local API, the demo)', () => {
    const wanted = ['dist-electron/main.js'];
    const seen = new Set<string>();
    for (let file = wanted.pop(); file !== undefined; file = wanted.pop()) {
      if (seen.has(file)) continue;
      expect(asarFiles, file).toContain(file);
      seen.add(file);
      const body = extractFile(asarPath, file).toString('utf8');
      for (const match of body.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
        wanted.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] ?? '')));
      }
    }
    for (const lazy of ['updater', 'server', 'simulator']) expect([...seen].some((file) => file.startsWith(`dist-electron/chunks/${lazy}-`)), lazy).toBe(true);
  });

  it('carries no development tools, bundled libraries or sources', () => {
    const packages = new Set(asarFiles.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, f.split('/')[1]?.startsWith('@') ? 3 : 2).join('/')));
    // Every devDependency, and the packages Vite and Playwright bring without package.json naming them.
    for (const dev of [...Object.keys(packageJson.devDependencies), 'esbuild', '@esbuild', 'rolldown', 'playwright-core']) {
      expect(packages, dev).not.toContain(dev);
    }
    expect(packages).toContain('keytar');
    expect(packages).toContain('node-hid');
    expect(asarFiles.filter((f) => /^src-|\.tsx?$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(asarFiles.filter((f) => f.startsWith('node_modules/node-hid/hidapi/') || f.startsWith('node_modules/node-hid/src/'))).toEqual([]);
    expect(asarFiles.filter((f) => /\.(c|cc|cpp|h|gyp)$/.test(f))).toEqual([]);
  });

  it('ships the demo simulator without the fault machinery the tests arm in it', () => {
    const code = new Map(asarFiles.filter((f) => /^dist[\w-]*\/.+\.[cm]?js$/.test(f)).map((f) => [f, extractFile(asarPath, f).toString('utf8')]));
    // The simulator's own 404 page: the demo simulator is there, in the app and in the command line.
    const withSimulator = [...code].filter(([, body]) => body.includes('The requested URL was not found on this server.')).map(([file]) => file.split('/')[0]);
    expect(new Set(withSimulator)).toEqual(new Set(['dist-electron', 'dist-cli']));
    // Fault kinds and the PHP notice text exist only in test-support/simulator/.
    for (const [file, body] of code) expect(body, file).not.toMatch(/drop-after-apply|malformed-json|Undefined index: kassa/);
  });

  it('keeps only the Linux x64 node-hid prebuilds', () => {
    const prebuilds = new Set(asarFiles.filter((f) => f.startsWith('node_modules/node-hid/prebuilds/')).map((f) => f.split('/')[3]));
    expect([...prebuilds].sort()).toEqual(['HID-linux-x64', 'HID_hidraw-linux-x64']);
  });

  it('unpacks every native .node file, so the OS can load it', async () => {
    const natives = asarFiles.filter((f) => f.endsWith('.node'));
    expect(natives.some((f) => f.startsWith('node_modules/keytar/'))).toBe(true);
    expect(natives.some((f) => f.startsWith('node_modules/node-hid/'))).toBe(true);
    for (const file of natives) {
      expect(statFile(asarPath, file), file).toMatchObject({ unpacked: true });
      await access(path.join(resources, 'app.asar.unpacked', file));
    }
  });

  it('declares only the native modules as what it needs at run time', async () => {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // Room for a runtime library that is not bundled (the updater), but nothing Vite bundles.
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['keytar', 'node-hid']));
    for (const bundled of ['react', 'react-dom', 'zod', 'zustand', 'js-yaml', 'tsx']) expect(manifest.dependencies).not.toHaveProperty(bundled);
  });

  it('ships the udev rule and the command-line launcher in resources', async () => {
    const rule = await readFile(path.join(resources, 'udev', '70-skidkabot-scanners.rules'), 'utf8');
    expect(rule).toBe(await readFile(path.join(root, 'assets/udev/70-skidkabot-scanners.rules'), 'utf8'));
    await access(path.join(resources, 'udev', 'README.md'));
    const launcher = await stat(path.join(resources, 'bin', 'skidkabot-kassa-cli'));
    expect(launcher.mode & 0o111).toBe(0o111);
    // The launcher finds the app two folders up from itself, by the executable name the config sets.
    await access(path.join(resources, 'bin', '..', '..', 'skidkabot-kassa'));
  });

  it('has the launcher run the app with --cli, through the link the deb puts on PATH', async () => {
    const bin = path.join(work, 'usr-bin');
    await mkdir(bin, { recursive: true });
    const link = path.join(bin, 'skidkabot-kassa-cli');
    await run('ln', ['-sf', path.join(resources, 'bin', 'skidkabot-kassa-cli'), link]);
    const words = ['decode', '--json', '--', "it's $(x) *"];
    const bare = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };
    const { stdout: headless } = await run(link, words, { env: bare });
    expect(headless.split('\n').slice(0, -1)).toEqual(['--ozone-platform=headless', '--cli', '--', ...words]);
    const { stdout: desktop } = await run(link, words, { env: { ...bare, DISPLAY: ':0' } });
    expect(desktop.split('\n').slice(0, -1)).toEqual(['--cli', '--', ...words]);
  });

  it('flips the security fuses in the executable', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'skidkabot-kassa'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('keeps resources/ within the 10 MB budget', async () => {
    const size = await sizeOf(resources);
    console.log(`resources/ of the unpacked Linux app: ${(size / 1024 / 1024).toFixed(2)} MB (budget 10 MB)`);
    expect(size).toBeLessThanOrEqual(RESOURCES_BUDGET);
  });

  it('runs the packed command line with nothing but the package (Node, no sources, no dev dependencies)', async () => {
    const extracted = path.join(work, 'extracted');
    extractAll(asarPath, extracted);
    const entry = pathToFileURL(path.join(extracted, 'dist-cli', 'skidkabot-kassa.mjs')).href;
    const script = `const cli = await import(${JSON.stringify(entry)}); process.exit(await cli.cliMain(['decode', '--json', ${JSON.stringify(SCAN)}]));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: work });
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, vendor: 4, client: 83532824 });
    // The native modules the package carries load from it (N-API: the same files serve Electron's Node).
    const load = `require(${JSON.stringify(path.join(extracted, 'node_modules/keytar'))}); require(${JSON.stringify(path.join(extracted, 'node_modules/node-hid'))}).devices();`;
    await run(process.execPath, ['-e', load], { cwd: work });
  });
});

/** fpm cannot be downloaded here, so the deb itself is not built; its inputs are checked instead. */
describe('the deb configuration', () => {
  const templates = path.join(root, 'node_modules/app-builder-lib/templates/linux');

  /** The template as electron-builder's FpmTarget fills it in (`${name}` macros). */
  function render(template: string): string {
    const values: Record<string, string> = { executable: 'skidkabot-kassa', sanitizedProductName: 'Скидкабот Касса' };
    return template.replace(/\$\{([a-zA-Z]+)\}/g, (_match, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`Macro ${name} is not defined`);
      return value;
    });
  }

  async function script(name: string): Promise<string> {
    const file = path.join(work, `${name}.sh`);
    const text = render(await readFile(path.join(root, 'assets/linux', `${name}.tpl`), 'utf8'));
    await writeFile(file, text);
    await chmod(file, 0o755);
    await run('bash', ['-n', file]);
    return text;
  }

  it("keeps electron-builder's own after-install and after-remove steps, word for word", async () => {
    for (const name of ['after-install', 'after-remove']) {
      const stock = (await readFile(path.join(templates, `${name}.tpl`), 'utf8')).replace(/^#!.*\n/, '').trim();
      expect(await readFile(path.join(root, 'assets/linux', `${name}.tpl`), 'utf8')).toContain(stock);
    }
  });

  it('reloads udev after install and after removal, and links and unlinks the command line', async () => {
    const install = await script('after-install');
    expect(install).toMatch(/udevadm control --reload-rules/);
    expect(install).toMatch(/udevadm trigger --action=change --subsystem-match=hidraw/);
    expect(install).toContain("ln -sf '/opt/Скидкабот Касса/resources/bin/skidkabot-kassa-cli' '/usr/bin/skidkabot-kassa-cli'");
    const remove = await script('after-remove');
    expect(remove).toMatch(/udevadm control --reload-rules/);
    expect(remove).toContain("rm -f '/usr/bin/skidkabot-kassa-cli'");
  });

  // Staged by this test in fpm's place: it shows that dpkg accepts the Depends relations, the
  // maintainer and the scripts, and where the rule lands; fpm's own control file is not seen here.
  it('builds a package dpkg-deb accepts from the unpacked app, the rule mapping and the scripts', async () => {
    const { load } = await import('js-yaml');
    const config = load(await readFile(path.join(root, 'electron-builder.yml'), 'utf8')) as {
      linux: { maintainer: string; synopsis: string };
      deb: { depends: string[]; recommends: string[]; fpm: string[] };
    };
    const stage = path.join(work, 'deb');
    await mkdir(path.join(stage, 'DEBIAN'), { recursive: true });
    const control = [
      'Package: skidkabot-kassa',
      'Version: 0.1.0',
      'Architecture: amd64',
      `Maintainer: ${config.linux.maintainer}`,
      `Depends: ${config.deb.depends.join(', ')}`,
      `Recommends: ${config.deb.recommends.join(', ')}`,
      `Description: ${config.linux.synopsis}`,
      '',
    ].join('\n');
    await writeFile(path.join(stage, 'DEBIAN', 'control'), control);
    await writeFile(path.join(stage, 'DEBIAN', 'postinst'), await script('after-install'), { mode: 0o755 });
    await writeFile(path.join(stage, 'DEBIAN', 'postrm'), await script('after-remove'), { mode: 0o755 });
    for (const mapping of config.deb.fpm) {
      const [from, to] = mapping.split('=') as [string, string];
      await mkdir(path.join(stage, path.dirname(to)), { recursive: true });
      await writeFile(path.join(stage, to), await readFile(path.join(root, from)));
    }
    await mkdir(path.join(stage, 'opt'), { recursive: true });
    await run('cp', ['-a', appDir, path.join(stage, 'opt', 'Скидкабот Касса')]);
    const deb = path.join(work, 'kassa.deb');
    await run('dpkg-deb', ['--root-owner-group', '--build', stage, deb]);
    const { stdout: fields } = await run('dpkg-deb', ['--field', deb, 'Depends', 'Maintainer']);
    expect(fields).toMatch(/libsecret-1-0/);
    expect(fields).toMatch(/libusb-1\.0-0/);
    expect(fields).toMatch(/libgbm1/);
    expect(fields).toMatch(/Maintainer: .+ <[^@\s]+@[^>\s]+>/);
    const { stdout: contents } = await run('dpkg-deb', ['--contents', deb]);
    expect(contents).toMatch(/\.\/usr\/lib\/udev\/rules\.d\/70-skidkabot-scanners\.rules/);
    expect(contents).toMatch(/\.\/opt\/Скидкабот Касса\/resources\/bin\/skidkabot-kassa-cli/);
  });
});
