import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SECRET, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { masterKeyFrom } from '#platform/crypto/field-crypto.ts';
import { DEMO_LEADS } from './demo-leads.ts';
import { type SeedCounts, seedDemoData } from './seed.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!databaseAvailable)('the demo seed', () => {
  let t: TestApp;
  let counts: SeedCounts;
  let ms: number;
  const get = async (url: string) => {
    const res = await t.request(t.admin, { method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    const started = performance.now();
    counts = await seedDemoData(t.db, { tenantId: t.admin.tenantId, adminId: t.admin.id, masterKey: masterKeyFrom(TEST_SECRET) });
    ms = performance.now() - started;
    if (process.env.KEHU_TEST_LOG) console.log(`demo seed: ${Math.round(ms)} ms`);
  });
  afterAll(() => t?.close());

  it('loads customers, leads, deals and a pool in a few seconds', () => {
    expect(counts).toMatchObject({ companies: 8, contacts: 15, users: 3, leads: DEMO_LEADS.length, deals: 19, poolCustomers: 3 });
    expect(ms).toBeLessThan(15_000); // a few seconds here; the bound leaves room for a busy CI box
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

  it('adds nothing when run again', async () => {
    const again = await seedDemoData(t.db, { tenantId: t.admin.tenantId, adminId: t.admin.id, masterKey: masterKeyFrom(TEST_SECRET) });
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect((await get('/api/v1/leads?limit=100')).data).toHaveLength(DEMO_LEADS.length);
    expect((await get('/api/v1/pools')).data).toHaveLength(1);
  });
});
