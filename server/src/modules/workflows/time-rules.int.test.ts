import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { tickWorkflows } from './workflows.jobs.ts';
import { runsOf, tasksFor } from './workflows.test-kit.ts';

const DAY = 86_400_000;
const dateIn = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));

describe.skipIf(!databaseAvailable)('time-based workflow rules', () => {
  let t: TestApp;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.request(t.admin, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const rule = async (body: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/workflow-rules', { enabled: true, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; nextRunAt: string | null };
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.defineCustomField(t.admin, { object: 'contact', key: 'renewal', type: 'date', label: { zh: '续约日', en: 'Renewal' } });
  });
  afterAll(() => t?.close());

  it('fires 30 days before a date field, at 09:00 in the tenant’s zone, once per record', async () => {
    // Renewal 35 days out (Shanghai dates): the rule's moment is 5 days from now at 09:00 +08:00.
    const renewal = dateIn(Date.now() + 35 * DAY, 'Asia/Shanghai');
    const soon = (await call('POST', '/api/v1/contacts', { name: '续约客户', custom: { renewal } })).json();
    const later = (await call('POST', '/api/v1/contacts', { name: '明年客户', custom: { renewal: dateIn(Date.now() + 400 * DAY, 'Asia/Shanghai') } })).json();
    const r = await rule({
      name: 'renewal reminder',
      object: 'contact',
      trigger: { type: 'date', field: 'custom.renewal', offsetDays: -30, time: '09:00' },
      actions: [{ type: 'create_task', subject: 'Renewal of {{name}} on {{custom.renewal}}' }],
    });
    const moment = new Date(`${dateIn(Date.now() + 5 * DAY, 'Asia/Shanghai')}T09:00:00+08:00`);
    expect(await tickWorkflows({ deps: t.deps, now: new Date(moment.getTime() - 60_000) })).toBe(0);
    expect(await tickWorkflows({ deps: t.deps, now: new Date(moment.getTime() + 30_000) })).toBe(1);
    // A second runner's tick, or the next minute's, finds nothing new.
    expect(await tickWorkflows({ deps: t.deps, now: new Date(moment.getTime() + 90_000) })).toBe(0);
    const runs = await runsOf(t, r.id);
    expect(runs.map((x) => [x.record_id, x.status, x.trigger_event])).toEqual([[soon.id, 'succeeded', 'date']]);
    expect((await tasksFor(t, 'contact_id', soon.id)).map((x) => x.subject)).toEqual([`Renewal of 续约客户 on ${renewal}`]);
    expect(await tasksFor(t, 'contact_id', later.id)).toEqual([]);
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('runs a cron schedule in the tenant’s zone on every matching record, once per tick', async () => {
    const a = (await call('POST', '/api/v1/contacts', { name: '周报甲', department: 'weekly' })).json();
    const b = (await call('POST', '/api/v1/contacts', { name: '周报乙', department: 'weekly' })).json();
    await call('POST', '/api/v1/contacts', { name: '别人', department: 'other' });
    const r = await rule({
      name: 'Monday check-in',
      object: 'contact',
      trigger: { type: 'schedule', cron: '0 9 * * 1' },
      conditions: { department: { eq: 'weekly' } },
      actions: [{ type: 'add_tags', tags: ['checked'] }],
    });
    const next = new Date(r.nextRunAt as string);
    // Monday 09:00 in Asia/Shanghai is 01:00 UTC.
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 1, 0]);
    expect(await tickWorkflows({ deps: t.deps, now: new Date(next.getTime() - 1000) })).toBe(0);
    expect(await tickWorkflows({ deps: t.deps, now: new Date(next.getTime() + 5000) })).toBe(2);
    expect(await tickWorkflows({ deps: t.deps, now: new Date(next.getTime() + 65_000) })).toBe(0);
    expect((await runsOf(t, r.id)).map((x) => x.record_id).sort()).toEqual([a.id, b.id].sort());
    const after = (await call('GET', `/api/v1/workflow-rules/${r.id}`)).json();
    expect(new Date(after.nextRunAt).getTime() - next.getTime()).toBe(7 * DAY);
    expect((await call('GET', `/api/v1/contacts/${a.id}`)).json().tags).toEqual(['checked']);
  });
});
