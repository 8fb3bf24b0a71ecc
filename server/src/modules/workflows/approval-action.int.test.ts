import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { actionsOf, drainWorkflows, runsOf } from './workflows.test-kit.ts';

describe.skipIf(!databaseAvailable)('workflow action: start an approval', () => {
  let t: TestApp;
  let approver: TestUser;
  let processId: string;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, o: { lang?: string; as?: TestUser } = {}) =>
    t.request(o.as ?? t.admin, {
      method,
      url,
      headers: { 'accept-language': o.lang ?? 'en' },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const deal = async (name: string, amount: string) => {
    const res = await call('POST', '/api/v1/deals', { name, amount, currency: 'CNY' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const requestsFor = (recordId: string) => t.db.kysely.selectFrom('approval_requests').selectAll().where('record_id', '=', recordId).execute();
  const rule = (extra: Record<string, unknown>) => ({
    name: '大额商机送审',
    object: 'deal',
    trigger: { type: 'created' },
    conditions: { amount: { gte: 1000000 } },
    actions: [
      { type: 'start_approval', processId, comment: '请审批 {{name}}' },
      { type: 'notify', recipients: ['owner'], title: '{{name}} 已送审' },
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    approver = await t.createUser({ role: 'Sales Manager', name: '审批人 Approver' });
    const res = await call('POST', '/api/v1/approval-processes', {
      object: 'deal',
      name: '大额商机审批',
      criteria: { amount: { gt: 500000 } },
      steps: [{ name: '经理', approvers: [{ type: 'user', userId: approver.id }] }],
      enabled: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    processId = res.json().id;
  });
  afterAll(() => t?.close());

  it('submits the record once per event (delivered three times), as the rule owner, with the merged comment', async () => {
    const r = (await call('POST', '/api/v1/workflow-rules', rule({ enabled: true }))).json() as { id: string };
    const big = await deal('华东大单', '2000000.00');
    const small = await deal('小单', '1000.00');
    await drainWorkflows(t, { times: 3 });
    const runs = await runsOf(t, r.id);
    expect(runs.map((x) => [x.record_id, x.status])).toEqual([[big.id, 'succeeded']]);
    const [outcome] = actionsOf(runs[0]);
    expect(outcome).toMatchObject({ type: 'start_approval', status: 'succeeded', detail: { processId, process: '大额商机审批', status: 'pending' } });
    const requests = await requestsFor(big.id);
    expect(requests.map((x) => [x.process_id, x.status, x.submitted_by, x.submit_comment])).toEqual([[processId, 'pending', t.admin.id, '请审批 华东大单']]);
    expect(outcome?.detail?.approvalId).toBe(requests[0]?.id);
    expect(await requestsFor(small.id)).toEqual([]);
    // The approver sees it in the inbox and can decide it.
    const inbox = (await call('GET', '/api/v1/approvals?box=inbox', undefined, { as: approver })).json().data as { id: string; recordId: string }[];
    expect(inbox.map((x) => x.recordId)).toEqual([big.id]);
    const approved = await call('POST', `/api/v1/approvals/${requests[0]?.id}/approve`, { comment: 'OK' }, { as: approver });
    expect(approved.json().status).toBe('approved');
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('logs the approvals module refusal (no applicable process) and skips the rest', async () => {
    const r = (
      await call(
        'POST',
        '/api/v1/workflow-rules',
        rule({ name: '任意流程', enabled: true, conditions: null, actions: [{ type: 'start_approval' }, { type: 'add_tags', tags: ['送审'] }] }),
      )
    ).json() as { id: string };
    const small = await deal('不够金额', '10.00');
    await drainWorkflows(t);
    const [run] = await runsOf(t, r.id);
    expect(run?.status).toBe('failed');
    expect(actionsOf(run).map((a) => a.status)).toEqual(['failed', 'skipped']);
    // The tenant's language (zh-CN).
    expect(actionsOf(run)[0]?.error).toContain('没有适用于该记录的已启用审批流程');
    expect(await requestsFor(small.id)).toEqual([]);
    expect((await call('GET', `/api/v1/deals/${small.id}`)).json().tags).toEqual([]);
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('refuses an unknown process or one of another object when the rule is saved (translated), writing nothing', async () => {
    const contactProcess = await call('POST', '/api/v1/approval-processes', {
      object: 'contact',
      name: '联系人审批',
      steps: [{ name: 'one', approvers: [{ type: 'user', userId: approver.id }] }],
    });
    expect(contactProcess.statusCode, contactProcess.body).toBe(201);
    const before = await t.db.kysely.selectFrom('workflow_rules').select('id').execute();
    for (const [id, lang, message] of [
      [contactProcess.json().id, 'zh-CN', '该对象没有这个审批流程'],
      ['0190a0c4-0000-7000-8000-000000000000', 'en', 'This object has no approval process with this id'],
    ]) {
      const res = await call('POST', '/api/v1/workflow-rules', rule({ actions: [{ type: 'start_approval', processId: id }] }), { lang });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ field: 'actions.0.processId', message }]);
    }
    const badMerge = await call('POST', '/api/v1/workflow-rules', rule({ actions: [{ type: 'start_approval', comment: '{{nope}}' }] }));
    expect(badMerge.json().errors).toEqual([{ field: 'actions.0.comment', message: 'Unknown merge field nope' }]);
    expect(await t.db.kysely.selectFrom('workflow_rules').select('id').execute()).toEqual(before);
  });

  it('dry-runs the action: shows the request it would make, makes none', async () => {
    const big = await deal('试运行大单', '3000000.00');
    const res = await call('POST', '/api/v1/workflow-rules/dry-run', { recordId: big.id, rule: rule({}) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().actions.map((a: { type: string; status: string }) => [a.type, a.status])).toEqual([
      ['start_approval', 'planned'],
      ['notify', 'planned'],
    ]);
    expect(await requestsFor(big.id)).toEqual([]);
  });
});
