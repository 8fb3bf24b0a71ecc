import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, reopenTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { tickWorkflows } from './workflows.jobs.ts';
import { actionsOf, drainWorkflows, runsOf, tasksFor } from './workflows.test-kit.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.skipIf(!databaseAvailable)('workflow action: wait, then continue', () => {
  let t: TestApp;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const rule = async (body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/workflow-rules', { enabled: true, object: 'contact', trigger: { type: 'created' }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const contact = async (name: string, city = '北京') => (await call('POST', '/api/v1/contacts', { name, address: { city } })).json() as { id: string };
  const apiRun = async (ruleId: string) => (await call('GET', `/api/v1/workflow-runs?ruleId=${ruleId}`)).json().data[0];
  const steps = [
    { type: 'add_tags', tags: ['新客户'] },
    { type: 'wait', days: 2 },
    { type: 'create_task', subject: 'Call {{name}}' },
    { type: 'wait', hours: 1 },
    { type: 'notify', recipients: ['owner'], title: '{{name}}: two days on' },
  ];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('runs the actions after a wait later, once, also after a restart; the run shows waiting meanwhile', async () => {
    const r = await rule({ name: '两天后跟进', conditions: { city: { eq: '北京' } }, actions: steps });
    const c = await contact('王芳');
    const fired = Date.now();
    await drainWorkflows(t, { times: 2 });
    let run = await apiRun(r.id);
    expect(run.status).toBe('waiting');
    expect(run.actions.map((a: { status: string }) => a.status)).toEqual(['succeeded', 'waiting']);
    expect(Date.parse(run.actions[1].detail.resumeAt) - fired).toBeGreaterThanOrEqual(2 * DAY - 5_000);
    expect(await tasksFor(t, 'contact_id', c.id)).toEqual([]);
    // Not yet due.
    await tickWorkflows({ deps: t.deps, now: new Date(fired + DAY) });
    expect(await tasksFor(t, 'contact_id', c.id)).toEqual([]);

    // A restarted process (nothing in memory) resumes it; two ticks at once, or a second, do it once.
    const restarted = await reopenTestApp(t);
    try {
      const at = new Date(fired + 2 * DAY + 60_000);
      await Promise.all([tickWorkflows({ deps: restarted.deps, now: at }), tickWorkflows({ deps: t.deps, now: at })]);
      await tickWorkflows({ deps: restarted.deps, now: at });
      expect((await tasksFor(t, 'contact_id', c.id)).map((x) => x.subject)).toEqual(['Call 王芳']);
      run = await apiRun(r.id);
      expect(run.status).toBe('waiting');
      expect(run.actions.map((a: { status: string }) => a.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'waiting']);
      await tickWorkflows({ deps: restarted.deps, now: new Date(fired + 2 * DAY + 2 * HOUR) });
    } finally {
      await restarted.app.close();
    }
    run = await apiRun(r.id);
    expect(run.status).toBe('succeeded');
    expect(run.actions.map((a: { type: string; status: string }) => `${a.type}:${a.status}`)).toEqual([
      'add_tags:succeeded',
      'wait:succeeded',
      'create_task:succeeded',
      'wait:succeeded',
      'notify:succeeded',
    ]);
    const bell = (await call('GET', '/api/v1/notifications')).json().data as { title: { en: string } }[];
    expect(bell.filter((n) => n.title.en === '王芳: two days on')).toHaveLength(1);
    await tickWorkflows({ deps: t.deps, now: new Date(fired + 5 * DAY) });
    expect(await tasksFor(t, 'contact_id', c.id)).toHaveLength(1);
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('stops a waiting run when the rule is switched off or the record no longer matches', async () => {
    const off = await rule({ name: '关掉', conditions: { city: { eq: '上海' } }, actions: steps });
    const a = await contact('关掉的', '上海');
    await drainWorkflows(t);
    await call('PATCH', `/api/v1/workflow-rules/${off.id}`, { enabled: false });
    const moved = await rule({ name: '搬走', conditions: { city: { eq: '广州' } }, actions: steps });
    const b = await contact('搬走的', '广州');
    await drainWorkflows(t);
    expect((await call('PATCH', `/api/v1/contacts/${b.id}`, { address: { city: '深圳' } })).statusCode).toBe(200);
    await drainWorkflows(t);
    await tickWorkflows({ deps: t.deps, now: new Date(Date.now() + 3 * DAY) });
    for (const [id, record, reason] of [
      [off.id, a.id, 'rule_off'],
      [moved.id, b.id, 'conditions_not_met'],
    ]) {
      const [run] = await runsOf(t, id as string);
      expect([run?.status, run?.reason], id).toEqual(['skipped', reason]);
      expect(actionsOf(run).map((x) => x.status)).toEqual(['succeeded', 'succeeded']);
      expect(await tasksFor(t, 'contact_id', record as string)).toEqual([]);
    }
    await call('PATCH', `/api/v1/workflow-rules/${moved.id}`, { enabled: false });
  });

  it('dry-runs past a wait (shows when), and refuses a wait of nothing when saving (translated)', async () => {
    const c = await contact('试运行');
    const res = await call('POST', '/api/v1/workflow-rules/dry-run', {
      recordId: c.id,
      rule: { name: 'x', object: 'contact', trigger: { type: 'created' }, actions: steps },
    });
    expect(res.statusCode, res.body).toBe(200);
    const actions = res.json().actions as { type: string; status: string; detail: { resumeAt?: string } }[];
    expect(actions.map((a) => a.status)).toEqual(['planned', 'planned', 'planned', 'planned', 'planned']);
    expect(Date.parse(actions[1]?.detail.resumeAt ?? '')).toBeGreaterThan(Date.now() + 2 * DAY - 60_000);
    expect(await t.db.kysely.selectFrom('workflow_waits').select('id').where('record_id', '=', c.id).execute()).toEqual([]);
    const zero = await call(
      'POST',
      '/api/v1/workflow-rules',
      { name: 'x', object: 'contact', trigger: { type: 'created' }, actions: [{ type: 'wait' }] },
      'zh-CN',
    );
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors).toEqual([{ field: 'actions.0.days', message: '至少等待 1 分钟' }]);
  });
});
