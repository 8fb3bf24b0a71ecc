import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { inTenant } from '#db/tx.ts';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime } from '#platform/calendars/business-time.ts';
import { loadCalendar } from '#platform/calendars/calendars.repo.ts';
import { type Call, caller, makeOrg, twoLevelProcess } from './approvals.test-kit.ts';
import { dueAfter } from './due.service.ts';
import type { Flow } from './flow.types.ts';
import { sweepApprovalTimeouts } from './timeouts.service.ts';

describe.skipIf(!databaseAvailable)('approvals', () => {
  let t: TestApp;
  let call: Call;
  let org: Awaited<ReturnType<typeof makeOrg>>;
  let processId: string;

  beforeAll(async () => {
    t = await createTestApp();
    call = caller(t);
    org = await makeOrg(t);
    const res = await call(t.admin, 'POST', '/api/v1/approval-processes', twoLevelProcess());
    expect(res.statusCode, res.body).toBe(201);
    processId = res.json().id;
  });
  afterAll(() => t?.close());

  const deal = async (owner: TestUser, amount: string) => {
    const res = await call(owner, 'POST', '/api/v1/deals', { name: `Deal ${amount}`, amount });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const submit = (user: TestUser, recordId: string, object = 'deal') => call(user, 'POST', '/api/v1/approvals', { object, recordId, comment: '请审批' });
  const inbox = async (user: TestUser) => (await call(user, 'GET', '/api/v1/approvals?box=inbox')).json().data as { id: string; recordId: string }[];

  it('a two-level approval skips the second level below its threshold', async () => {
    const small = await deal(org.rep, '2000000');
    const res = await submit(org.rep, small.id);
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({
      status: 'pending',
      processId,
      stepIndex: 0,
      steps: [{ state: 'pending' }, { state: 'waiting' }],
      mine: { canRecall: true, canDecide: false },
    });
    expect(request.tasks.map((x: { approverId: string }) => x.approverId)).toEqual([org.manager.id]);
    expect((await inbox(org.manager)).map((x) => x.recordId)).toContain(small.id);
    expect(await inbox(org.director)).toEqual([]);

    const approved = await call(org.manager, 'POST', `/api/v1/approvals/${request.id}/approve`, { comment: 'OK' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', steps: [{ state: 'approved' }, { state: 'skipped' }] });
    // The outcome's field update went through the record service, after the lock was lifted.
    const after = (await call(org.rep, 'GET', `/api/v1/deals/${small.id}`)).json();
    expect(after.description).toBe('已审批 approved');
    const bell = (await call(org.rep, 'GET', '/api/v1/notifications')).json().data as { kind: string }[];
    expect(bell.some((n) => n.kind === 'approval')).toBe(true);
  });

  it('above the threshold the manager then the director approve; events and audit follow', async () => {
    const big = await deal(org.rep, '5000000');
    const id = (await submit(org.rep, big.id)).json().id as string;
    expect((await call(org.manager, 'POST', `/api/v1/approvals/${id}/approve`, {})).json()).toMatchObject({ status: 'pending', stepIndex: 1 });
    expect((await inbox(org.director)).map((x) => x.id)).toEqual([id]);
    // 409 when already decided by me, 403 when not mine.
    expect((await call(org.manager, 'POST', `/api/v1/approvals/${id}/approve`, {})).statusCode).toBe(409);
    const notMine = await call(org.rep2, 'POST', `/api/v1/approvals/${id}/approve`, {});
    expect(notMine.statusCode).toBe(403);
    expect(notMine.headers['content-type']).toContain('application/problem+json');
    expect((await call(org.director, 'POST', `/api/v1/approvals/${id}/approve`, {})).json().status).toBe('approved');
    expect((await call(org.director, 'POST', `/api/v1/approvals/${id}/approve`, {})).statusCode).toBe(409);
    const events = await t.db.kysely.selectFrom('outbox').select('type').where('object_id', '=', big.id).where('type', 'like', 'approval.%').execute();
    expect(events.map((e) => e.type)).toEqual(['approval.submitted', 'approval.approved']);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', big.id)
      .where('action', 'like', 'approval_%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['approval_submitted', 'approval_step_approved', 'approval_approved']);
  });

  it('a locked record refuses a rep’s edit and accepts the approver’s; recall unlocks it', async () => {
    const d = await deal(org.rep, '1500000');
    const id = (await submit(org.rep, d.id)).json().id as string;
    const refused = await call(org.rep, 'PATCH', `/api/v1/deals/${d.id}`, { description: 'edit' });
    expect(refused.statusCode).toBe(423);
    expect(refused.json().detail).toContain('waiting for an approval');
    expect((await call(org.rep, 'DELETE', `/api/v1/deals/${d.id}`)).statusCode).toBe(403); // reps may not delete anyway
    expect((await call(org.manager, 'PATCH', `/api/v1/deals/${d.id}`, { description: 'by the approver' })).statusCode).toBe(200);
    expect((await call(t.admin, 'PATCH', `/api/v1/deals/${d.id}`, { description: 'by an admin' })).statusCode).toBe(200);
    expect((await submit(org.rep, d.id)).statusCode).toBe(409);

    expect((await call(org.manager, 'POST', `/api/v1/approvals/${id}/recall`, {})).statusCode).toBe(403);
    const recalled = await call(org.rep, 'POST', `/api/v1/approvals/${id}/recall`, {});
    expect(recalled.json()).toMatchObject({ status: 'recalled', tasks: [{ status: 'cancelled' }] });
    expect((await call(org.rep, 'PATCH', `/api/v1/deals/${d.id}`, { description: 'free again' })).statusCode).toBe(200);
    expect((await call(org.manager, 'POST', `/api/v1/approvals/${id}/approve`, {})).statusCode).toBe(409);
  });

  it('reject needs a comment and ends the request', async () => {
    const d = await deal(org.rep, '1200000');
    const id = (await submit(org.rep, d.id)).json().id as string;
    const bare = await call(org.manager, 'POST', `/api/v1/approvals/${id}/reject`, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([{ field: 'comment', message: 'Say why you reject it' }]);
    const zh = await t.request(org.manager, { method: 'POST', url: `/api/v1/approvals/${id}/reject`, payload: {}, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.json().errors[0].message).toBe('驳回时请填写理由');
    const rejected = await call(org.manager, 'POST', `/api/v1/approvals/${id}/reject`, { comment: '折扣太高' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionComment: '折扣太高', steps: [{ state: 'rejected' }, { state: 'waiting' }] });
    expect((await call(org.rep, 'GET', `/api/v1/deals/${d.id}`)).json().description).toBeNull();
  });

  it('any one vs all: a role step with "all" waits for every member, "any" for the first', async () => {
    const roles = (await call(t.admin, 'GET', '/api/v1/roles')).json().data as { id: string; name: string }[];
    const managerRole = roles.find((r) => r.name === 'Sales Manager')?.id as string;
    const make = async (mode: 'any' | 'all', name: string) => {
      const res = await call(t.admin, 'POST', '/api/v1/approval-processes', {
        object: 'company',
        name,
        criteria: { name: { startsWith: name } },
        steps: [{ name: '经理们', approvers: [{ type: 'role', roleId: managerRole }], mode }],
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await make('any', 'ANY');
    await make('all', 'ALL');
    const company = async (name: string) => (await call(org.rep, 'POST', '/api/v1/companies', { name })).json().id as string;

    const anyId = (await submit(org.rep, await company('ANY Co'), 'company')).json().id as string;
    const any = await call(org.director, 'POST', `/api/v1/approvals/${anyId}/approve`, {});
    expect(any.json()).toMatchObject({ status: 'approved' });
    expect(
      any
        .json()
        .tasks.map((x: { status: string }) => x.status)
        .sort(),
    ).toEqual(['approved', 'cancelled']);

    const allCompany = await company('ALL Co');
    const allId = (await submit(org.rep, allCompany, 'company')).json().id as string;
    expect((await call(org.director, 'POST', `/api/v1/approvals/${allId}/approve`, {})).json().status).toBe('pending');
    expect((await call(org.manager, 'POST', `/api/v1/approvals/${allId}/approve`, {})).json().status).toBe('approved');
    // On the company's 360 timeline.
    const timeline = (await call(t.admin, 'GET', `/api/v1/companies/${allCompany}/timeline`)).json().data as { action?: string }[];
    expect(timeline.map((i) => i.action)).toEqual(expect.arrayContaining(['approval_submitted', 'approval_step_approved', 'approval_approved']));
  });

  it('reassigns a task to a delegate, who can then decide', async () => {
    const d = await deal(org.rep, '1100000');
    const id = (await submit(org.rep, d.id)).json().id as string;
    const moved = await call(org.manager, 'POST', `/api/v1/approvals/${id}/reassign`, { userId: org.director.id, comment: '出差中' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().tasks.map((x: { status: string }) => x.status)).toEqual(['reassigned', 'pending']);
    expect((await call(org.manager, 'POST', `/api/v1/approvals/${id}/approve`, {})).statusCode).toBe(409);
    expect((await call(org.director, 'POST', `/api/v1/approvals/${id}/approve`, {})).json().status).toBe('approved');
  });

  it('escalates an unanswered task to the approver’s manager after the timeout (durable sweep), then reminds who has no manager', async () => {
    // A calendar open round the clock: business hours are wall-clock hours here.
    const allDay = Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]);
    const calendar = await call(t.admin, 'POST', '/api/v1/business-calendars', { name: '24/7', timeZone: 'Asia/Shanghai', week: allDay });
    expect(calendar.statusCode, calendar.body).toBe(201);
    const res = await call(t.admin, 'POST', '/api/v1/approval-processes', {
      object: 'company',
      name: 'Escalate',
      criteria: { name: { startsWith: 'ESC' } },
      steps: [{ name: '经理', approvers: [{ type: 'manager', level: 1 }], timeoutHours: 2, onTimeout: 'escalate', calendarId: calendar.json().id }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const companyId = (await call(org.rep, 'POST', '/api/v1/companies', { name: 'ESC Co' })).json().id as string;
    const id = (await submit(org.rep, companyId, 'company')).json().id as string;
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000);
    expect(await sweepApprovalTimeouts({ deps: t.deps, now: hours(1) })).toBe(0);
    expect(await sweepApprovalTimeouts({ deps: t.deps, now: hours(2.5) })).toBe(1);
    const escalated = (await call(org.director, 'GET', `/api/v1/approvals/${id}`)).json();
    expect(escalated.tasks.map((x: { approverId: string; status: string }) => [x.approverId, x.status])).toEqual([
      [org.manager.id, 'escalated'],
      [org.director.id, 'pending'],
    ]);
    expect(escalated.tasks[1].delegatedFromId).toBe(org.manager.id);
    // A second sweep at the same moment does nothing more; the director has no manager: reminded, not moved.
    expect(await sweepApprovalTimeouts({ deps: t.deps, now: hours(2.5) })).toBe(0);
    expect(await sweepApprovalTimeouts({ deps: t.deps, now: hours(5) })).toBe(1);
    expect((await call(org.director, 'GET', `/api/v1/approvals/${id}`)).json().tasks[1].status).toBe('pending');
    expect((await call(org.director, 'POST', `/api/v1/approvals/${id}/approve`, {})).json().status).toBe('approved');
  });

  it('counts the timeout in business hours on the tenant’s default calendar (Mon–Fri 09:00–18:00 Shanghai, holidays off)', async () => {
    const res = await call(t.admin, 'POST', '/api/v1/approval-processes', {
      object: 'company',
      name: 'Business hours',
      criteria: { name: { startsWith: 'BH' } },
      steps: [{ name: '经理', approvers: [{ type: 'manager', level: 1 }], timeoutHours: 2, onTimeout: 'escalate' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const companyId = (await call(org.rep, 'POST', '/api/v1/companies', { name: 'BH Co' })).json().id as string;
    const id = (await submit(org.rep, companyId, 'company')).json().id as string;
    const [task] = (await call(org.manager, 'GET', `/api/v1/approvals/${id}`)).json().tasks as { createdAt: string; dueAt: string }[];
    const calendar = await inTenant(t.db.kysely, t.admin.tenantId, (tx) => loadCalendar(tx, { tenantId: t.admin.tenantId }));
    const due = new Date(task?.dueAt as string);
    expect(due.toISOString()).toBe(addBusinessMinutes({ calendar, from: new Date(task?.createdAt as string), minutes: 120 }).toISOString());
    expect(businessMinutesBetween({ calendar, from: new Date(task?.createdAt as string), to: due })).toBe(120);
    expect(isBusinessTime({ calendar, at: new Date(due.getTime() - 1) })).toBe(true);
    expect(due.getTime() - new Date(task?.createdAt as string).getTime()).toBeGreaterThanOrEqual(2 * 3_600_000);
    const minute = 60_000;
    expect(await sweepApprovalTimeouts({ deps: t.deps, now: new Date(due.getTime() - minute) })).toBe(0);
    expect(await sweepApprovalTimeouts({ deps: t.deps, now: new Date(due.getTime() + minute) })).toBe(1);
    const tasks = (await call(org.director, 'GET', `/api/v1/approvals/${id}`)).json().tasks as { status: string; dueAt: string }[];
    expect(tasks.map((x) => x.status)).toEqual(['escalated', 'pending']);
    // The escalated task's 2 hours count from the sweep, on the calendar too.
    expect(tasks[1]?.dueAt).toBe(addBusinessMinutes({ calendar, from: new Date(due.getTime() + minute), minutes: 120 }).toISOString());
    // A request opened on Friday 9 October 2026 at 17:00 in Shanghai is due on the make-up Saturday (调休) at 10:00;
    // one opened on Wednesday 30 September at 17:00 skips National Day week to Thursday 8 October, 10:00.
    const dueFrom = (now: string) =>
      inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
        const f = { tx, ctx: { tenantId: t.admin.tenantId }, now: new Date(now) } as unknown as Flow;
        const stored = (await tx.selectFrom('business_calendars').select('id').where('name', '=', '标准工作时间').executeTakeFirstOrThrow()).id;
        return (await dueAfter({ f, step: { timeoutHours: 2, calendarId: stored } }))?.toISOString();
      });
    expect(await dueFrom('2026-10-09T09:00:00Z')).toBe('2026-10-10T02:00:00.000Z');
    expect(await dueFrom('2026-09-30T09:00:00Z')).toBe('2026-10-08T02:00:00.000Z');
    const unknown = await call(t.admin, 'POST', '/api/v1/approval-processes', {
      object: 'company',
      name: 'Unknown calendar',
      steps: [{ name: '经理', approvers: [{ type: 'manager', level: 1 }], timeoutHours: 2, calendarId: '018f0000-0000-7000-8000-000000000000' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'steps.0.calendarId', message: expect.stringContaining('Business hours') }]);
  });

  it('refuses bad processes with translated field errors and writes nothing', async () => {
    const before = (await call(t.admin, 'GET', '/api/v1/approval-processes')).json().data.length;
    const noSteps = await call(t.admin, 'POST', '/api/v1/approval-processes', { object: 'deal', name: 'x', steps: [] });
    expect(noSteps.statusCode).toBe(400);
    expect(noSteps.headers['content-type']).toContain('application/problem+json');
    expect(noSteps.json().errors).toEqual([{ field: 'steps', message: 'A process needs at least one step' }]);
    const bad = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/approval-processes',
      headers: { 'accept-language': 'zh-CN' },
      payload: {
        object: 'deal',
        name: 'x',
        criteria: { nope: { gt: 1 } },
        steps: [
          { name: 'a', approvers: [] },
          { name: 'b', approvers: [{ type: 'user', userId: org.rep.id }], criteria: { name: { gt: 'x' } } },
        ],
        onApproved: {
          fieldUpdates: [
            { field: 'version', value: 1 },
            { field: 'nothing', value: 'x' },
          ],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(['criteria', 'steps.0.approvers', 'steps.1.criteria', 'onApproved.fieldUpdates.0.field', 'onApproved.fieldUpdates.1.field']);
    expect(bad.json().errors[1].message).toBe('每个步骤至少需要一个审批人');
    expect((await call(t.admin, 'POST', '/api/v1/approval-processes', { object: 'nothing', name: 'x', steps: [] })).statusCode).toBe(400);
    expect((await call(org.rep, 'POST', '/api/v1/approval-processes', twoLevelProcess())).statusCode).toBe(403);
    expect((await call(t.admin, 'GET', '/api/v1/approval-processes')).json().data.length).toBe(before);
    // Below the entry criteria nothing applies.
    const small = await deal(org.rep, '10');
    expect((await submit(org.rep, small.id)).json().errors[0].field).toBe('processId');
  });

  it('works on a custom object, whose locked records refuse edits too', async () => {
    expect((await call(t.admin, 'POST', '/api/v1/custom-objects', { name: 'tenders', label: { zh: '投标', en: 'Tender' } })).statusCode).toBe(201);
    await t.defineCustomField(t.admin, { object: 'tenders', key: 'discount', type: 'number', label: { zh: '折扣', en: 'Discount' } });
    const p = await call(t.admin, 'POST', '/api/v1/approval-processes', {
      object: 'tenders',
      name: '合同折扣',
      criteria: { 'custom.discount': { gt: 20 } },
      steps: [
        { name: '经理', approvers: [{ type: 'manager', level: 1 }] },
        { name: '总监', approvers: [{ type: 'user', userId: org.director.id }], criteria: { 'custom.discount': { gt: 40 } } },
      ],
      onApproved: { fieldUpdates: [{ field: 'custom.discount', value: 19 }], notify: ['owner'] },
    });
    expect(p.statusCode, p.body).toBe(201);
    // New custom objects start without role grants: reps get their own, managers their team's.
    const roles = (await call(t.admin, 'GET', '/api/v1/roles')).json().data as { id: string; name: string; permissions: Record<string, unknown> }[];
    for (const role of roles.filter((r) => r.name !== 'Administrator')) {
      const scope = role.name === 'Sales Rep' ? 'own' : 'team';
      const permissions = { ...role.permissions, tenders: { read: scope, create: scope, update: scope } };
      expect((await call(t.admin, 'PATCH', `/api/v1/roles/${role.id}`, { permissions })).statusCode).toBe(200);
    }
    const created = await call(org.rep, 'POST', '/api/v1/tenders', { name: '框架合同', custom: { discount: 45 } });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json();
    const id = (await submit(org.rep, record.id, 'tenders')).json().id as string;
    const locked = await call(org.rep, 'PATCH', `/api/v1/tenders/${record.id}`, { custom: { discount: 50 } });
    expect(locked.statusCode, locked.body).toBe(423);
    await call(org.manager, 'POST', `/api/v1/approvals/${id}/approve`, {});
    expect((await call(org.director, 'POST', `/api/v1/approvals/${id}/approve`, {})).json().status).toBe('approved');
    expect((await call(org.rep, 'GET', `/api/v1/tenders/${record.id}`)).json().custom.discount).toBe(19);
    const panel = (await call(org.rep, 'GET', `/api/v1/approvals/records/tenders/${record.id}`)).json();
    expect(panel).toMatchObject({ pending: null, history: [{ status: 'approved' }] });
  });
});
