import type { KyselyPlugin, PluginTransformResultArgs, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

/** Counts the app's statements that look up related names on their own (loadRelated's union). */
function namesLookups(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery: ({ node }: { node: RootOperationNode }) => {
      if (node.kind === 'RawNode' && JSON.stringify(node).includes('select id, name from ')) plugin.count++;
      return node;
    },
    transformResult: async ({ result }: PluginTransformResultArgs) => result,
  };
  return plugin;
}

describe.skipIf(!databaseAvailable)('related names come with the page', () => {
  let t: TestApp;
  const lookups = namesLookups();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ plugins: [lookups] });
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await t.request(t.admin, { method: 'POST', url, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    ids.company = await post('/api/v1/companies', { name: '杭州西溪科技' });
    ids.contact = await post('/api/v1/contacts', { name: '陈静', companyId: ids.company });
    ids.deal = await post('/api/v1/deals', { name: '西溪年度订阅', companyId: ids.company, contactId: ids.contact });
    ids.activity = await post('/api/v1/activities', { type: 'note', subject: '拜访纪要', contactId: ids.contact, dealId: ids.deal });
  });
  afterAll(() => t?.close());

  const get = async (url: string) => {
    lookups.count = 0;
    const res = await t.request(t.admin, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lists and gets show owner and linked names without a separate names query', async () => {
    const owner = { id: t.admin.id, name: expect.any(String) };
    const company = { id: ids.company, name: '杭州西溪科技' };
    const contact = { id: ids.contact, name: '陈静' };

    expect((await get('/api/v1/contacts')).data).toEqual([expect.objectContaining({ id: ids.contact, company, owner })]);
    expect(lookups.count).toBe(0);
    expect(await get(`/api/v1/contacts/${ids.contact}`)).toEqual(expect.objectContaining({ company, owner }));
    expect(lookups.count).toBe(0);

    expect((await get('/api/v1/deals')).data).toEqual([expect.objectContaining({ id: ids.deal, company, contact, owner })]);
    expect(lookups.count).toBe(0);

    const activity = expect.objectContaining({ company, contact, deal: { id: ids.deal, name: '西溪年度订阅' }, owner });
    expect((await get('/api/v1/activities')).data).toEqual([activity]);
    expect(await get(`/api/v1/activities/${ids.activity}`)).toEqual(activity);
    expect(lookups.count).toBe(0);
  });

  it('a record linked to a deleted company still shows its name, as before', async () => {
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/companies/${ids.company}` })).statusCode).toBe(204);
    expect(await get(`/api/v1/contacts/${ids.contact}`)).toEqual(expect.objectContaining({ company: { id: ids.company, name: '杭州西溪科技' } }));
  });

  it('writes still look names up (their rows are read without them)', async () => {
    lookups.count = 0;
    const res = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/contacts/${ids.contact}`, payload: { title: '采购经理' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(expect.objectContaining({ title: '采购经理', company: { id: ids.company, name: '杭州西溪科技' } }));
    expect(lookups.count).toBeGreaterThan(0);
  });
});
