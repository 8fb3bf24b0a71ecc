import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSystem, inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { runImport } from './import-run.service.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';
import { LEASE_SECONDS, pendingImports } from './imports.repo.ts';

// A running import holds a lease its worker renews (each batch, a heartbeat): a killed worker's
// import is resumed once the lease lapses (seconds, not the old 10 minutes); a stopping worker
// ends after its batch and gives the lease up at once (#21).
const rows = (n: number) => ['name,email', ...Array.from({ length: n }, (_, i) => `Person ${i},lease${i}@example.com`)].join('\n');

describe.skipIf(!databaseAvailable)('imports: the lease of a running import', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  const pending = async () => (await inSystem(t.db.kysely, (tx) => pendingImports(tx))).map((p) => p.id);
  /** As if `seconds` passed since the worker last renewed the lease (it was killed -9 meanwhile). */
  const age = (id: string, seconds: number) =>
    inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      sql`update imports set updated_at = now() - make_interval(secs => ${seconds}) where id = ${id}`.execute(tx),
    );

  it('resumes a dead worker’s import as soon as its lease lapses, no row lost or written twice', async () => {
    const imp = await api.uploaded(await tempFile('lease.csv', rows(7)));
    await api.configure(imp.id, { options: { batchSize: 2 } });
    await api.start(imp.id);
    expect(await api.run(imp.id, 2)).toBe('paused'); // the worker dies after its second batch
    expect(await pending()).not.toContain(imp.id); // its lease is fresh: nobody else takes it
    await age(imp.id, LEASE_SECONDS - 5);
    expect(await pending()).not.toContain(imp.id);
    await age(imp.id, LEASE_SECONDS + 1);
    expect(await pending()).toContain(imp.id);
    const jobs = await startJobs(t.deps, FAST);
    const started = Date.now();
    try {
      await waitFor(async () => (await api.get(imp.id)).status === 'done', 30_000, 'the resumed import');
    } finally {
      await jobs.stop();
    }
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await api.get(imp.id)).progress).toMatchObject({ processed: 7, created: 7, failed: 0 });
    expect(await api.contacts({ email: { startsWith: 'lease' } })).toHaveLength(7);
  }, 60_000);

  it('a stopping worker ends after its current batch and gives the lease up, leaving the import resumable', async () => {
    const imp = await api.uploaded(await tempFile('stop.csv', rows(5).replaceAll('lease', 'stop')));
    await api.configure(imp.id, { options: { batchSize: 2 } });
    await api.start(imp.id);
    const stopping = new AbortController();
    stopping.abort();
    expect(await runImport({ deps: t.deps, tenantId: t.admin.tenantId, importId: imp.id, signal: stopping.signal })).toBe('paused');
    expect(await api.get(imp.id)).toMatchObject({ status: 'running', progress: { processed: 2 } });
    expect(await pending()).toContain(imp.id); // at once, not after the lease
    expect(await api.run(imp.id)).toBe('done');
    expect(await api.contacts({ email: { startsWith: 'stop' } })).toHaveLength(5);
  });
});
