import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SECRET, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { DEMO_USERS } from './demo-data.ts';
import { DEMO_LEADS } from './demo-leads.ts';
import { type SeedCounts, seedDemoData } from './seed.ts';

const DEMO_PASSWORD = 'demo-pass-given-1';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!databaseAvailable)('the demo seed', () => {
  let t: TestApp;
  let counts: SeedCounts;
  const get = async (url: string) => {
    const res = await t.request(t.admin, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    counts = await seedDemoData(t.db, { tenantId: t.admin.tenantId, adminId: t.admin.id, masterKey: masterKeyFrom(TEST_SECRET), password: DEMO_PASSWORD });
  });
  afterAll(() => t?.close());

  it('loads customers, leads, deals, a pool, automation, service and lead-to-cash records', () => {
    expect(counts).toMatchObject({
      companies: 8,
      contacts: 15,
      users: 3,
      leads: DEMO_LEADS.length,
      deals: 19,
      poolCustomers: 3,
      rules: 3,
      approvalProcesses: 1,
      mailTemplates: 3,
      tickets: 6,
      products: 5,
      quotes: 2,
      orders: 2,
      contracts: 2,
    });
  });

  it('gives contracts with payment plans and payments, one instalment overdue, in the receivables report', async () => {
    const { data } = await get('/api/v1/contracts');
    expect(data.map((c: { status: string }) => c.status).sort()).toEqual(['active', 'active']);
    const receivables = await get('/api/v1/receivables');
    expect(receivables.data.some((r: { overdue: string }) => Number(r.overdue) > 0)).toBe(true);
    const instalments = await get('/api/v1/instalments?limit=100');
    expect(instalments.data.map((i: { status: string }) => i.status)).toEqual(expect.arrayContaining(['paid', 'overdue', 'pending']));
  });

  it('gives leads of every open status and several sources, bilingual, some scored hot or warm with a timeline', async () => {
    const { data } = await get('/api/v1/leads?limit=100');
    expect(data).toHaveLength(DEMO_LEADS.length);
    expect(new Set(data.map((l: { status: string }) => l.status))).toEqual(new Set(['new', 'contacted', 'nurturing', 'qualified', 'unqualified']));
    expect(new Set(data.map((l: { source: string }) => l.source)).size).toBeGreaterThanOrEqual(6);
    expect(data.map((l: { name: string }) => l.name)).toEqual(expect.arrayContaining(['马骏', 'James Carter']));
    const qualified = data.find((l: { name: string }) => l.name === '马骏');
    const score = await get(`/api/v1/leads/${qualified.id}/score`);
    expect(score).toMatchObject({ band: 'hot' });
    const bands = await Promise.all(data.map(async (l: { id: string }) => (await get(`/api/v1/leads/${l.id}/score`)).band));
    expect(new Set(bands)).toEqual(new Set(['cold', 'warm', 'hot']));
    const timeline = await get(`/api/v1/leads/${qualified.id}/timeline`);
    expect(timeline.data.map((i: { activity?: { subject: string } }) => i.activity?.subject)).toContain('需求调研会议');
  });

  it('spreads won and lost deals (with reasons) over past months, so the reports have history', async () => {
    const period = `?from=${day(-180)}&to=${day(90)}`;
    const winLoss = await get(`/api/v1/reports/win-loss${period}`);
    expect(winLoss.totals.won).toBeGreaterThanOrEqual(6);
    expect(winLoss.totals.lost).toBeGreaterThanOrEqual(5);
    expect(winLoss.lostReasons.map((r: { reason: string }) => r.reason)).toEqual(expect.arrayContaining(['price', 'no_budget', 'timing', 'competitor']));
    const forecast = await get(`/api/v1/reports/forecast${period}`);
    expect(JSON.stringify(forecast)).toMatch(new RegExp(day(-110).slice(0, 7)));
    const funnel = await get(`/api/v1/reports/funnel${period}`);
    expect(funnel.stages.length).toBeGreaterThan(3);
  });

  it('leaves unowned customers in a public pool and one key account locked against recycling', async () => {
    const pools = (await get('/api/v1/pools')).data;
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({ name: '公海 Public pool', customerCount: 3, followupDays: 30 });
    const customers = await get(`/api/v1/pools/${pools[0].id}/customers`);
    expect(customers.data.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Blue Harbor Foods', '广州南风餐饮管理有限公司']));
    expect(customers.data.every((c: { previousOwner: unknown }) => c.previousOwner)).toBe(true);
    expect((await get('/api/v1/pools/locked')).data.map((c: { name: string }) => c.name)).toEqual(['北京星辰科技有限公司']);
  });

  it('gives the demo users the password it was handed, never the once-published kehu-demo-123', async () => {
    const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    for (const u of DEMO_USERS) {
      expect((await login(u.email, DEMO_PASSWORD)).statusCode).toBe(200);
      expect((await login(u.email, 'kehu-demo-123')).statusCode).toBe(401);
    }
  });

  it('makes the Sales Manager the demo team’s manager, so a rep’s large deal asks them first (approvals, #18)', async () => {
    const users = (await get('/api/v1/users')).data as { id: string; email: string }[];
    const manager = users.find((u) => u.email === DEMO_USERS.find((d) => d.role === 'Sales Manager')?.email);
    const teams = (await get('/api/v1/teams')).data as { managerId: string | null }[];
    expect(manager).toBeDefined();
    expect(teams.map((team) => team.managerId)).toContain(manager?.id);
  });

  it('gives "Send e-mail" bilingual templates for contacts, deals and leads that fill in on a demo deal (#18)', async () => {
    const templates = (await get('/api/v1/mail/templates')).data as { id: string; object: string | null; mergeFields: string[] }[];
    expect(templates.map((x) => x.object).sort()).toEqual(['contact', 'deal', 'lead']);
    const deal = (await get('/api/v1/deals?limit=1')).data[0] as { id: string; name: string };
    const forDeal = templates.find((x) => x.object === 'deal');
    const res = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/mail/templates/${forDeal?.id}/preview`,
      payload: { record: { object: 'deal', id: deal.id }, locale: 'zh-CN' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().subject).toBe(`关于「${deal.name}」的报价`);
    expect(res.json().text).not.toMatch(/\{\{/);
  });

  it('adds nothing when run again', async () => {
    const again = await seedDemoData(t.db, {
      tenantId: t.admin.tenantId,
      adminId: t.admin.id,
      masterKey: masterKeyFrom(TEST_SECRET),
      password: 'another-pass-1',
    });
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect((await get('/api/v1/leads?limit=100')).data).toHaveLength(DEMO_LEADS.length);
    expect((await get('/api/v1/pools')).data).toHaveLength(1);
  });
});
