import { defineConfig } from 'vitest/config';

/**
 * Two projects: everything on PGlite, and the database tests (`*.int.test.ts`) again on the
 * machine's PostgreSQL when one answers (test/global-setup.ts decides and says so). The repository's
 * script tests (scripts/*.test.mjs, e.g. the module boundary check) run in the first.
 */
export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One module cache per worker, not per file (test/file-isolation.ts puts back what a file changed).
    isolate: false,
    setupFiles: ['./test/file-isolation.ts'],
    unstubEnvs: true,
    unstubGlobals: true,
    env: { KEHU_ARGON2_MEMORY_KIB: '4096' },
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['src/**/*.test.ts', 'test/**/*.test.ts', '../scripts/**/*.test.mjs'], env: { KEHU_TEST_DB: 'pglite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'], env: { KEHU_TEST_DB: 'postgres' } },
      },
    ],
  },
});
