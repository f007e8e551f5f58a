import { defineConfig } from 'vitest/config';

/** Tests against the built site in dist/ (run `npm run build` first; `npm test` does). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Every temporary file of the run in one folder, removed at its end.
    globalSetup: ['tests/helpers/temporary-folder.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One file at a time: Chromium alone keeps both cores of the build machine busy. Two files at
    // a time made each about twice as long, the whole run only a tenth shorter, and its waits flaky.
    fileParallelism: false,
  },
});
