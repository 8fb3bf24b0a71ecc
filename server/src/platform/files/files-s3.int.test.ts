import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable, testEngine } from '#test/db.ts';
import { PDF_BYTES, uploadTo } from './files.test-kit.ts';

// The S3 path once, against s3rver (a local S3-compatible server from npm); the engine does not matter to it.
describe.skipIf(!databaseAvailable || testEngine !== 'pglite')('files in an S3-compatible bucket (s3rver)', () => {
  let t: TestApp;
  let dir: string;
  let server: S3rver;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kehu-s3-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'kehu-files', configs: [] }] });
    const address = await server.run();
    t = await createTestApp({
      config: {
        dataDir: join(dir, 'data'),
        filesS3: {
          bucket: 'kehu-files',
          endpoint: `http://127.0.0.1:${address.port}`,
          region: 'us-east-1',
          prefix: 'kehu',
          forcePathStyle: true,
          accessKeyId: 'S3RVER',
          secretAccessKey: 'S3RVER',
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads into the bucket, downloads from it and removes the object with the file', async () => {
    const company = (await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: '星辰科技' } })).json();
    const res = await uploadTo(t, t.admin, { recordType: 'company', recordId: company.id, name: '营业执照.pdf', bytes: PDF_BYTES });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    const row = await t.db.kysely.selectFrom('files').select(['storage', 'storage_key']).where('id', '=', file.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ storage: 's3', storage_key: `${t.admin.tenantId}/${file.id}` });
    const object = await fetch(`${(t.deps.config.filesS3 as { endpoint: string }).endpoint}/kehu-files/kehu/${row.storage_key}`);
    expect(Buffer.from(await object.arrayBuffer()).equals(PDF_BYTES)).toBe(true);

    const down = await t.request(t.admin, { method: 'GET', url: `/api/v1/files/${file.id}/content` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF_BYTES)).toBe(true);

    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/files/${file.id}` })).statusCode).toBe(204);
    expect((await fetch(`${(t.deps.config.filesS3 as { endpoint: string }).endpoint}/kehu-files/kehu/${row.storage_key}`)).status).toBe(404);
  });
});
