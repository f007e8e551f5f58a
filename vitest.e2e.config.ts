import { defineConfig } from 'vitest/config';

/** Tests against the built site in dist/ (run `npm run build` first; `npm test` does). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Every temporary file of the run in one folder, removed at its end.
    globalSetup: ['tests/helpers/temporary-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time on a 2-core machine; the rebuild test must not overlap the others.
    fileParallelism: false,
  },
});
