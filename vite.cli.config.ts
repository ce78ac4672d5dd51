import path from 'node:path';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The command line as built JavaScript in dist-cli/: Node runs it through bin/skidkabot-kassa.mjs,
 * and the packaged app runs the same files for `--cli`, so a till needs neither tsx nor the sources.
 * Each command's code is its own chunk, loaded when that command runs (a `decode` starts quickly).
 */
export default defineConfig({
  root,
  publicDir: false,
  build: {
    ssr: path.join(root, 'src-main/cli/cliMain.ts'),
    outDir: path.join(root, 'dist-cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    rolldownOptions: {
      // Native modules load their .node files from disk; Node's own modules are always there.
      external: ['keytar', 'node-hid', ...builtinModules, /^node:/],
      output: { format: 'es', entryFileNames: 'skidkabot-kassa.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
    },
  },
  // Everything else is bundled: the package ships no zod or tsx.
  ssr: { noExternal: true, external: ['keytar', 'node-hid'] },
});
