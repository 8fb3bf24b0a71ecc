import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { drainOutbox } from '#test/outbox-kit.ts';
import { decayAll, rescoreTenant } from './lead-score.service.ts';
import { closedHistory, leadMeeting } from './scoring.test-kit.ts';

const DAY = 86_400_000;

describe.skipIf(!databaseAvailable)('rule-based lead scoring', () => {
  let t: TestApp;
  let rep: TestUser;
  let fitId: string;
  let leadId: string;
  const score = async (id = leadId, user: TestUser = t.admin) => {
    const res = await t.request(user, { method: 'GET', url: `/api/v1/leads/${id}/score` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep' });
  });
  afterAll(() => t?.close());

  it('refuses a rule on an unknown field with a 400 and saves nothing', async () => {
    const res = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/lead-scoring/groups',
      payload: { name: 'Fit', rules: [{ kind: 'attribute', field: 'shoeSize', operator: 'eq', value: '42', points: 10 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: 'rules.0.field' });
    expect(res.json().errors[0].message).toContain('shoeSize');
    const zh = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/lead-scoring/groups',
      headers: { 'accept-language': 'zh-CN' },
      payload: { name: 'Fit', rules: [{ kind: 'attribute', field: 'custom.nope', operator: 'eq', value: 'x', points: 1 }] },
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().errors[0].message).toContain('未知的线索字段');
    const list = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-scoring/groups' });
    expect(list.json().data).toEqual([]);
    const rules = await t.request(rep, { method: 'POST', url: '/api/v1/lead-scoring/groups', payload: { name: 'x', rules: [] } });
    expect(rules.statusCode).toBe(403);
  });

  it('accepts custom lead fields and rejects hot at or below warm', async () => {
    await t.defineCustomField(t.admin, { object: 'lead', key: 'budget', label: { en: 'Budget', zh: '预算' }, type: 'number' });
    const fields = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-scoring/fields' });
    expect(fields.json().data.map((f: { field: string }) => f.field)).toContain('custom.budget');
    const bad = await t.request(t.admin, { method: 'PATCH', url: '/api/v1/lead-scoring/settings', payload: { warmAt: 50, hotAt: 50 } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.request(t.admin, { method: 'PATCH', url: '/api/v1/lead-scoring/settings', payload: { halfLifeDays: 10, warmAt: 30, hotAt: 60 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ halfLifeDays: 10, warmAt: 30, hotAt: 60, version: 1 });
  });

  it('scores a new lead from attribute rules, capped per group, with the explanation', async () => {
    const fit = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/lead-scoring/groups',
      payload: {
        name: 'Fit',
        cap: 40,
        rules: [
          { kind: 'attribute', field: 'industry', operator: 'eq', value: 'Manufacturing', points: 30, label: '制造业' },
          { kind: 'attribute', field: 'title', operator: 'contains', value: '总监', points: 20 },
          { kind: 'attribute', field: 'custom.budget', operator: 'gte', value: 100000, points: 15 },
        ],
      },
    });
    expect(fit.statusCode, fit.body).toBe(201);
    fitId = fit.json().id;
    const engagement = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/lead-scoring/groups',
      payload: {
        name: 'Engagement',
        cap: 30,
        rules: [
          { kind: 'behaviour', eventType: 'email_opened', points: 5 },
          { kind: 'behaviour', eventType: 'meeting_held', points: 20 },
        ],
      },
    });
    expect(engagement.statusCode, engagement.body).toBe(201);
    await drainOutbox(t);

    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/leads', payload: { name: '王芳', industry: 'manufacturing', title: '采购总监' } });
    expect(created.statusCode, created.body).toBe(201);
    leadId = created.json().id;
    await drainOutbox(t);
    const s = await score();
    expect(s).toMatchObject({ score: 40, band: 'warm', halfLifeDays: 10 });
    expect(s.groups[0]).toMatchObject({ name: 'Fit', raw: 50, points: 40, capped: true });
    expect(s.groups[0].rules.map((r: { label: string; points: number }) => [r.label, r.points])).toEqual([
      ['制造业', 30],
      ['title contains 总监', 20],
    ]);
    expect(s.prediction).toMatchObject({ status: 'insufficient', reason: 'not_trained' });
  });

  it('rescores when the lead changes (the update subscriber), idempotently', async () => {
    const res = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/leads/${leadId}`, payload: { custom: { budget: 500000 } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await drainOutbox(t)).toContain('lead.updated');
    expect((await score()).groups[0]).toMatchObject({ raw: 65, points: 40 });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from lead_scores where lead_id = ${leadId}`.execute(t.db.kysely);
    expect(rows[0]?.n).toBe(1);
  });

  it('adds engagement points, caps them, turns the lead hot and logs the band change on the lead', async () => {
    const meeting = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${leadId}/engagements`, payload: { type: 'meeting_held' } });
    expect(meeting.statusCode, meeting.body).toBe(201);
    expect(meeting.json()).toMatchObject({ type: 'meeting_held', score: 60, band: 'hot' });
    const at = new Date(Date.now() - 10 * DAY).toISOString();
    const email = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${leadId}/engagements`, payload: { type: 'email_opened', at } });
    expect(email.json()).toMatchObject({ score: 63, band: 'hot' });
    for (let i = 0; i < 3; i++) await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${leadId}/engagements`, payload: { type: 'email_opened' } });
    const s = await score();
    expect(s.groups[1]).toMatchObject({ name: 'Engagement', raw: 37.5, points: 30, capped: true });
    expect(s.score).toBe(70);
    const audit = await sql<{ action: string; changes: unknown }>`
      select action, changes from audit_log where object_type = 'lead' and object_id = ${leadId} and action = 'score_changed' order by at`.execute(t.db.kysely);
    expect(audit.rows.map((r) => r.changes)).toEqual([{ scoreBand: { from: null, to: 'warm' } }, { scoreBand: { from: 'warm', to: 'hot' } }]);
    const events = await sql<{ payload: unknown }>`select payload from outbox where type = 'lead.score_changed' and object_id = ${leadId} order by id`.execute(
      t.db.kysely,
    );
    expect(events.rows.at(-1)?.payload).toMatchObject({ from: 'warm', to: 'hot', score: 60 });
    const bad = await t.request(t.admin, { method: 'POST', url: `/api/v1/leads/${leadId}/engagements`, payload: { type: 'smoke_signal' } });
    expect(bad.statusCode).toBe(400);
  });

  it('decays engagement points with the half-life on the daily pass (fixed clock)', async () => {
    await drainOutbox(t);
    // Ten days on: the meeting is worth 10, the old email 1.25, the three recent ones 7.5.
    await rescoreTenant({ db: t.db, tenantId: t.admin.tenantId, now: new Date(Date.now() + 10 * DAY) });
    const later = await score();
    expect(later.groups[1]).toMatchObject({ capped: false });
    expect(later.groups[1].raw).toBeCloseTo(18.75, 1);
    expect(later).toMatchObject({ score: 59, band: 'warm' });
    // A year on, engagement is gone; fit remains.
    expect(await decayAll(t.db, new Date(Date.now() + 365 * DAY))).toBeGreaterThanOrEqual(1);
    expect(await score()).toMatchObject({ score: 40, band: 'warm' });
    await rescoreTenant({ db: t.db, tenantId: t.admin.tenantId, now: new Date() });
  });

  it('rescores every open lead when a rule group changes', async () => {
    const res = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/lead-scoring/groups/${fitId}`,
      payload: { cap: 20 },
      headers: { 'if-match': '"1"' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const stale = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/lead-scoring/groups/${fitId}`,
      payload: { cap: 25 },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    await drainOutbox(t);
    expect((await score()).groups[0]).toMatchObject({ points: 20, capped: true });
  });

  it('counts a meeting with the lead as engagement, once, and takes it back when the meeting is deleted', async () => {
    const before = (await score()).groups[1].raw as number;
    const meeting = await leadMeeting(t, { leadId, startsAt: new Date(Date.now() - 3_600_000) });
    await drainOutbox(t);
    await t.request(t.admin, { method: 'GET', url: `/api/v1/leads/${leadId}/engagements` }).then((res) => {
      expect(res.json().data.filter((e: { source: string }) => e.source === 'activity')).toHaveLength(1);
    });
    expect((await score()).groups[1].raw).toBeCloseTo(before + 20, 0);
    await leadMeeting(t, { leadId, startsAt: new Date(), event: 'deleted', id: meeting });
    await drainOutbox(t);
    expect((await score()).groups[1].raw).toBeCloseTo(before, 1);
  });

  it('hides the score of a lead the user may not read', async () => {
    const res = await t.request(rep, { method: 'GET', url: `/api/v1/leads/${leadId}/score` });
    expect(res.statusCode).toBe(404);
    const eng = await t.request(rep, { method: 'POST', url: `/api/v1/leads/${leadId}/engagements`, payload: { type: 'email_opened' } });
    expect(eng.statusCode).toBe(404);
  });

  it('predicts from won/lost history with top factors, and says when history is too thin', async () => {
    await closedHistory(t, [{ industry: 'Manufacturing', outcome: 'won' }]);
    const thin = await t.request(t.admin, { method: 'POST', url: '/api/v1/lead-scoring/model/refit' });
    expect(thin.json()).toMatchObject({ status: 'insufficient', reason: 'too_few_outcomes', won: 1, lost: 0, needed: 20 });
    expect((await score()).prediction).toMatchObject({ status: 'insufficient', reason: 'too_few_outcomes' });
    const history = [
      ...Array.from({ length: 8 }, () => ({ industry: 'Manufacturing', outcome: 'won' as const })),
      { industry: 'Manufacturing', outcome: 'lost' as const },
      ...Array.from({ length: 9 }, () => ({ industry: 'Retail', outcome: 'lost' as const })),
      { industry: 'Retail', outcome: 'won' as const },
      ...Array.from({ length: 5 }, () => ({ industry: 'Retail', outcome: 'unqualified' as const })),
    ];
    await closedHistory(t, history);
    const refit = await t.request(t.admin, { method: 'POST', url: '/api/v1/lead-scoring/model/refit' });
    expect(refit.json()).toMatchObject({ status: 'ready', won: 10, lost: 15 });
    const p = (await score()).prediction;
    expect(p.status).toBe('ready');
    // Manufacturing: won 9 of 10 (+1 / +2 with 2 values), lost 1 of 15 -> odds 10/15 x (10/12)/(2/17).
    expect(p.probability).toBeCloseTo(1 / (1 + 1 / ((10 / 15) * (10 / 12 / (2 / 17)))), 3);
    expect(p.positive[0]).toMatchObject({ field: 'industry', value: 'manufacturing' });
    const model = await t.request(t.admin, { method: 'GET', url: '/api/v1/lead-scoring/model' });
    expect(model.json()).toMatchObject({ status: 'ready', reason: null });
  });
});
