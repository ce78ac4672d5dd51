import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    // A ceiling for polled waits, not a speed goal: a loaded CI machine may take seconds.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // The CI machine has two cores.
    maxWorkers: 2,
  },
});
