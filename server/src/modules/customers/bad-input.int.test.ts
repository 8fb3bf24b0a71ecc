import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('bad input gets a clear problem+json and writes nothing', () => {
  let t: TestApp;
  const count = async () => (await sql<{ n: number }>`select count(*)::int as n from contacts`.execute(t.db.kysely)).rows[0]?.n;
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const cases: [string, unknown, number, string | null][] = [
    ['malformed JSON', '{"name": "张伟",', 400, null],
    ['wrong type', { name: 42 }, 400, 'name'],
    ['unknown field', { name: 'A', nickname: 'x' }, 400, 'nickname'],
    ['over-long string', { name: 'x'.repeat(201) }, 400, 'name'],
    ['invalid email', { name: 'A', emails: [{ address: 'not-an-email' }] }, 400, 'emails.0.address'],
    ['invalid phone', { name: 'A', phones: [{ number: '12345' }] }, 400, 'phones.0.number'],
    ['missing name', { title: 'CEO' }, 400, 'name'],
    ['unknown company', { name: 'A', companyId: '01a20941-b1ab-74b1-8288-a371e738a758' }, 400, 'companyId'],
  ];
  for (const [label, payload, status, field] of cases) {
    it(label, async () => {
      const before = await count();
      const res = await post(payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
      if (field) expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count()).toBe(before);
    });
  }

  it('a 10 MB body is refused with 413', async () => {
    const res = await post({ name: 'A', description: 'x'.repeat(10 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json().status).toBe(413);
  });

  it('translates messages for Accept-Language: zh-CN', async () => {
    const schema = await post({ name: 'A', emails: [{ address: 'bad' }] }, { 'accept-language': 'zh-CN' });
    expect(schema.json().title).toBe('部分字段不合法');
    expect(schema.json().errors[0]).toMatchObject({ field: 'emails.0.address', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const service = await post({ name: 'A', phones: [{ number: '123' }] }, { 'accept-language': 'zh-CN' });
    expect(service.json().errors).toEqual([{ field: 'phones.0.number', message: '电话号码不正确' }]);
  });

  it('filters on an unknown field or with a wrong operator are refused', async () => {
    const unknown = await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts?filter=${encodeURIComponent('{"shoeSize":{"eq":1}}')}` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'filter', message: 'Cannot filter on unknown field shoeSize' });
    const op = await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts?filter=${encodeURIComponent('{"createdAt":{"contains":"x"}}')}` });
    expect(op.statusCode).toBe(400);
    const junk = await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts?filter=notjson' });
    expect(junk.statusCode).toBe(400);
    const sort = await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts?sort=-password' });
    expect(sort.statusCode).toBe(400);
    const cursor = await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts?cursor=garbage' });
    expect(cursor.statusCode).toBe(400);
  });

  it('stores SQL-looking and script-looking strings verbatim', async () => {
    const evil = ["Robert'); DROP TABLE contacts;--", '<script>alert(1)</script>'];
    for (const name of evil) {
      const res = await post({ name });
      expect(res.statusCode).toBe(201);
      expect(res.json().name).toBe(name);
    }
    const found = await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ name: { eq: evil[0] } }))}` });
    expect(found.json().data).toHaveLength(1);
  });

  it('missing or unknown tokens get 401, another id format 400', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: { authorization: 'Bearer kht_nope' } });
    expect(bad.statusCode).toBe(401);
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts/not-a-uuid' })).statusCode).toBe(400);
  });

  it('a POST retried with the same Idempotency-Key creates one record and replays the response', async () => {
    const before = await count();
    const first = await post({ name: 'Idem' }, { 'idempotency-key': 'k-1' });
    const again = await post({ name: 'Idem' }, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe((before ?? 0) + 1);
    const other = await post({ name: 'Different' }, { 'idempotency-key': 'k-1' });
    expect(other.statusCode).toBe(400);
  });

  it('a refused POST with an Idempotency-Key leaves no key behind: corrected, the same key creates the record', async () => {
    const before = await count();
    const refused = await post({ name: '' }, { 'idempotency-key': 'k-2' });
    expect(refused.statusCode).toBe(400);
    expect((await sql`select key from idempotency_keys where key = 'k-2'`.execute(t.db.kysely)).rows).toEqual([]);
    const corrected = await post({ name: 'Corrected' }, { 'idempotency-key': 'k-2' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(await count()).toBe((before ?? 0) + 1);
  });
});
