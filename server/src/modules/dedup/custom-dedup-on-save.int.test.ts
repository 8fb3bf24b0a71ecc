import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSystem } from '#db/tx.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainOutbox } from '#test/outbox-kit.ts';
import { dedupClient } from './dedup.test-kit.ts';

type Cluster = { records: { id: string }[] };

describe.skipIf(!databaseAvailable)('a custom object checked for duplicates on save (no scan)', () => {
  let t: TestApp;
  let api: ReturnType<typeof dedupClient>;
  const supplier = async (name: string, custom: Record<string, unknown> = {}) =>
    (await api.call<{ id: string }>('POST', '/api/v1/suppliers', { name, custom }, 201)).id;
  const clusters = async () =>
    (await api.call<{ data: Cluster[]; total: number }>('GET', '/api/v1/duplicates?object=suppliers')).data.map((c) => c.records.map((r) => r.id).sort());

  beforeAll(async () => {
    t = await createTestApp();
    api = dedupClient(t, t.admin);
    await api.call('POST', '/api/v1/custom-objects', { name: 'suppliers', label: { zh: '供货商', en: 'Supplier' } }, 201);
    await t.defineCustomField(t.admin, { object: 'suppliers', key: 'code', type: 'text', unique: true, label: { zh: '编码', en: 'Code' } });
    await t.defineCustomField(t.admin, { object: 'suppliers', key: 'mail', type: 'email', label: { zh: '邮箱', en: 'Email' } });
  });
  afterAll(async () => t?.close());

  it('listens to the events of tenants with custom objects only', async () => {
    const sub = t.deps.subscribers.byName('dedup-incremental-custom');
    expect(sub?.events).toEqual(['*']);
    const tenants = await inSystem(t.db.kysely, (tx) => sub?.tenants?.(tx) ?? Promise.resolve(new Set<string>()));
    expect([...tenants]).toEqual([t.admin.tenantId]);
  });

  it('a created record sharing a unique key (spelled differently) or an email joins the review queue; an updated one too; a deleted one leaves it', async () => {
    const a = await supplier('华北供货商', { code: 'HB-001' });
    const b = await supplier('华北供货商', { code: 'hb 001' });
    await drainOutbox(t);
    expect(await clusters()).toEqual([[a, b].sort()]);

    const c = await supplier('Contoso Parts', { mail: 'buy@contoso.example' });
    const d = await supplier('Fabrikam');
    await drainOutbox(t);
    expect(await clusters()).toHaveLength(1);
    const current = await api.call<{ version: number }>('GET', `/api/v1/suppliers/${d}`);
    const patched = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/suppliers/${d}`,
      payload: { name: 'CONTOSO parts', custom: { mail: 'Buy@Contoso.example' } },
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    await drainOutbox(t);
    expect(await clusters()).toEqual(expect.arrayContaining([[a, b].sort(), [c, d].sort()]));

    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/suppliers/${b}` })).statusCode).toBe(204);
    await drainOutbox(t);
    expect(await clusters()).toEqual([[c, d].sort()]);
    // Standard objects' queues are untouched.
    expect((await api.clusters('contact')).total).toBe(0);
  });
});
