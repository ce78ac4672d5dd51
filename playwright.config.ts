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
  // Ceilings against a hang, not speed goals: beside two CPU burners (npm run test:stress) a spec
  // that takes 3 s alone takes 20 s.
  timeout: 120_000,
  expect: { timeout: 20_000 },
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
