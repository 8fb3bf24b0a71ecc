import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { runExport } from './export-run.service.ts';

/** A background export is a read: each row must be readable and exportable, filters on masked fields need read permission. */
describe.skipIf(!databaseAvailable)('export jobs obey the read scope', () => {
  let t: TestApp;
  let exporter: TestUser;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    t = await createTestApp();
    (t.deps.config as { dataDir: string }).dataDir = await mkdtemp(join(tmpdir(), 'kehu-export-scope-'));
    const other = await t.createUser({ role: 'Sales Rep' });
    const roles = [
      { name: 'Own reader, all exporter', permissions: { contact: { read: 'own', export: 'all' } } },
      { name: 'Blind exporter', permissions: { contact: { read: 'none', export: 'own' } } },
      { name: 'No phones', permissions: { contact: { read: 'all', export: 'all' } }, fieldPermissions: { contact: { phones: { read: false, edit: false } } } },
    ];
    for (const payload of roles) expect((await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload })).statusCode).toBe(201);
    exporter = await t.createUser({ role: 'Own reader, all exporter' });
    const create = async (ownerId: string, name: string) =>
      (await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name, ownerId, phones: [{ number: '+86 139 1234 5678' }] } })).json()
        .id as string;
    mine = await create(exporter.id, 'Mine');
    theirs = await create(other.id, 'Theirs');
  });
  afterAll(() => t?.close());

  it('writes only the rows both readable and exportable, and counts those', async () => {
    const res = await t.request(exporter, { method: 'POST', url: '/api/v1/exports', payload: { object: 'contact', format: 'csv', columns: [{ key: 'id' }] } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().progress.total).toBe(1);
    expect(await runExport({ deps: t.deps, tenantId: exporter.tenantId, exportId: res.json().id })).toBe('done');
    const file = (await t.request(exporter, { method: 'GET', url: `/api/v1/exports/${res.json().id}/download` })).body;
    expect(file).toContain(mine);
    expect(file).not.toContain(theirs);
  });

  it('refuses an export without read, and a filter on a masked field the user may not read', async () => {
    const blind = await t.createUser({ role: 'Blind exporter' });
    expect((await t.request(blind, { method: 'POST', url: '/api/v1/exports', payload: { object: 'contact', format: 'csv' } })).statusCode).toBe(403);
    const noPhones = await t.createUser({ role: 'No phones' });
    const filter = JSON.stringify({ phone: { contains: '1391' } });
    const res = await t.request(noPhones, { method: 'POST', url: '/api/v1/exports', payload: { object: 'contact', format: 'csv', filter } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
