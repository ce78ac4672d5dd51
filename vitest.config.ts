import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'test-support/**/*.test.ts', 'scripts/**/*.test.ts'],
    // A ceiling against a hang, not a speed goal: on a loaded machine (npm run test:stress) a test
    // that starts the CLI three times takes over 30 s.
    testTimeout: 120_000,
    // A ceiling for polled waits, not a speed goal: a loaded CI machine may take seconds.
    expect: { poll: { timeout: 30_000 } },
    hookTimeout: 120_000,
    // The CI machine has two cores.
    maxWorkers: 2,
  },
});
