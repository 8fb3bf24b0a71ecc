import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { actionsOf, drainWorkflows, runsOf } from './workflows.test-kit.ts';

describe.skipIf(!databaseAvailable)('workflow action: create a related record', () => {
  let t: TestApp;
  let rep: TestUser;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const dealRule = (extra: Record<string, unknown> = {}) => ({
    name: '新联系人带来商机',
    object: 'contact',
    trigger: { type: 'created' },
    conditions: { companyId: { isEmpty: false } },
    actions: [
      {
        type: 'create_record',
        object: 'deal',
        values: [
          { field: 'name', value: { kind: 'template', template: '{{company}}：{{name}} 的需求' } },
          { field: 'companyId', value: { kind: 'copy', from: 'companyId' } },
          { field: 'contactId', value: { kind: 'copy', from: 'id' } },
          { field: 'amount', value: { kind: 'value', value: '50000.00' } },
          { field: 'expectedCloseDate', value: { kind: 'addDays', from: 'today', days: 30 } },
        ],
      },
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep', name: '销售 Rep' });
  });
  afterAll(() => t?.close());

  it("creates a deal for the contact's company, once per event, owned by the contact's owner, through the deals' own create path", async () => {
    const r = (await call('POST', '/api/v1/workflow-rules', dealRule({ enabled: true }))).json() as { id: string };
    const company = (await t.request(rep, { method: 'POST', url: '/api/v1/companies', payload: { name: '华远集团' } })).json();
    const contact = (await t.request(rep, { method: 'POST', url: '/api/v1/contacts', payload: { name: '赵敏', companyId: company.id } })).json();
    const loner = (await t.request(rep, { method: 'POST', url: '/api/v1/contacts', payload: { name: '独行客' } })).json();
    await drainWorkflows(t, { times: 3 });
    const deals = (await call('GET', `/api/v1/deals?filter=${encodeURIComponent(JSON.stringify({ companyId: { eq: company.id } }))}`)).json().data;
    expect(deals).toHaveLength(1);
    const [deal] = deals;
    expect(deal).toMatchObject({ name: '华远集团：赵敏 的需求', companyId: company.id, contactId: contact.id, amount: '50000.00', status: 'open' });
    expect(deal.owner.id).toBe(rep.id);
    expect(deal.stageId).toBeTruthy();
    expect(deal.expectedCloseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const runs = await runsOf(t, r.id);
    expect(runs.map((x) => [x.record_id, x.status])).toEqual([[contact.id, 'succeeded']]);
    expect(actionsOf(runs[0])[0]?.detail).toMatchObject({ object: 'deal', recordId: deal.id });
    expect(runs.some((x) => x.record_id === loner.id)).toBe(false);
    // The new deal's own event went out, as the rule's owner, one level deeper.
    const created = await t.db.kysely.selectFrom('outbox').select(['type', 'payload']).where('object_id', '=', deal.id).execute();
    expect(created.map((e) => e.type)).toContain('deal.created');
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('logs a refusal of the new record (a value its field does not take) and writes nothing of it', async () => {
    const r = (
      await call(
        'POST',
        '/api/v1/workflow-rules',
        dealRule({
          name: '坏金额',
          enabled: true,
          actions: [
            {
              type: 'create_record',
              object: 'deal',
              values: [
                { field: 'name', value: { kind: 'template', template: '{{name}}' } },
                { field: 'amount', value: { kind: 'value', value: 'lots' } },
              ],
            },
          ],
        }),
      )
    ).json() as { id: string };
    const company = (await call('POST', '/api/v1/companies', { name: '坏金额公司' })).json();
    await call('POST', '/api/v1/contacts', { name: '钱多多', companyId: company.id });
    const before = await t.db.kysely.selectFrom('deals').select('id').execute();
    await drainWorkflows(t);
    const [run] = await runsOf(t, r.id);
    expect(run?.status).toBe('failed');
    expect(actionsOf(run)[0]?.error).toContain('amount');
    expect(await t.db.kysely.selectFrom('deals').select('id').execute()).toEqual(before);
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('refuses, when saving, an unknown object or field, a required field left out, an id of the wrong kind (translated), writing nothing', async () => {
    const before = await t.db.kysely.selectFrom('workflow_rules').select('id').execute();
    const withValues = (object: string, values: unknown[]) => dealRule({ actions: [{ type: 'create_record', object, values }] });
    const name = { field: 'name', value: { kind: 'template', template: '{{name}}' } };
    const cases: [unknown, string, { field: string; message: string }[]][] = [
      [withValues('widget', [name]), 'en', [{ field: 'actions.0.object', message: 'There is no record object widget' }]],
      [
        withValues('deal', [name, { field: 'shoeSize', value: { kind: 'value', value: 1 } }]),
        'en',
        [{ field: 'actions.0.values.1.field', message: 'There is no field shoeSize on this object' }],
      ],
      [
        withValues('deal', [{ field: 'amount', value: { kind: 'value', value: '1' } }]),
        'zh-CN',
        [{ field: 'actions.0.values', message: '新建 商机 需要填写 name' }],
      ],
      [
        withValues('deal', [name, { field: 'companyId', value: { kind: 'copy', from: 'id' } }]),
        'en',
        [{ field: 'actions.0.values.1.value.from', message: 'id cannot fill companyId: they point at different kinds of records' }],
      ],
    ];
    for (const [body, lang, errors] of cases) {
      const res = await call('POST', '/api/v1/workflow-rules', body, lang);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual(errors);
    }
    expect(await t.db.kysely.selectFrom('workflow_rules').select('id').execute()).toEqual(before);
  });

  it('dry-runs it: shows the values, creates nothing', async () => {
    const company = (await call('POST', '/api/v1/companies', { name: '试运行公司' })).json();
    const contact = (await call('POST', '/api/v1/contacts', { name: '试运行', companyId: company.id })).json();
    const before = await t.db.kysely.selectFrom('deals').select('id').execute();
    const res = await call('POST', '/api/v1/workflow-rules/dry-run', { recordId: contact.id, rule: dealRule() });
    expect(res.statusCode, res.body).toBe(200);
    const [action] = res.json().actions;
    expect(action).toMatchObject({ status: 'planned', detail: { object: 'deal', values: { name: '试运行公司：试运行 的需求', companyId: company.id } } });
    expect(await t.db.kysely.selectFrom('deals').select('id').execute()).toEqual(before);
  });
});
