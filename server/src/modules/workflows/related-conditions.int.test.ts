import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { tickWorkflows } from './workflows.jobs.ts';
import { drainWorkflows, runsOf } from './workflows.test-kit.ts';

describe.skipIf(!databaseAvailable)('workflow conditions on related records', () => {
  let t: TestApp;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') =>
    t.request(t.admin, { method, url, headers: { 'accept-language': lang }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const company = async (name: string, industry: string, custom: Record<string, unknown> = {}) =>
    (await call('POST', '/api/v1/companies', { name, industry, custom })).json() as { id: string };
  const contact = async (name: string, companyId?: string) =>
    (await call('POST', '/api/v1/contacts', { name, ...(companyId ? { companyId } : {}) })).json() as { id: string };
  const rule = (conditions: unknown, extra: Record<string, unknown> = {}) => ({
    name: '制造业联系人',
    object: 'contact',
    trigger: { type: 'created' },
    conditions,
    actions: [{ type: 'add_tags', tags: ['制造业'] }],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await t.defineCustomField(t.admin, {
      object: 'company',
      key: 'tier',
      type: 'select',
      label: { zh: '等级', en: 'Tier' },
      options: [
        { value: 'A', label: { zh: 'A', en: 'A' } },
        { value: 'B', label: { zh: 'B', en: 'B' } },
      ],
    });
    await t.defineCustomField(t.admin, { object: 'company', key: 'credit_code', type: 'text', sensitive: true, label: { zh: '信用代码', en: 'Credit code' } });
  });
  afterAll(() => t?.close());

  it('fires only for contacts whose company matches (its own and custom fields, and/or), not for a company in the recycle bin', async () => {
    const r = (
      await call(
        'POST',
        '/api/v1/workflow-rules',
        rule(
          { and: [{ 'company.industry': { eq: '制造业' } }, { or: [{ 'company.custom.tier': { eq: 'A' } }, { 'company.name': { contains: '重工' } }] }] },
          { enabled: true },
        ),
      )
    ).json() as { id: string };
    expect(r.id).toBeTruthy();
    const a = await company('华东机械', '制造业', { tier: 'A' });
    const b = await company('北方重工', '制造业', { tier: 'B' });
    const c = await company('云端软件', '软件', { tier: 'A' });
    const gone = await company('已删除机械', '制造业', { tier: 'A' });
    await t.db.kysely.updateTable('companies').set({ deleted_at: new Date() }).where('id', '=', gone.id).execute();
    const matched = [await contact('甲', a.id), await contact('乙', b.id)];
    const unmatched = [await contact('丙', c.id), await contact('丁'), await contact('戊', gone.id)];
    await drainWorkflows(t);
    const runs = await runsOf(t, r.id);
    expect(runs.map((x) => x.record_id).sort()).toEqual(matched.map((x) => x.id).sort());
    for (const x of unmatched) expect(runs.some((run) => run.record_id === x.id)).toBe(false);
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('a schedule rule walks only the records whose related record matches', async () => {
    const a = await company('定时机械', '制造业', { tier: 'A' });
    const inA = await contact('定时甲', a.id);
    const r = (
      await call(
        'POST',
        '/api/v1/workflow-rules',
        rule(
          { 'company.industry': { eq: '制造业' }, name: { eq: '定时甲' } },
          { name: '每周', enabled: true, trigger: { type: 'schedule', cron: '0 9 * * 1' } },
        ),
      )
    ).json();
    const next = new Date(r.nextRunAt);
    await tickWorkflows({ deps: t.deps, now: new Date(next.getTime() + 1000) });
    expect((await runsOf(t, r.id)).map((x) => x.record_id)).toEqual([inA.id]);
    await call('PATCH', `/api/v1/workflow-rules/${r.id}`, { enabled: false });
  });

  it('refuses an unknown related field, a wrong operator for its type, or a sensitive one when saving (translated), writing nothing', async () => {
    const before = await t.db.kysely.selectFrom('workflow_rules').select('id').execute();
    const cases: [unknown, string, string][] = [
      [{ 'company.shoeSize': { eq: 1 } }, 'zh-CN', '不能按未知字段 company.shoeSize 筛选'],
      [{ 'company.custom.credit_code': { eq: '91310000' } }, 'en', 'company.custom.credit_code'],
      [{ 'company.industry': { gt: { a: 1 } } }, 'en', 'industry'],
    ];
    for (const [conditions, lang, message] of cases) {
      const res = await call('POST', '/api/v1/workflow-rules', rule(conditions), lang);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field).toBe('conditions');
      expect(res.json().errors[0].message).toContain(message);
    }
    expect(await t.db.kysely.selectFrom('workflow_rules').select('id').execute()).toEqual(before);
  });
});
