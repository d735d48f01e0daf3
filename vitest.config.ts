import { defineConfig } from 'vitest/config';
import { builtinUrgentRules } from './src/cli/urgent-rules-plugin.js';

/**
 * `unit`: compiler, core, CLI and config, in Node. `browser`: the built `dist/` files in
 * Debian's headless Chromium (run after `npm run build`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [builtinUrgentRules()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          environment: 'node',
          // The CLI tests start processes; give them room on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
