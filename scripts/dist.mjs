#!/usr/bin/env node
// Builds the app (`npm run build`) and the installers of one OS with electron-builder: `node scripts/dist.mjs [linux|win] [electron-builder options]`.
// linux: AppImage and deb (x64); win: NSIS (x64). electron-builder.yml configures no macOS installer.
// Only the host's own OS: keytar's .node file comes from `npm ci` on the build host (npmRebuild is off,
// both native modules are N-API prebuilds), so an installer built for another OS would carry a
// library its till cannot load. Build each target on its own OS (or CI runner).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const HOST = { linux: 'linux', win32: 'win' }[process.platform] ?? process.platform;
const [first, ...rest] = process.argv.slice(2);
const target = first && !first.startsWith('-') ? first : HOST;
const passThrough = first && !first.startsWith('-') ? rest : process.argv.slice(2);

if (!['linux', 'win'].includes(target ?? '')) {
  console.error(`No installer is configured for "${target}": use linux or win.`);
  process.exit(2);
}
if (target !== HOST) {
  console.error(
    `Installers for ${target} are built on ${target} itself, not on ${process.platform}: the native keytar module ` +
      'in node_modules is the build host\'s. Run `npm ci && npm run dist` on that OS.',
  );
  process.exit(2);
}
// npm is a .cmd on Windows, which only a shell starts.
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const result = spawnSync(process.execPath, [cli, `--${target}`, '--publish', 'never', ...passThrough], { stdio: 'inherit' });
process.exit(result.status ?? 1);
