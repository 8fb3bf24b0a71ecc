import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable, testEngine } from '#test/db.ts';
import { nextNumber } from './numbering.ts';

describe.skipIf(!databaseAvailable)('number series', () => {
  let t: TestApp;
  const take = (series: string, o: { now?: Date; tenantId?: string; defaultPattern?: string } = {}) =>
    inTenant(t.db.kysely, o.tenantId ?? t.admin.tenantId, (tx) =>
      nextNumber(tx, { tenantId: o.tenantId ?? t.admin.tenantId, series, defaultPattern: o.defaultPattern ?? 'SO-{yyyy}-{0000}', now: o.now }),
    );
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('counts from 1 per tenant and series, and gives a rolled-back number back', async () => {
    const at = new Date('2026-05-01T04:00:00Z');
    expect(await take('a', { now: at })).toBe('SO-2026-0001');
    expect(await take('a', { now: at })).toBe('SO-2026-0002');
    expect(await take('b', { now: at, defaultPattern: 'TK-{000000}' })).toBe('TK-000001');
    await expect(
      inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
        await nextNumber(tx, { tenantId: t.admin.tenantId, series: 'a', defaultPattern: 'SO-{yyyy}-{0000}', now: at });
        throw new Error('the creation failed');
      }),
    ).rejects.toThrow('the creation failed');
    expect(await take('a', { now: at })).toBe('SO-2026-0003');
    const other = await t.createTenant('numbering-other');
    expect(await take('a', { now: at, tenantId: other.tenantId })).toBe('SO-2026-0001');
  });

  it("starts again when the date the pattern shows changes, in the tenant's time zone", async () => {
    expect(await take('year', { now: new Date('2026-12-31T15:00:00Z') })).toBe('SO-2026-0001'); // 23:00 in Shanghai
    expect(await take('year', { now: new Date('2026-12-31T15:59:00Z') })).toBe('SO-2026-0002');
    expect(await take('year', { now: new Date('2026-12-31T16:00:00Z') })).toBe('SO-2027-0001'); // midnight in Shanghai
    expect(await take('year', { now: new Date('2027-01-02T00:00:00Z') })).toBe('SO-2027-0002');
  });

  it.skipIf(testEngine !== 'postgres')('stays gap-free and unique under 20 concurrent creators, some of which roll back', async () => {
    const at = new Date('2026-06-01T00:00:00Z');
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
          const n = await nextNumber(tx, { tenantId: t.admin.tenantId, series: 'busy', defaultPattern: 'C-{0000}', now: at });
          if (i % 4 === 3) throw new Error('rolled back');
          return n;
        }),
      ),
    );
    const taken = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort();
    expect(taken).toHaveLength(45);
    expect(taken).toEqual(Array.from({ length: 45 }, (_, i) => `C-${String(i + 1).padStart(4, '0')}`));
  });

  it('numbers quotes, orders, contracts, invoices and tickets on create only, once valid: a refused create takes no number, an update keeps it', async () => {
    const admin = await t.createTenant('numbering-objects');
    const call = (method: 'POST' | 'PATCH', url: string, payload: object) => t.request(admin, { method, url, payload });
    // A record of another tenant: a valid id this tenant may not reference (a field error on create).
    const foreign = (await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: 'Foreign Co' } })).json().id as string;
    const company = (await call('POST', '/api/v1/companies', { name: '星辰科技' })).json().id as string;
    const lines = [{ description: '实施服务', quantity: '1', unitPrice: '100', taxRate: '0' }];
    let contractId = '';
    const objects = [
      { path: 'quotes', prefix: 'QT', bad: { name: 'Q', companyId: foreign, lines }, good: { name: 'Q', companyId: company, lines }, edit: { name: 'Q2' } },
      { path: 'orders', prefix: 'SO', bad: { name: 'O', companyId: foreign, lines }, good: { name: 'O', companyId: company, lines }, edit: { name: 'O2' } },
      {
        path: 'contracts',
        prefix: 'HT',
        bad: { name: 'C', amount: '1000', currency: 'CNY' },
        good: { name: 'C', companyId: company, amount: '1000', currency: 'CNY' },
        edit: { name: 'C2' },
      },
      {
        path: 'invoices',
        prefix: 'FP',
        bad: () => ({ contractId, amount: '10', taxRate: '6', invoiceType: 'vat_special', buyerTaxId: '91350100M000100Y44' }),
        good: () => ({ contractId, amount: '10', taxRate: '6', invoiceType: 'plain' }),
        edit: { taxRate: '13' },
      },
      { path: 'tickets', prefix: 'TK', bad: { subject: 'T', companyId: foreign }, good: { subject: 'T' }, edit: { subject: 'T2' } },
    ];
    for (const o of objects) {
      const body = (b: object | (() => object)) => (typeof b === 'function' ? b() : b);
      const refused = await call('POST', `/api/v1/${o.path}`, body(o.bad));
      expect(refused.statusCode, `${o.path}: ${refused.body}`).toBe(400);
      const first = await call('POST', `/api/v1/${o.path}`, body(o.good));
      expect(first.statusCode, `${o.path}: ${first.body}`).toBe(201);
      const number = first.json().number as string;
      expect(number).toMatch(new RegExp(`^${o.prefix}-\\d{4}-0+1$`));
      if (o.path === 'contracts') contractId = first.json().id;
      const edited = await call('PATCH', `/api/v1/${o.path}/${first.json().id}`, o.edit);
      expect(edited.statusCode, `${o.path}: ${edited.body}`).toBe(200);
      expect(edited.json().number).toBe(number);
      // Neither the refused create nor the update took a number: the next one is the second.
      const second = await call('POST', `/api/v1/${o.path}`, body(o.good));
      expect(second.json().number, `${o.path}: ${second.body}`).toMatch(new RegExp(`^${o.prefix}-\\d{4}-0+2$`));
    }
  });

  it('serves the series to admins only and refuses a bad pattern with a translated reason, writing nothing', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/number-series' })).statusCode).toBe(403);
    const list = await t.request(t.admin, { method: 'GET', url: '/api/v1/number-series' });
    expect(list.statusCode).toBe(200);
    for (const s of list.json().data as { series: string; pattern: string; next: string }[]) expect(s.next.length).toBeGreaterThan(0);
    const unknown = await t.request(t.admin, { method: 'PUT', url: '/api/v1/number-series/nothing', payload: { pattern: 'X-{000}' } });
    expect(unknown.statusCode).toBe(404);
    const all = list.json().data as { series: string; pattern: string; next: string }[];
    expect(all.find((s) => s.series === 'quote')).toMatchObject({ pattern: 'QT-{yyyy}-{0000}', version: 0 });
    expect(all.find((s) => s.series === 'ticket')?.next).toMatch(/^TK-\d{4}-000001$/);
    const declared = 'quote';
    const bad = await t.request(t.admin, {
      method: 'PUT',
      url: `/api/v1/number-series/${declared}`,
      headers: { 'accept-language': 'zh-CN' },
      payload: { pattern: 'SO-{yyyy}' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'pattern', message: '编号规则需要一个流水号，例如 {0000}' });
    const ok = await t.request(t.admin, { method: 'PUT', url: `/api/v1/number-series/${declared}`, payload: { pattern: 'NO-{yy}{mm}-{00000}' } });
    expect(ok.json()).toMatchObject({ series: declared, pattern: 'NO-{yy}{mm}-{00000}', version: 1 });
    expect(ok.json().next).toMatch(/^NO-\d{4}-00001$/);
    const stale = await t.request(t.admin, {
      method: 'PUT',
      url: `/api/v1/number-series/${declared}`,
      headers: { 'if-match': '"7"' },
      payload: { pattern: 'X-{0}' },
    });
    expect(stale.statusCode).toBe(412);
  });
});
