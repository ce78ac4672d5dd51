import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import path from 'node:path';

const root = import.meta.dirname;
const under = (folder) => path.join(root, folder, '**');

// Import zones between the processes and test support. Imports are resolved to files, so a
// zone holds however deep the `../` chain is; lint-probes/ proves that each zone bites.
const zones = {
  shared: {
    target: 'src-shared',
    from: ['src-main', 'src-renderer'],
    message: 'src-shared runs in both processes: it imports only itself.',
  },
  renderer: {
    target: 'src-renderer',
    from: path.join(root, '**'),
    except: [under('src-renderer'), under('src-shared'), under('node_modules'), under('test-support')],
    message: 'The renderer imports only src-shared, its own files and browser packages.',
  },
  main: {
    target: 'src-main',
    from: ['src-renderer'],
    message: 'src-main may import src-shared, never the renderer.',
  },
  // Test files get every zone but this one.
  product: {
    target: ['src-main', 'src-shared', 'src-renderer'],
    from: ['test-support/**', 'e2e/**', 'scripts/**', '**/*.test.*'],
    message: 'Product code never imports test support or tests.',
  },
};
const testFiles = ['**/*.test.{ts,tsx}'];
const restrictedPaths = (...active) => ['error', { basePath: root, zones: active }];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'dist-cli', 'release', 'test-results', 'playwright-report', 'lint-probes'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Counts and amounts are shown in messages; only objects and nullish values are mistakes there.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}`: a shorthand arrow around a void call is the React idiom.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'import-x/no-restricted-paths': restrictedPaths(zones.shared, zones.renderer, zones.main, zones.product),
    },
  },
  {
    files: testFiles,
    rules: {
      'import-x/no-restricted-paths': restrictedPaths(zones.shared, zones.renderer, zones.main),
    },
  },
  {
    // Plain JavaScript files belong to no tsconfig.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { patterns: [{ regex: '^electron(/|$)' }] }],
    },
  },
  {
    // src-shared runs in both processes: plain TypeScript only.
    files: ['src-shared/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(electron|react|react-dom)(/|$)' }] }],
    },
  },
  {
    // Only the Electron glue files may import electron at run time; services stay testable under Node.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', allowTypeImports: true }] }],
    },
  },
);
