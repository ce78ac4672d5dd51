import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'e2e/**/*.spec.ts'],
    testTimeout: 30_000,
    // A ceiling for waits on the screen, not a speed goal: a loaded CI machine may take seconds.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
    // Playwright specs share one Chromium binary and the loopback simulator; two cores do not
    // gain from running many browsers at once.
    maxWorkers: 2,
  },
});
