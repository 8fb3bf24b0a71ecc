import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

/** The synchronous export (`GET /<object>/export`) writes formulas as text, numbers and phones as they are. */
describe.skipIf(!databaseAvailable)('CSV export and formula injection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('neutralises formula cells in GET /contacts/export and keeps phone numbers and negative numbers', async () => {
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { familyName: "=cmd|' /C calc'!A0", givenName: '@SUM(A1)', title: '-12.5', phones: [{ label: 'mobile', number: '+86 138 0013 8000' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts/export' });
    expect(res.statusCode).toBe(200);
    const csv = res.body;
    expect(csv).toContain(",'=cmd|' /C calc'!A0,'@SUM(A1),");
    expect(csv).not.toMatch(/(^|,)(=cmd|@SUM)/m);
    expect(csv).toContain(',-12.5,');
    expect(csv).toContain('+86 138 0013 8000');
    expect(csv).not.toContain("'+86");
  });
});
