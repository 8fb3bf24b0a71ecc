import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

/** Numbers the money columns cannot hold are field errors (400), never a database overflow (500). */
describe.skipIf(!databaseAvailable)('deal amounts out of range', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const rate = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/exchange-rates',
      payload: { currency: 'USD', rate: '7.2', effectiveDate: '2020-01-01' },
    });
    expect(rate.statusCode, rate.body).toBe(201);
  });
  afterAll(() => t?.close());

  const create = (payload: Record<string, unknown>) =>
    t.request(t.admin, { method: 'POST', url: '/api/v1/deals', payload: { name: 'Huge', currency: 'CNY', ...payload } });

  it('refuses 1e30, an amount too large once converted, and a probability past 100', async () => {
    for (const [payload, field] of [
      [{ amount: 1e30 }, 'amount'],
      [{ amount: '999999999999999999.99', currency: 'USD' }, 'amount'],
      [{ amount: '10', probability: 1e30 }, 'probability'],
    ] as const) {
      const res = await create(payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const converted = await create({ amount: '999999999999999999.99', currency: 'USD' });
    expect(converted.json().errors).toContainEqual({
      field: 'amount',
      message: 'Converted to CNY this amount is too large (at most 18 digits before the decimal point)',
    });
    const fits = await create({ amount: '999999999999999999.99' });
    expect(fits.statusCode, fits.body).toBe(201);
  });
});
