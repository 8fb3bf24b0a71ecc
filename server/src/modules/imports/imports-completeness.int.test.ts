import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';
import type { TImport } from './imports.schema.ts';

const SALESFORCE = [
  'Id,AccountId,LastName,FirstName,Title,Email,Phone,MobilePhone,MailingCity,MailingState,MailingCountry,LeadSource,OwnerId',
  '0035g00000AbCdE,0015g00000XyZ,Smith,John,VP Sales,john.smith@acme.example,(415) 555-0100,,San Francisco,CA,USA,Web,0055g000001',
  '0035g00000AbCdF,0015g00000XyZ,王,芳,采购经理,wang.fang@example.cn,,+86 139 0000 1111,上海,上海,China,Trade Show,0055g000001',
].join('\n');

describe.skipIf(!databaseAvailable)('imports: presets, templates, cancel, pace, phone region', () => {
  let t: TestApp;
  let api: ReturnType<typeof importsClient>;
  beforeAll(async () => {
    t = await createTestApp();
    api = importsClient(t, t.admin);
  });
  afterAll(async () => t?.close());

  it('recognises a Salesforce contact export and maps it with the preset', async () => {
    const imp = await api.uploaded(await tempFile('contacts.csv', SALESFORCE));
    expect(imp.preset).toBe('salesforce');
    expect(Object.fromEntries(imp.mapping.map((m) => [imp.columns[m.column], m.field]))).toEqual({
      LastName: 'familyName',
      FirstName: 'givenName',
      Title: 'title',
      Email: 'email',
      Phone: 'phone',
      MobilePhone: 'mobile',
      MailingCity: 'city',
      MailingState: 'province',
      MailingCountry: 'country',
      LeadSource: 'source',
    });
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    const done = await api.get(imp.id);
    expect(done.progress).toMatchObject({ created: 2, failed: 0, etaSeconds: 0 });
    expect(done.progress.rowsPerSecond).toBeGreaterThan(0);
    const people = await api.contacts();
    expect(people.map((p) => p.name).sort()).toEqual(['John Smith', '王芳']);
    expect(people.find((p) => p.name === '王芳')?.phones[0]?.e164).toBe('+8613900001111');
  });

  it('saves a mapping template by header names and applies it to a file with other column order', async () => {
    const bad = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/imports/templates',
      payload: { object: 'contact', name: 'x', mapping: [{ header: 'A', field: 'nope' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'mapping.0.field' });
    const saved = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/imports/templates',
      payload: {
        object: 'contact',
        name: '展会名单',
        mapping: [
          { header: '客户', field: 'name' },
          { header: 'E-mail 地址', field: 'email' },
          { header: '备注二', field: 'description' },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const template = saved.json() as { id: string };
    const listed = await t.request(t.admin, { method: 'GET', url: '/api/v1/imports/templates?object=contact' });
    expect(listed.json()).toMatchObject({ data: [{ name: '展会名单' }], presets: ['salesforce', 'hubspot', 'zoho', 'suitecrm'] });

    const imp = await api.uploaded(await tempFile('fair.csv', 'e-mail 地址,备注二,客户\nli@fair.example,展位 A3,李雷\n'));
    const applied = await api.configure(imp.id, { templateId: template.id });
    expect(applied.mapping).toEqual([
      { column: 0, field: 'email' },
      { column: 1, field: 'description' },
      { column: 2, field: 'name' },
    ]);
    expect((await t.request(t.admin, { method: 'PATCH', url: `/api/v1/imports/${imp.id}`, payload: { templateId: crypto.randomUUID() } })).statusCode).toBe(
      404,
    );
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/imports/templates/${template.id}` })).statusCode).toBe(204);
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/imports/templates?object=contact' })).json().data).toEqual([]);
  });

  it('cancels a running import between batches; what it wrote can then be rolled back', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => `取消${i},c${i}@cancel.example`);
    const imp = await api.uploaded(await tempFile('cancel.csv', `姓名,邮箱\n${rows.join('\n')}\n`));
    await api.configure(imp.id, { options: { batchSize: 2 } });
    await api.start(imp.id);
    expect(await api.run(imp.id, 1)).toBe('paused');
    const partway = await api.get(imp.id);
    expect(partway.progress).toMatchObject({ processed: 2, created: 2 });
    expect(partway.progress.rowsPerSecond).toBeGreaterThan(0);
    expect(partway.progress.etaSeconds).toBeGreaterThanOrEqual(0);
    const cancelled = await t.request(t.admin, { method: 'POST', url: `/api/v1/imports/${imp.id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((cancelled.json() as TImport).status).toBe('cancelled');
    expect(await api.run(imp.id)).toBe('skipped');
    expect((await api.get(imp.id)).progress.processed).toBe(2);
    expect((await t.request(t.admin, { method: 'POST', url: `/api/v1/imports/${imp.id}/cancel` })).statusCode).toBe(409);
    await api.rollback(imp.id);
    await api.runRollback(imp.id);
    expect(await api.contacts({ email: { contains: 'cancel.example' } })).toEqual([]);
  });

  it('reads phones without a country code in the tenant’s default region', async () => {
    const patched = await t.request(t.admin, { method: 'PATCH', url: '/api/v1/tenant', payload: { phoneRegion: 'US' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().phoneRegion).toBe('US');
    expect((await t.request(t.admin, { method: 'PATCH', url: '/api/v1/tenant', payload: { phoneRegion: 'XX' } })).statusCode).toBe(400);
    const imp = await api.uploaded(await tempFile('us.csv', '姓名,电话\nJane Roe,(212) 555-0199\n'));
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    const jane = (await api.contacts()).find((c) => c.name === 'Jane Roe');
    expect(jane?.phones[0]?.e164).toBe('+12125550199');
  });
});
