import { afterAll } from 'vitest';

/**
 * Test files share their worker's module cache (`isolate: false` in vitest.config.ts: the server's
 * ~700 modules are imported once per worker, not once per file, which was a third of the suite's
 * time). What a file changes in the process must not reach the next one: the environment a file
 * sets at its top (`KEHU_WEBHOOK_MAX_ATTEMPTS=3`, say) is put back after it; vi.stubEnv and
 * vi.stubGlobal are undone by the config (unstubEnvs, unstubGlobals); a file restores its own spies
 * and timers, as it always had to.
 */
const before = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
  Object.assign(process.env, before);
});
