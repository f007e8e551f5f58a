import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Every temporary file of the run in one folder, removed at its end.
    globalSetup: ['tests/helpers/temporary-folder.ts'],
    testTimeout: 30_000,
    // Eight files build the whole clause model in beforeAll (3 to 5 s alone); on a loaded
    // 2-core machine one took over the default 10 s.
    hookTimeout: 60_000,
  },
});
