import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

// An imported phone is cleaned (NFKC, spaces collapsed); one typed by hand must be stored the same.
const TYPED = '１３８　００１３　８０００';

describe.skipIf(!databaseAvailable)('phones typed by hand are cleaned like imported ones', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it.each([
    ['contacts', { name: '全角电话' }],
    ['companies', { name: '全角电话公司' }],
    ['leads', { name: '全角电话线索' }],
  ])('%s: a full-width number is stored half-width beside its E.164', async (path, body) => {
    const res = await t.request(t.admin, { method: 'POST', url: `/api/v1/${path}`, payload: { ...body, phones: [{ number: TYPED }] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().phones).toEqual([{ number: '138 0013 8000', e164: '+8613800138000' }]);
  });
});
