import { defineConfig } from 'playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

/**
 * The end-to-end specs: the real renderer in Debian's Chromium over the real main-process core
 * (e2e/harness.ts). Unit and integration tests stay with Vitest (vitest.config.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Traces and failure screenshots; the harness's own screenshots go to test-results/screenshots,
  // which this folder must not contain, because Playwright empties it before a run.
  outputDir: 'test-results/playwright',
  // A ceiling for one test on a loaded CI machine, not a speed goal.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: one Chromium per core; each test opens its own window in its worker's browser.
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [
    [process.env['CI'] ? 'line' : 'list'],
    ['html', { open: 'never', outputFolder: 'test-results/playwright-report' }],
    ['json', { outputFile: 'test-results/playwright.json' }],
  ],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
