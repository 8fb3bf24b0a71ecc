import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { FAST, startJobs, waitFor } from '#test/jobs-kit.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

const FEBRL = new URL('../../../../../shared/data/febrl/dataset1.csv', import.meta.url);

const rows = (n: number) => ['name,email,title', ...Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.com,T${i}`)].join('\n');

describe.skipIf(!databaseAvailable)('imports: resume, rollback, the job', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  it('resumes after a worker stopped mid-way: no row lost, none written twice', async () => {
    const imp = await api.uploaded(await tempFile('seven.csv', rows(7)));
    await api.configure(imp.id, { options: { batchSize: 2 } });
    await api.start(imp.id);
    expect(await api.run(imp.id, 2)).toBe('paused'); // as if killed after its second commit
    expect(await api.get(imp.id)).toMatchObject({ status: 'running', progress: { processed: 4, created: 4 } });
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.get(imp.id)).progress).toMatchObject({ processed: 7, created: 7, updated: 0, skipped: 0, failed: 0, etaSeconds: 0 });
    expect(await api.contacts({ email: { startsWith: 'p' } })).toHaveLength(7);
    expect(await api.run(imp.id)).toBe('skipped'); // a late retry of a finished job writes nothing
  });

  it('rolls back: created records leave, updated ones get their values back, both audited', async () => {
    const keep = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: 'Keeper', title: 'Original', emails: [{ address: 'keeper@example.com' }] },
    });
    const file = await tempFile('mix.csv', 'name,email,title\nKeeper,keeper@example.com,Changed\nNewbie,newbie@example.com,New\n');
    const imp = await api.uploaded(file);
    await api.configure(imp.id, { dedup: { match: 'email', action: 'update' } });
    await api.start(imp.id);
    await api.run(imp.id);
    expect((await api.get(imp.id)).progress).toMatchObject({ created: 1, updated: 1 });
    expect((await api.contacts({ name: { eq: 'Keeper' } }))[0]?.title).toBe('Changed');

    expect((await api.rollback(imp.id)).status).toBe('rolling_back');
    expect(await api.runRollback(imp.id)).toBe('done');
    expect((await api.get(imp.id)).status).toBe('rolled_back');
    expect(await api.contacts({ name: { eq: 'Newbie' } })).toHaveLength(0);
    const kept = await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${keep.json().id}` });
    expect(kept.json()).toMatchObject({ title: 'Original', deletedAt: null });
    const audit = await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log?limit=50` });
    const actions = (audit.json().data as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['import_started', 'import_rolled_back', 'deleted']));
    const again = await t.request(t.admin, { method: 'POST', url: `/api/v1/imports/${imp.id}/rollback` });
    expect(again.statusCode).toBe(409);
  });

  it.skipIf(!existsSync(FEBRL))(
    'imports a FEBRL slice through the real job queue',
    async () => {
      // FEBRL: ", "-separated person records with typos; 300 of them, read at run time.
      const lines = readFileSync(FEBRL, 'utf8')
        .split('\n')
        .slice(0, 301)
        .map((l) =>
          l
            .split(',')
            .map((f) => f.trim())
            .join(','),
        );
      const imp = await api.uploaded(await tempFile('febrl.csv', lines.join('\n')));
      expect(imp.totalRows).toBe(300);
      expect(imp.mapping).toEqual(
        expect.arrayContaining([
          { column: 1, field: 'givenName' },
          { column: 2, field: 'familyName' },
          { column: 6, field: 'city' },
          { column: 7, field: 'postcode' },
          { column: 8, field: 'province' },
        ]),
      );
      await api.configure(imp.id, { mapping: [...imp.mapping, { column: 0, field: 'description' }], options: { batchSize: 100 } });
      const jobs = await startJobs(t.deps, FAST);
      try {
        await api.start(imp.id);
        await waitFor(async () => (await api.get(imp.id)).status === 'done', 120_000, 'the import job');
      } finally {
        await jobs.stop();
      }
      const done = await api.get(imp.id);
      expect(done.progress.processed).toBe(300);
      // Records with neither given nor family name are refused (name is required), and impossible birth dates.
      const nameless = lines.slice(1).filter((l) => !l.split(',')[1] && !l.split(',')[2]).length;
      expect(done.progress.created + done.progress.failed).toBe(300);
      expect(done.progress.failed).toBeGreaterThanOrEqual(nameless);
      expect(done.progress.created).toBeGreaterThan(250);
    },
    180_000,
  );
});
