import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { runExport } from './export-run.service.ts';

/** Export jobs read the registry: a custom object exports like a standard one. */
describe.skipIf(!databaseAvailable)('export jobs of custom objects', () => {
  let t: TestApp;
  const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) => t.request(user, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    (t.deps.config as { dataDir: string }).dataDir = await mkdtemp(join(tmpdir(), 'kehu-co-exports-'));
    expect((await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'distributors', label: { zh: '经销商', en: 'Distributor' } })).statusCode).toBe(201);
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'region', type: 'text', label: { zh: '区域', en: 'Region' } });
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'level', type: 'number', label: { zh: '级别', en: 'Level' } });
    await t.defineCustomField(t.admin, { object: 'distributors', key: 'company', type: 'lookup', target: 'company', label: { zh: '所属公司', en: 'Company' } });
    expect((await call(t.admin, 'POST', '/api/v1/distributors', { name: '华东经销商', custom: { region: '上海', level: 2 } })).statusCode).toBe(201);
  });
  afterAll(() => t?.close());

  it('exports its records as a background job (CSV), with its fields as default columns; an unknown object is refused', async () => {
    const started = await call(t.admin, 'POST', '/api/v1/exports', { object: 'distributors', format: 'csv', sort: 'name' });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().fileName).toMatch(/^distributors-.*\.csv$/);
    expect(started.json().columns.map((c: { key: string }) => c.key)).toEqual([
      'name',
      'custom.company',
      'custom.level',
      'custom.region',
      'ownerId',
      'createdAt',
    ]);
    await runExport({ deps: t.deps, tenantId: t.admin.tenantId, exportId: started.json().id });
    const file = await call(t.admin, 'GET', `/api/v1/exports/${started.json().id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('华东经销商');
    expect(file.body).toContain('上海');
    const unknown = await call(t.admin, 'POST', '/api/v1/exports', { object: 'nothing', format: 'csv' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'object' });
  });
});
