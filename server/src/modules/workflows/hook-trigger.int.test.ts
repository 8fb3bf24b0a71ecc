import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { runsOf } from './workflows.test-kit.ts';

process.env.KEHU_HOOK_RATE_LIMIT = '8';

describe.skipIf(!databaseAvailable)('workflow trigger: an inbound webhook call', () => {
  let t: TestApp;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const hook = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request(null, { method: 'POST', url: path, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
  const rule = async (extra: Record<string, unknown> = {}) => {
    const res = await call('POST', '/api/v1/workflow-rules', {
      name: 'ERP 下单',
      object: 'contact',
      enabled: true,
      trigger: { type: 'webhook' },
      conditions: { 'payload.amount': { gte: 1000 }, city: { eq: '北京' } },
      actions: [
        { type: 'update_fields', updates: [{ field: 'title', value: { kind: 'template', template: '{{payload.source}} 大客户 {{name}}' } }] },
        { type: 'add_tags', tags: ['ERP'] },
      ],
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as { id: string; hookTokenSet: boolean };
    expect(r.hookTokenSet).toBe(false);
    const token = await call('POST', `/api/v1/workflow-rules/${r.id}/hook-token`);
    expect(token.statusCode, token.body).toBe(201);
    return { id: r.id, path: token.json().path as string };
  };
  const contact = async (name: string, city: string, custom: Record<string, unknown> = {}) =>
    (await call('POST', '/api/v1/contacts', { name, address: { city }, custom })).json() as { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    await t.defineCustomField(t.admin, { object: 'contact', key: 'erp_id', type: 'text', label: { zh: 'ERP 编号', en: 'ERP id' } });
  });
  afterAll(() => t?.close());

  it('fires on the record the body names, with the body as payload in conditions and merge fields; once per Idempotency-Key', async () => {
    const r = await rule();
    const inBeijing = await contact('周杰', '北京');
    const ok = await hook(r.path, { recordId: inBeijing.id, amount: 5000, source: '官网' }, { 'idempotency-key': 'order-1' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ matched: true, recordId: inBeijing.id, status: 'succeeded' });
    const again = await hook(r.path, { recordId: inBeijing.id, amount: 5000, source: '官网' }, { 'idempotency-key': 'order-1' });
    expect(again.json()).toEqual({ matched: false, recordId: inBeijing.id, status: null });
    const small = await hook(r.path, { recordId: inBeijing.id, amount: 10, source: '官网' });
    expect(small.json()).toMatchObject({ matched: false, status: null });
    const record = (await call('GET', `/api/v1/contacts/${inBeijing.id}`)).json();
    expect([record.title, record.tags]).toEqual(['官网 大客户 周杰', ['ERP']]);
    const runs = await runsOf(t, r.id);
    expect(runs.map((x) => [x.trigger_event, x.status, x.trigger_key])).toEqual([['webhook', 'succeeded', 'hook:order-1']]);
    expect((await call('GET', `/api/v1/workflow-rules/${r.id}`)).json().hookTokenSet).toBe(true);
  });

  it('finds the record by a match field; refuses no record, a wrong or replaced token, a switched-off rule and a big body, writing nothing', async () => {
    const r = await rule({ name: 'ERP 编号', trigger: { type: 'webhook', matchField: 'custom.erp_id' }, conditions: null });
    const c = await contact('吴磊', '上海', { erp_id: 'C-1001' });
    expect((await hook(r.path, { erp_id: 'x', 'custom.erp_id': 'C-1001', source: 'ERP' })).json()).toMatchObject({ recordId: c.id, status: 'succeeded' });
    const before = await t.db.kysely.selectFrom('workflow_runs').select('id').execute();
    const none = await hook(r.path, { 'custom.erp_id': 'C-404' });
    expect(none.statusCode).toBe(400);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const wrong = await t.request(null, {
      method: 'POST',
      url: `/api/v1/workflows/hooks/${'x'.repeat(43)}`,
      headers: { 'accept-language': 'zh-CN' },
      payload: {},
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().detail).toBe('没有这个 Webhook 地址');
    const rotated = (await call('POST', `/api/v1/workflow-rules/${r.id}/hook-token`)).json().path as string;
    expect((await hook(r.path, { 'custom.erp_id': 'C-1001' })).statusCode).toBe(404);
    const big = await hook(rotated, { 'custom.erp_id': 'C-1001', blob: 'x'.repeat(70_000) });
    expect(big.statusCode).toBe(413);
    expect((await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false })).statusCode).toBe(200);
    const off = await hook(rotated, { 'custom.erp_id': 'C-1001' });
    expect(off.statusCode).toBe(409);
    expect(off.json().detail).toBe('The rule behind this URL is switched off');
    expect(await t.db.kysely.selectFrom('workflow_runs').select('id').execute()).toEqual(before);
  });

  it('rate-limits calls per URL', async () => {
    const r = await rule({ name: '限流', conditions: null });
    const c = await contact('郑爽', '北京');
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) codes.push((await hook(r.path, { recordId: c.id })).statusCode);
    expect(codes.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(codes.slice(8)).toEqual([429, 429]);
  });

  it('refuses payload conditions and merge fields on other rules, and a URL for them (translated), writing nothing', async () => {
    const before = await t.db.kysely.selectFrom('workflow_rules').select('id').execute();
    const base = { name: 'x', object: 'contact', trigger: { type: 'created' }, actions: [] };
    const cond = await call('POST', '/api/v1/workflow-rules', { ...base, conditions: { 'payload.amount': { gt: 1 } } }, 'zh-CN');
    expect(cond.statusCode).toBe(400);
    expect(cond.json().errors).toEqual([{ field: 'conditions', message: 'payload.amount：只有由入站 Webhook 触发的规则才有调用内容' }]);
    const merge = await call('POST', '/api/v1/workflow-rules', {
      ...base,
      actions: [
        { type: 'add_tags', tags: ['a'] },
        { type: 'create_task', subject: '{{payload.x}}' },
      ],
    });
    expect(merge.json().errors).toEqual([{ field: 'actions.1.subject', message: 'Unknown merge field payload.x' }]);
    const badOp = await call('POST', '/api/v1/workflow-rules', { ...base, trigger: { type: 'webhook' }, conditions: { 'payload.amount': { near: 1 } } });
    expect(badOp.statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('workflow_rules').select('id').execute()).toEqual(before);
    const created = (await call('POST', '/api/v1/workflow-rules', base)).json();
    const url = await call('POST', `/api/v1/workflow-rules/${created.id}/hook-token`, undefined, 'zh-CN');
    expect(url.statusCode).toBe(400);
    expect(url.json().errors[0].message).toBe('只有由入站 Webhook 触发的规则才有调用地址');
  });
});
