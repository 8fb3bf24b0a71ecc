import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Production-like hashing cost for this file only (the suite lowers it to 4 MiB for speed): the
// check is then what dominates a sign-in, as it does in production.
vi.hoisted(() => {
  process.env.KEHU_ARGON2_MEMORY_KIB = '19456';
});

import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { login } from './auth.service.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * User enumeration by timing: a sign-in with an unknown e-mail must take as long as one with a
 * known e-mail and a wrong password (both answer 401 invalid_credentials).
 */
describe.skipIf(!databaseAvailable)('sign-in timing', () => {
  let t: TestApp;
  const known: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    // Lockout comes after 5 failures: 3 wrong passwords per user stay below it.
    for (let i = 0; i < 8; i++) known.push((await t.createUser({ email: `timing-${i}@acme.test` })).email);
  });
  afterAll(() => t?.close());

  const attempt = async (email: string) => {
    const started = performance.now();
    const error = await login({ deps: t.deps, email, password: 'not-the-password', ip: null, userAgent: null, requestId: 'timing' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', message: 'invalid_credentials' });
    return performance.now() - started;
  };

  it('an unknown e-mail costs what a wrong password costs', async () => {
    await attempt('warm-up@nowhere.test');
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Interleaved, so load on the machine falls on both alike.
    for (let round = 0; round < 3; round++) {
      for (const [i, email] of known.entries()) {
        wrong.push(await attempt(email));
        unknown.push(await attempt(`nobody-${round}-${i}@acme.test`));
      }
    }
    const ratio = median(unknown) / median(wrong);
    if (process.env.KEHU_TEST_LOG) console.log(`sign-in medians: unknown ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms`);
    // Without the dummy check an unknown e-mail took a lookup only: under a fifth of the time.
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.33);
  });
});
