import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { runRetention } from './index.ts';

/** Legal holds: erasure refused with the reason kept on the request, retention skips held records, both steps audited. */
describe.skipIf(!databaseAvailable)('legal holds', () => {
  let t: TestApp;
  let rep: TestUser;
  const ids = { held: '', free: '', company: '' };

  const post = (url: string, payload?: object, headers?: Record<string, string>) =>
    t.request(t.admin, { method: 'POST', url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
  const created = async (url: string, payload: object) => {
    const res = await post(url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const holds = async () => (await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/legal-holds' })).json().data as { id: string; active: boolean }[];
  const history = async (objectType: string, id: string) =>
    ((await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log/${objectType}/${id}` })).json().data as { action: string }[]).map((e) => e.action);
  const erasure = async (email: string) => {
    const id = await created('/api/v1/privacy/requests', { kind: 'erasure', subjectEmail: email });
    await post(`/api/v1/privacy/requests/${id}/verify`);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep' });
    ids.held = await created('/api/v1/contacts', { name: 'Held Person', emails: [{ address: 'held@example.com' }] });
    ids.free = await created('/api/v1/contacts', { name: 'Free Person', emails: [{ address: 'free@example.com' }] });
    ids.company = await created('/api/v1/companies', { name: '诉讼公司' });
  });
  afterAll(() => t?.close());

  it('refuses bad input with a translated problem and nothing written; is for privacy admins', async () => {
    const none = await post('/api/v1/privacy/legal-holds', { reason: '诉讼' }, { 'accept-language': 'zh-CN' });
    expect(none.statusCode).toBe(400);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(none.json().errors)).toContain('请指定联系人或公司');
    const missing = await post('/api/v1/privacy/legal-holds', { object: 'contact', recordId: '0190a0a0-0000-7000-8000-000000000000', reason: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'recordId' });
    const noReason = await post('/api/v1/privacy/legal-holds', { object: 'contact', recordId: ids.held, reason: '  ' }, { 'accept-language': 'en' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason' });
    expect((await post('/api/v1/privacy/legal-holds', { object: 'deal', recordId: ids.held, reason: 'x' })).statusCode).toBe(400);
    const byRep = await t.request(rep, { method: 'POST', url: '/api/v1/privacy/legal-holds', payload: { object: 'contact', recordId: ids.held, reason: 'x' } });
    expect(byRep.statusCode).toBe(403);
    expect(await holds()).toEqual([]);
  });

  it('refuses erasure of a held contact, keeps the translated reason on the request, and erases once released', async () => {
    const hold = await post('/api/v1/privacy/legal-holds', { object: 'contact', recordId: ids.held, reason: 'Litigation 2026-17' });
    expect(hold.statusCode, hold.body).toBe(201);
    expect(hold.json()).toMatchObject({ object: 'contact', recordId: ids.held, recordName: 'Held Person', active: true, placedBy: { id: t.admin.id } });
    // Shown on the record to anyone who may read it.
    const onRecord = await t.request(rep, { method: 'GET', url: `/api/v1/privacy/legal-holds/records/contact/${ids.held}` });
    expect(onRecord.json().data.map((h: { reason: string }) => h.reason)).toEqual(['Litigation 2026-17']);

    const requestId = await erasure('held@example.com');
    const refused = await post(`/api/v1/privacy/requests/${requestId}/erase`, { confirm: true }, { 'accept-language': 'zh-CN' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toContain('处于法律保全中：Litigation 2026-17');
    const request = (await t.request(t.admin, { method: 'GET', url: `/api/v1/privacy/requests/${requestId}` })).json();
    expect(request).toMatchObject({
      status: 'verified',
      result: { refused: 'legal_hold', message: { en: 'Erasure refused: on legal hold (Litigation 2026-17)' } },
    });
    expect(request.result.message.zh).toContain('擦除被拒绝');
    const contact = (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${ids.held}` })).json();
    expect(contact.name).toBe('Held Person');
    expect(await history('privacy_request', requestId)).toContain('erasure_refused');
    expect(await history('contact', ids.held)).toContain('legal_hold_placed');

    const released = await post(`/api/v1/privacy/legal-holds/${hold.json().id}/release`, { reason: 'Case closed' });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ active: false, releasedBy: { id: t.admin.id }, releaseReason: 'Case closed' });
    expect((await post(`/api/v1/privacy/legal-holds/${hold.json().id}/release`, {})).statusCode).toBe(409);
    expect(await history('legal_hold', hold.json().id)).toEqual(['released', 'placed']);
    expect(await history('contact', ids.held)).toContain('legal_hold_released');

    const erased = await post(`/api/v1/privacy/requests/${requestId}/erase`, { confirm: true });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().status).toBe('completed');
  });

  it("holds a whole request's subject: its erasure is refused until released", async () => {
    const requestId = await erasure('free@example.com');
    const hold = await post('/api/v1/privacy/legal-holds', { requestId, reason: 'Regulator inquiry' });
    expect(hold.statusCode, hold.body).toBe(201);
    expect(hold.json()).toMatchObject({ requestId, recordName: 'free@example.com' });
    expect(await history('privacy_request', requestId)).toContain('legal_hold_placed');
    const refused = await post(`/api/v1/privacy/requests/${requestId}/erase`, { confirm: true }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('On legal hold: Regulator inquiry');
    await post(`/api/v1/privacy/legal-holds/${hold.json().id}/release`, {});
    expect((await post(`/api/v1/privacy/requests/${requestId}/erase`, { confirm: true })).statusCode).toBe(200);
  });

  it('retention skips held records on a fixed clock and reports them', async () => {
    const old = await created('/api/v1/contacts', { name: 'Old Held', emails: [{ address: 'old-held@example.com' }] });
    const oldFree = await created('/api/v1/contacts', { name: 'Old Free', emails: [{ address: 'old-free@example.com' }] });
    await created('/api/v1/contacts', { name: 'Young', emails: [{ address: 'young@example.com' }] });
    for (const id of [old, oldFree]) await sql`update contacts set created_at = '2020-01-01T00:00:00Z' where id = ${id}`.execute(t.db.kysely);
    await post('/api/v1/privacy/legal-holds', { object: 'contact', recordId: old, reason: 'Tax audit' });
    const policy = await post('/api/v1/privacy/retention-policies', { object: 'contact', field: 'createdAt', months: 24, action: 'anonymise', enabled: true });
    expect(policy.statusCode, policy.body).toBe(201);
    await runRetention({ deps: t.deps, now: new Date('2026-12-07T00:00:00Z'), tenantId: t.admin.tenantId });
    const get = async (id: string) => (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${id}` })).json();
    expect((await get(old)).name).toBe('Old Held');
    expect((await get(oldFree)).name).not.toBe('Old Free');
    const after = (await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/retention-policies' })).json().data[0];
    expect(after.lastResult).toMatchObject({ held: 1 });
    expect(after.lastResult.anonymised).toBeGreaterThanOrEqual(1);
  });
});
