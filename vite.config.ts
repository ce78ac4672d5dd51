import { rm } from 'node:fs/promises';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import electron from 'vite-plugin-electron/simple';
import { cspMetaTag } from './src-main/electron/hardening';

const root = import.meta.dirname;
const electronOut = path.join(root, 'dist-electron');
/** Native modules stay outside the bundle: they load their .node files from disk (unpacked from asar). */
const nativeModules = ['keytar', 'node-hid'];

/** One CSP for the header main sends and the meta tag: the build writes the tag from the same constant. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'kassa:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const bare = html.replace(/[ \t]*<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>[ \t]*\r?\n?/gi, '');
        const anchor = /<meta\s+charset=[^>]*>/i.test(bare) ? /(<meta\s+charset=[^>]*>)/i : /(<head>)/i;
        return bare.replace(anchor, `$1\n    ${cspMetaTag()}`);
      },
    },
  };
}

/** main and the preload share dist-electron/, so it is not emptied; hashed chunks of older builds would pile up in the package. */
function emptyChunksDir(): Plugin {
  return {
    name: 'kassa:empty-main-chunks',
    apply: 'build',
    buildStart: async () => rm(path.join(electronOut, 'chunks'), { recursive: true, force: true }),
  };
}

export default defineConfig({
  root: path.join(root, 'src-renderer'),
  // Relative asset URLs: the same build loads from app://kassa/ in Electron and from the harness's server.
  base: './',
  publicDir: false,
  plugins: [
    react(),
    contentSecurityPolicyMeta(),
    electron({
      main: {
        entry: path.join(root, 'src-main/electron/main.ts'),
        vite: {
          root,
          // Minified like the CLI: main.js is read on every start. Parts loaded only when needed
          // (the updater, the OpenAPI document) go to chunks/, which each build empties first.
          plugins: [emptyChunksDir()],
          build: {
            outDir: electronOut,
            emptyOutDir: false,
            // Vite keeps whitespace in an ES library build; main is an application, not a library.
            rolldownOptions: { external: nativeModules, output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
          },
        },
      },
      preload: {
        input: path.join(root, 'src-main/electron/preload.ts'),
        vite: {
          root,
          build: {
            outDir: electronOut,
            emptyOutDir: false,
            // A sandboxed preload must be one CommonJS file; in a "type": "module" package the
            // plugin would name it .mjs, which Electron would then try to load as ESM.
            rolldownOptions: { output: { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false } },
          },
        },
      },
    }),
  ],
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    // Chromium preloads modules itself; the polyfill would only add to the cashier's first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: path.join(root, 'src-renderer/index.html'),
      // What the cashier's first screen needs, in one file: small shared chunks would each be a request
      // and compress apart. Chunks loaded later (manager, English, camera, a customer's panels) import from it.
      output: { codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] } },
    },
  },
});
