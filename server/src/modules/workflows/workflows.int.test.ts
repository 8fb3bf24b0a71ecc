import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { actionsOf, drainWorkflows, runsOf, tasksFor } from './workflows.test-kit.ts';

describe.skipIf(!databaseAvailable)('workflow rules on record events', () => {
  let t: TestApp;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const rule = async (body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/workflow-rules', { enabled: true, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const contact = async (body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/contacts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; title: string | null; tags: string[] };
  };
  const getContact = async (id: string) => (await call('GET', `/api/v1/contacts/${id}`)).json();
  const disable = async (id: string) => {
    const current = (await call('GET', `/api/v1/workflow-rules/${id}`)).json();
    expect((await call('PATCH', `/api/v1/workflow-rules/${id}`, { enabled: false })).statusCode).toBe(200);
    return current;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('fires a created rule once per event, even when the event is delivered three times', async () => {
    const r = await rule({
      name: 'Beijing contacts get a follow-up',
      object: 'contact',
      trigger: { type: 'created' },
      conditions: { city: { eq: '北京' } },
      actions: [
        { type: 'update_fields', updates: [{ field: 'title', value: { kind: 'template', template: '{{name}} · VIP' } }] },
        { type: 'create_task', subject: 'Call {{contact.name}}', dueInDays: 2 },
      ],
    });
    const inBeijing = await contact({ name: '王芳', address: { city: '北京' } });
    const elsewhere = await contact({ name: '李雷', address: { city: '上海' } });
    await drainWorkflows(t, { times: 3 });
    const runs = await runsOf(t, r.id);
    expect(runs.map((x) => [x.record_id, x.status, x.trigger_event])).toEqual([[inBeijing.id, 'succeeded', 'contact.created']]);
    expect(actionsOf(runs[0]).map((a) => a.status)).toEqual(['succeeded', 'succeeded']);
    expect((await getContact(inBeijing.id)).title).toBe('王芳 · VIP');
    expect((await getContact(elsewhere.id)).title).toBeNull();
    const tasks = await tasksFor(t, 'contact_id', inBeijing.id);
    expect(tasks.map((x) => x.subject)).toEqual(['Call 王芳']);
    expect(tasks[0]?.owner_id).toBe(t.admin.id);
    await disable(r.id);
  });

  it('fires delete, restore and stage-change rules once per event', async () => {
    const base = { object: 'deal', actions: [{ type: 'add_tags', tags: ['touched'] }] };
    const onDelete = await rule({
      ...base,
      name: 'on delete',
      trigger: { type: 'deleted' },
      actions: [{ type: 'notify', recipients: ['owner'], title: '{{name}} was deleted' }],
    });
    const onRestore = await rule({ ...base, name: 'on restore', trigger: { type: 'restored' } });
    const onStage = await rule({ ...base, name: 'on stage', trigger: { type: 'stage_changed' }, conditions: { status: { eq: 'open' } } });
    const pipelines = (await call('GET', '/api/v1/pipelines')).json().data as { isDefault: boolean; stages: { id: string }[] }[];
    const stages = pipelines.find((p) => p.isDefault)?.stages ?? [];
    const deal = (await call('POST', '/api/v1/deals', { name: '阶段', amount: '10.00', currency: 'CNY' })).json();
    expect((await call('POST', `/api/v1/deals/${deal.id}/move`, { stageId: stages[2]?.id })).statusCode).toBe(200);
    await drainWorkflows(t, { times: 2 });
    expect((await call('DELETE', `/api/v1/deals/${deal.id}`)).statusCode).toBe(204);
    await drainWorkflows(t, { times: 2 });
    expect((await call('POST', `/api/v1/deals/${deal.id}/restore`)).statusCode).toBe(200);
    await drainWorkflows(t, { times: 2 });
    const events = async (id: string) => (await runsOf(t, id)).map((x) => [x.trigger_event, x.status]);
    expect(await events(onStage.id)).toEqual([['deal.stage_changed', 'succeeded']]);
    // A record in the recycle bin can still be told about (not edited, nor linked to a new task).
    expect(await events(onDelete.id)).toEqual([['deal.deleted', 'succeeded']]);
    const bell = (await call('GET', '/api/v1/notifications')).json().data as { title: { en: string } }[];
    expect(bell.filter((n) => n.title.en === '阶段 was deleted')).toHaveLength(1);
    expect(await events(onRestore.id)).toEqual([['deal.restored', 'succeeded']]);
    for (const r of [onDelete, onRestore, onStage]) await disable(r.id);
  });

  it('decides changedFrom / changedTo on the event and the filter grammar on the record', async () => {
    const r = await rule({
      name: 'New customers are tagged',
      object: 'contact',
      trigger: { type: 'updated', field: 'lifecycleStage', to: 'customer' },
      conditions: { or: [{ lifecycleStage: { changedFrom: 'lead' } }, { lifecycleStage: { changedFrom: 'opportunity' } }], tags: { nin: ['blocked'] } },
      actions: [{ type: 'add_tags', tags: ['customer', 'welcome'] }],
    });
    const a = await contact({ name: 'A', lifecycleStage: 'lead' });
    const b = await contact({ name: 'B', lifecycleStage: 'subscriber' });
    const c = await contact({ name: 'C', lifecycleStage: 'lead', tags: ['blocked'] });
    await drainWorkflows(t);
    for (const x of [a, b, c]) expect((await call('PATCH', `/api/v1/contacts/${x.id}`, { lifecycleStage: 'customer' })).statusCode).toBe(200);
    // A title change on a customer is no "changed to customer".
    expect((await call('PATCH', `/api/v1/contacts/${a.id}`, { title: 'CEO' })).statusCode).toBe(200);
    await drainWorkflows(t);
    expect((await runsOf(t, r.id)).map((x) => x.record_id)).toEqual([a.id]);
    expect((await getContact(a.id)).tags).toEqual(['customer', 'welcome']);
    expect((await getContact(b.id)).tags).toEqual([]);
    await disable(r.id);
  });

  it('stops a self-triggering pair of rules after three levels and logs why', async () => {
    const ping = await rule({
      name: 'ping',
      object: 'contact',
      trigger: { type: 'updated' },
      conditions: { department: { eq: 'loop' } },
      actions: [{ type: 'update_fields', updates: [{ field: 'title', value: { kind: 'template', template: '{{title}}a' } }] }],
    });
    const pong = await rule({
      name: 'pong',
      object: 'contact',
      trigger: { type: 'updated', field: 'title' },
      conditions: { department: { eq: 'loop' } },
      actions: [{ type: 'update_fields', updates: [{ field: 'givenName', value: { kind: 'template', template: '{{givenName}}b' } }] }],
    });
    const x = await contact({ name: 'Loop', department: 'loop', title: '', givenName: '' });
    expect((await call('PATCH', `/api/v1/contacts/${x.id}`, { title: 'x' })).statusCode).toBe(200);
    await drainWorkflows(t, { max: 200 });
    const runs = [...(await runsOf(t, ping.id)), ...(await runsOf(t, pong.id))];
    expect(runs.filter((r) => r.status === 'succeeded').every((r) => r.depth < 3)).toBe(true);
    const stopped = runs.filter((r) => r.status === 'stopped');
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((r) => r.depth === 3 && r.reason === 'loop_depth')).toBe(true);
    expect(await drainWorkflows(t)).toBe(0);
    await disable(ping.id);
    await disable(pong.id);
  });

  it('logs a failing action, skips the rest, and leaves the user’s write alone', async () => {
    const r = await rule({
      name: 'broken maths',
      object: 'deal',
      trigger: { type: 'created' },
      actions: [
        { type: 'add_tags', tags: ['seen'] },
        { type: 'update_fields', updates: [{ field: 'amount', value: { kind: 'math', op: 'div', left: { field: 'amount' }, right: { number: '0' } } }] },
        { type: 'create_task', subject: 'never' },
      ],
    });
    const created = await call('POST', '/api/v1/deals', { name: '大单', amount: '1200000.00', currency: 'CNY' });
    expect(created.statusCode, created.body).toBe(201);
    await drainWorkflows(t);
    const [run] = await runsOf(t, r.id);
    expect(run?.status).toBe('failed');
    expect(actionsOf(run).map((a) => a.status)).toEqual(['succeeded', 'failed', 'skipped']);
    expect(actionsOf(run)[1]?.error).toBe('除数为零'); // the tenant's language (zh-CN)
    const deal = (await call('GET', `/api/v1/deals/${created.json().id}`)).json();
    expect(deal).toMatchObject({ name: '大单', amount: '1200000.00', tags: ['seen'] });
    expect(await tasksFor(t, 'deal_id', deal.id)).toEqual([]);
    await disable(r.id);
  });

  it('runs on a custom object with custom fields and decimal formulas', async () => {
    expect((await call('POST', '/api/v1/custom-objects', { name: 'agreements', label: { zh: '合同', en: 'Contract' } })).statusCode).toBe(201);
    await t.defineCustomField(t.admin, { object: 'agreements', key: 'value', type: 'number', label: { zh: '金额', en: 'Value' } });
    await t.defineCustomField(t.admin, { object: 'agreements', key: 'with_tax', type: 'number', label: { zh: '含税', en: 'With tax' } });
    await t.defineCustomField(t.admin, { object: 'agreements', key: 'ends', type: 'date', label: { zh: '到期', en: 'Ends' } });
    await t.defineCustomField(t.admin, { object: 'agreements', key: 'renew_by', type: 'date', label: { zh: '续约截止', en: 'Renew by' } });
    const r = await rule({
      name: 'tax and renewal date',
      object: 'agreements',
      trigger: { type: 'updated', field: 'custom.value' },
      conditions: { 'custom.value': { gt: 1000 } },
      actions: [
        {
          type: 'update_fields',
          updates: [
            { field: 'custom.with_tax', value: { kind: 'math', op: 'mul', left: { field: 'custom.value' }, right: { number: '1.13' } } },
            { field: 'custom.renew_by', value: { kind: 'addDays', from: 'custom.ends', days: -30 } },
          ],
        },
      ],
    });
    const made = await call('POST', '/api/v1/agreements', { name: 'C-1', custom: { value: 10, ends: '2027-03-15' } });
    expect(made.statusCode, made.body).toBe(201);
    expect((await call('PATCH', `/api/v1/agreements/${made.json().id}`, { custom: { value: 2000.1 } })).statusCode).toBe(200);
    await drainWorkflows(t);
    const runs = await runsOf(t, r.id);
    expect(
      runs.map((x) => x.status),
      JSON.stringify(runs[0]?.actions),
    ).toEqual(['succeeded']);
    const after = (await call('GET', `/api/v1/agreements/${made.json().id}`)).json();
    expect(after.custom).toMatchObject({ value: 2000.1, with_tax: 2260.113, renew_by: '2027-02-13' });
    await disable(r.id);
  });

  it('dry-runs a rule on a record: what would happen, nothing written', async () => {
    const x = await contact({ name: '赵六', address: { city: '北京' } });
    await drainWorkflows(t);
    const audits = async () => (await t.db.kysely.selectFrom('audit_log').select('id').execute()).length;
    const before = await audits();
    const body = {
      recordId: x.id,
      rule: {
        name: 'draft',
        object: 'contact',
        trigger: { type: 'updated' },
        conditions: { city: { eq: '北京' } },
        actions: [
          { type: 'add_tags', tags: ['vip'] },
          { type: 'create_task', subject: 'Visit {{name}}', dueInDays: 1 },
        ],
      },
    };
    const res = await call('POST', '/api/v1/workflow-rules/dry-run', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      matched: true,
      actions: [
        { type: 'add_tags', status: 'planned', detail: { changes: { tags: ['vip'] } } },
        { type: 'create_task', status: 'planned', detail: { subject: 'Visit 赵六' } },
      ],
    });
    const miss = await call('POST', '/api/v1/workflow-rules/dry-run', { ...body, rule: { ...body.rule, conditions: { city: { eq: '上海' } } } });
    expect(miss.json()).toMatchObject({ matched: false, reason: 'conditions_not_met', actions: [] });
    expect(await audits()).toBe(before);
    expect((await getContact(x.id)).tags).toEqual([]);
    expect(await tasksFor(t, 'contact_id', x.id)).toEqual([]);
  });

  it('lists runs newest first with filters, orders rules, and keeps them to admins', async () => {
    const all = (await call('GET', '/api/v1/workflow-runs?limit=2')).json();
    expect(all.data).toHaveLength(2);
    expect(all.nextCursor).toBeTruthy();
    const failed = (await call('GET', '/api/v1/workflow-runs?status=failed')).json();
    expect(failed.data.map((r: { ruleName: string }) => r.ruleName)).toEqual(['broken maths']);
    const rules = (await call('GET', '/api/v1/workflow-rules')).json().data as { id: string }[];
    const reversed = rules.map((r) => r.id).reverse();
    const ordered = await call('PUT', '/api/v1/workflow-rules/order', { ids: reversed });
    expect(ordered.json().data.map((r: { id: string }) => r.id)).toEqual(reversed);
    expect((await call('PUT', '/api/v1/workflow-rules/order', { ids: reversed.slice(1) })).statusCode).toBe(400);
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/workflow-rules' })).statusCode).toBe(403);
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/workflow-runs' })).statusCode).toBe(403);
  });

  it('refuses bad rules with translated problems and writes nothing', async () => {
    const count = async () => (await call('GET', '/api/v1/workflow-rules')).json().data.length as number;
    const before = await count();
    const base = { name: 'bad', object: 'contact', trigger: { type: 'created' }, actions: [] };
    const cases: [Record<string, unknown>, string][] = [
      [{ conditions: { shoeSize: { eq: 42 } } }, 'conditions'],
      [{ conditions: { birthday: { contains: '1990' } } }, 'conditions'],
      [{ conditions: { nope: { changed: true } } }, 'conditions'],
      [{ object: 'spaceships' }, 'object'],
      [{ trigger: { type: 'schedule', cron: 'every day at nine' } }, 'trigger.cron'],
      [{ trigger: { type: 'date', field: 'name', offsetDays: -30 } }, 'trigger.field'],
      [{ trigger: { type: 'stage_changed' } }, 'trigger.type'],
      [{ actions: [{ type: 'create_task', subject: 'Call {{contact.shoeSize}}' }] }, 'actions.0.subject'],
      [{ actions: [{ type: 'update_fields', updates: [{ field: 'createdAt', value: { kind: 'value', value: null } }] }] }, 'actions.0.updates.0.field'],
      [
        {
          actions: [{ type: 'update_fields', updates: [{ field: 'name', value: { kind: 'math', op: 'add', left: { number: '1' }, right: { number: '2' } } }] }],
        },
        'actions.0.updates.0.field',
      ],
      [{ actions: [{ type: 'assign', userId: '00000000-0000-7000-8000-000000000000' }] }, 'actions.0.userId'],
    ];
    for (const [patch, field] of cases) {
      const res = await call('POST', '/api/v1/workflow-rules', { ...base, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const zh = await call('POST', '/api/v1/workflow-rules', { ...base, conditions: { shoeSize: { eq: 42 } } }, 'zh-CN');
    expect(zh.json().errors[0].message).toBe('不能按未知字段 shoeSize 筛选');
    const cron = await call('POST', '/api/v1/workflow-rules', { ...base, trigger: { type: 'schedule', cron: '61 * * * *' } }, 'zh-CN');
    expect(cron.json().errors[0].message).toContain('不是有效的 cron 表达式');
    expect(await count()).toBe(before);
  });
});
