import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          // Speed is the benchmarks' business; a test's time limit only catches a hang, and
          // the suite shares two cores with Chromium.
          testTimeout: 30_000,
          include: ['tests/core/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One Chromium at a time: the machines are small and shared.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What the app shows after a click may take seconds on a loaded machine; a poll that
          // gives up after vitest's default second fails a test that would pass.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['tests/electron/**/*.test.ts'],
        },
      },
    ],
  },
});
