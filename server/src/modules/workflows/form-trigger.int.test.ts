import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainWorkflows, runsOf } from './workflows.test-kit.ts';

const SITE = 'https://www.example.cn';

describe.skipIf(!databaseAvailable)('workflow trigger: a public (web-to-lead) form submitted', () => {
  let t: TestApp;
  const forms: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const submit = (form: string, payload: object) =>
    t.request(null, { method: 'POST', url: `/api/public/forms/${forms[form]}/submit`, headers: { origin: SITE }, payload });
  const rule = (trigger: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    name: '官网试用线索',
    object: 'lead',
    trigger,
    actions: [{ type: 'create_task', subject: '回访 {{name}}', dueInDays: 1 }],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    for (const name of ['试用申请', '活动报名']) {
      const res = await call('POST', '/api/v1/lead-forms', {
        name,
        fields: [
          { key: 'name', label: { zh: '姓名', en: 'Name' }, required: true },
          { key: 'email', label: { zh: '邮箱', en: 'Email' }, required: true },
        ],
        allowedOrigins: [SITE],
        doubleOptIn: false,
      });
      expect(res.statusCode, res.body).toBe(201);
      forms[name] = res.json().id;
    }
  });
  afterAll(() => t?.close());

  it('fires once per submission of the chosen form (any form: every one), not for leads typed in', async () => {
    const trial = (await call('POST', '/api/v1/workflow-rules', rule({ type: 'form_submitted', formId: forms['试用申请'] }, { enabled: true }))).json();
    const any = (await call('POST', '/api/v1/workflow-rules', rule({ type: 'form_submitted' }, { name: '任何表单', enabled: true }))).json();
    expect((await submit('试用申请', { fields: { name: '陈静', email: 'chen.jing@example.cn' } })).statusCode).toBe(200);
    expect((await submit('活动报名', { fields: { name: '刘洋', email: 'liu.yang@example.cn' } })).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/leads', { name: '手工录入', emails: [{ address: 'manual@example.cn' }] })).statusCode).toBe(201);
    await drainWorkflows(t, { times: 3 });
    const leadOf = async (id: string | null) =>
      (
        await t.db.kysely
          .selectFrom('leads')
          .select('name')
          .where('id', '=', id as string)
          .executeTakeFirst()
      )?.name;
    const trialRuns = await runsOf(t, trial.id);
    expect(await Promise.all(trialRuns.map((r) => leadOf(r.record_id)))).toEqual(['陈静']);
    expect(trialRuns.map((r) => [r.trigger_event, r.status])).toEqual([['lead.captured', 'succeeded']]);
    expect((await Promise.all((await runsOf(t, any.id)).map((r) => leadOf(r.record_id)))).sort()).toEqual(['刘洋', '陈静'].sort());
    const tasks = await t.db.kysely.selectFrom('activities').select('subject').where('type', '=', 'task').execute();
    expect(tasks.map((x) => x.subject).sort()).toEqual(['回访 刘洋', '回访 陈静', '回访 陈静'].sort());
    for (const r of [trial, any]) await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('refuses, when saving, a form trigger on another object or an unknown form (translated), writing nothing', async () => {
    const before = await t.db.kysely.selectFrom('workflow_rules').select('id').execute();
    const onContact = await call('POST', '/api/v1/workflow-rules', rule({ type: 'form_submitted' }, { object: 'contact' }), 'zh-CN');
    expect(onContact.statusCode).toBe(400);
    expect(onContact.json().errors).toEqual([{ field: 'trigger.type', message: '公开表单创建的是线索：该触发条件只用于线索规则' }]);
    const unknown = await call('POST', '/api/v1/workflow-rules', rule({ type: 'form_submitted', formId: '0190a0c4-0000-7000-8000-000000000000' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'trigger.formId', message: 'There is no such web-to-lead form' }]);
    expect(await t.db.kysely.selectFrom('workflow_rules').select('id').execute()).toEqual(before);
  });
});
