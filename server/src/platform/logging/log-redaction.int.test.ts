import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

/**
 * No customer data in logs: personal markers go in through API writes (good, refused and
 * failing ones, searches and filters) and database errors that carry them; the app's log
 * output, captured at debug level, must never contain them.
 */
describe.skipIf(!databaseAvailable)('logs carry no personal data', () => {
  let t: TestApp;
  const lines: string[] = [];
  const digits = `139${randomInt(10_000_000, 99_999_999)}`;
  const phone = `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  const email = `leak-${digits}@marker.example.com`;
  const log = () => lines.join('');

  beforeAll(async () => {
    t = await createTestApp({ logStream: { write: (line) => void lines.push(line) } });
  });
  afterAll(() => t?.close());

  it('an annual revenue of 1e30 is a 400 naming the field and its limits, in English and Chinese', async () => {
    const payload = { name: 'Overflow Ltd', annualRevenue: 1e30, phones: [{ label: 'work', number: phone }], emails: [{ label: 'work', address: email }] };
    const en = await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload });
    expect(en.statusCode, en.body).toBe(400);
    expect(en.json().errors).toEqual([
      { field: 'annualRevenue', message: 'A number of at least 0 with at most 18 digits before the decimal point and 2 after it' },
    ]);
    const zh = await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.json().errors[0].message).toBe('须为不小于 0 的数字，整数部分最多 18 位，小数部分最多 2 位');
    const ok = await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { ...payload, annualRevenue: '999999999999999999.99' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().annualRevenue).toBe('999999999999999999.99');
  });

  it('writes, reads, searches and failures with the markers leave them out of every log line', async () => {
    const contact = { familyName: '林', givenName: '标记', phones: [{ label: 'mobile', number: phone }], emails: [{ label: 'work', address: email }] };
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: contact });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const calls = [
      { method: 'PATCH', url: `/api/v1/contacts/${id}`, payload: { emails: [{ label: 'home', address: `x${email}` }] } },
      { method: 'POST', url: '/api/v1/contacts', payload: { ...contact, birthday: `${digits}-01-01` } },
      { method: 'POST', url: '/api/v1/contacts', payload: { ...contact, unknownField: email } },
      { method: 'POST', url: '/api/v1/contacts', payload: `{"familyName": "${email}", ` },
      { method: 'GET', url: `/api/v1/contacts?q=${encodeURIComponent(digits)}` },
      { method: 'GET', url: `/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ emails: { contains: email } }))}` },
      { method: 'GET', url: `/api/v1/contacts/${email}` },
      { method: 'POST', url: '/api/v1/auth/login', payload: { email, password: phone } },
    ];
    const statuses = [];
    for (const call of calls as { method: string; url: string; payload?: unknown }[]) {
      const headers = typeof call.payload === 'string' ? { 'content-type': 'application/json' } : {};
      const res = await t.request(call.url.includes('/auth/') ? null : t.admin, { ...call, headers } as never);
      statuses.push(res.statusCode);
    }
    expect(statuses.every((s) => s < 500)).toBe(true);
    expect(statuses.filter((s) => s >= 400).length).toBeGreaterThanOrEqual(4);

    // Database errors carry the values: PGlite in `params`/`query`, PostgreSQL in `detail` and the message.
    const errors: unknown[] = [];
    await sql`select ${phone}::int`.execute(t.db.kysely).catch((e: unknown) => errors.push(e));
    await t.db.kysely
      .transaction()
      .execute(async (tx) => {
        await sql`create temp table leak_probe (e text primary key)`.execute(tx);
        await sql`insert into leak_probe values (${email}), (${email})`.execute(tx);
      })
      .catch((e: unknown) => errors.push(e));
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors, Object.getOwnPropertyNames(errors[1] as object)) + String(errors[0])).toMatch(/marker\.example|139/);
    for (const err of errors) t.app.log.error({ err }, 'unhandled error');
    t.app.log.error(errors[1] as Error);
    t.app.log.warn({ input: contact, row: { phones: [phone] } }, `write refused for ${email}`);

    const text = log();
    expect(text).toContain('incoming request');
    expect(text).toContain('23505');
    expect(text).toContain('invalid input syntax for type integer');
    expect(text).toContain('/api/v1/contacts?q=…');
    for (const marker of [digits, email, digits.slice(3, 7) + digits.slice(7), 'marker.example', '标记']) expect(text, marker).not.toContain(marker);
  });
});
