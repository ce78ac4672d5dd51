import { test as base } from 'playwright/test';
import { startFaultySimulator, type FaultySimulator } from '../test-support/simulator/faultySimulator';
import { launchApp, type LaunchedApp, type LaunchOptions } from './harness';

export { expect } from 'playwright/test';

export interface TillFixtures {
  /** A fresh Skidkabot simulator on loopback for the test, closed after it. */
  simulator: FaultySimulator;
  /**
   * Starts the till on the test's simulator in the worker's shared Chromium. Every till it starts is
   * closed after the test, the ones a test restarts over the same data directory included.
   */
  launch: (options?: LaunchOptions) => Promise<LaunchedApp>;
  /** How the `app` fixture starts the till; `test.use({ tillOptions })` changes it for a file or describe block. */
  tillOptions: LaunchOptions;
  /** The till started with `tillOptions` (by default set up on shop 4, manager logged out). */
  app: LaunchedApp;
}

export const test = base.extend<TillFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter: an empty pattern when there are none.
  // eslint-disable-next-line no-empty-pattern
  simulator: async ({}, use) => {
    const simulator = await startFaultySimulator();
    await use(simulator);
    await simulator.close();
  },
  launch: async ({ browser, simulator }, use) => {
    const opened: LaunchedApp[] = [];
    await use(async (options = {}) => {
      const app = await launchApp({ apiUrl: simulator.url, browser, ...options });
      opened.push(app);
      return app;
    });
    for (const app of opened.reverse()) await app.close();
  },
  tillOptions: [{ setup: 'ready' }, { option: true }],
  app: async ({ launch, tillOptions }, use) => {
    await use(await launch(tillOptions));
  },
});
