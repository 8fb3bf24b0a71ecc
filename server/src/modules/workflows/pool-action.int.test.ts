import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { actionsOf, drainWorkflows, runsOf } from './workflows.test-kit.ts';

describe.skipIf(!databaseAvailable)('workflow action: move to the public pool', () => {
  let t: TestApp;
  let rep: TestUser;
  let poolId: string;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const company = async (name: string, industry: string) => {
    const res = await t.request(rep, { method: 'POST', url: '/api/v1/companies', payload: { name, industry } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const pooled = (id: string) =>
    t.db.kysely.selectFrom('pool_customers').select(['pool_id', 'return_reason', 'previous_owner_id']).where('record_id', '=', id).executeTakeFirst();
  const rule = (extra: Record<string, unknown>) => ({
    name: '倒闭的客户退回公海',
    object: 'company',
    trigger: { type: 'updated', field: 'industry', to: '已倒闭' },
    actions: [{ type: 'move_to_pool', poolId, reason: '{{name}} 已倒闭' }],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep', name: '销售 Rep' });
    const res = await call('POST', '/api/v1/pools', { name: '华东公海' });
    expect(res.statusCode, res.body).toBe(201);
    poolId = res.json().id;
  });
  afterAll(() => t?.close());

  it('moves the record into the named pool once per event, with the merged reason, through the pool module', async () => {
    const r = (await call('POST', '/api/v1/workflow-rules', rule({ enabled: true }))).json() as { id: string };
    const gone = await company('星辰科技', '软件');
    const kept = await company('长江贸易', '贸易');
    for (const c of [gone, kept]) {
      const res = await t.request(rep, { method: 'PATCH', url: `/api/v1/companies/${c.id}`, payload: { industry: c === gone ? '已倒闭' : '零售' } });
      expect(res.statusCode, res.body).toBe(200);
    }
    await drainWorkflows(t, { times: 3 });
    const runs = await runsOf(t, r.id);
    expect(runs.map((x) => [x.record_id, x.status])).toEqual([[gone.id, 'succeeded']]);
    expect(actionsOf(runs[0])[0]).toMatchObject({ status: 'succeeded', detail: { poolId, pool: '华东公海', reason: '星辰科技 已倒闭' } });
    expect(await pooled(gone.id)).toEqual({ pool_id: poolId, return_reason: '星辰科技 已倒闭', previous_owner_id: rep.id });
    expect((await pooled(kept.id))?.pool_id ?? null).toBeNull();
    const record = (await call('GET', `/api/v1/companies/${gone.id}`)).json();
    expect(record.owner).toBeNull();
    // The move is on the record's timeline, under the rule's owner.
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_id', '=', gone.id)
      .where('action', 'like', 'pool_%')
      .execute();
    expect(audit).toEqual([{ action: 'pool_released', actor_id: t.admin.id }]);
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('logs the pool refusal (a record without an owner) in the tenant language', async () => {
    const r = (await call('POST', '/api/v1/workflow-rules', rule({ name: '再退回', enabled: true, trigger: { type: 'updated' } }))).json() as { id: string };
    const c = await company('无主公司', '软件');
    expect((await t.request(rep, { method: 'POST', url: `/api/v1/companies/${c.id}/return-to-pool`, payload: { reason: '手动' } })).statusCode).toBe(200);
    await drainWorkflows(t);
    expect(await runsOf(t, r.id)).toEqual([]);
    // An admin edit of the pooled (unowned) company fires the rule; the pool refuses: nobody owns it.
    expect((await call('PATCH', `/api/v1/companies/${c.id}`, { industry: '教育' })).statusCode).toBe(200);
    await drainWorkflows(t);
    const [run] = await runsOf(t, r.id);
    expect(run?.status).toBe('failed');
    expect(actionsOf(run)[0]?.error).toContain('只有有负责人的客户才能退回公海');
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('refuses, when saving, a pool of another object, an unknown pool, or an object without pools (translated), writing nothing', async () => {
    const contactPool = (await call('POST', '/api/v1/pools', { name: '个人客户公海', object: 'contact' })).json();
    const before = await t.db.kysely.selectFrom('workflow_rules').select('id').execute();
    const cases: [Record<string, unknown>, string, { field: string; message: string }[]][] = [
      [
        rule({ actions: [{ type: 'move_to_pool', poolId: contactPool.id, reason: 'x' }] }),
        'zh-CN',
        [{ field: 'actions.0.poolId', message: '该对象没有这个公海' }],
      ],
      [
        rule({ actions: [{ type: 'move_to_pool', poolId: '0190a0c4-0000-7000-8000-000000000000', reason: 'x' }] }),
        'en',
        [{ field: 'actions.0.poolId', message: 'This object has no public pool with this id' }],
      ],
      [
        rule({ object: 'deal', trigger: { type: 'created' }, actions: [{ type: 'move_to_pool', reason: '{{nope}}' }] }),
        'en',
        [
          { field: 'actions.0.reason', message: 'Unknown merge field nope' },
          { field: 'actions.0.type', message: 'Records of this object cannot be held in a public pool' },
        ],
      ],
    ];
    for (const [body, lang, errors] of cases) {
      const res = await call('POST', '/api/v1/workflow-rules', body, lang);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual(errors);
    }
    expect(await t.db.kysely.selectFrom('workflow_rules').select('id').execute()).toEqual(before);
  });
});
