import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';
import { inTenant } from '../../db/tx.ts';

describe.skipIf(!databaseAvailable)('audit trail and outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const auditOf = (objectId: string) =>
    inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx.selectFrom('audit_log').select(['action', 'actor_id', 'changes', 'request_id', 'ip']).where('object_id', '=', objectId).orderBy('id').execute(),
    );
  const eventsOf = (objectId: string) =>
    inTenant(t.db.kysely, t.admin.tenantId, (tx) => tx.selectFrom('outbox').select('type').where('object_id', '=', objectId).orderBy('id').execute());

  it('writes an audit entry and an outbox event for create, update, delete and restore, with field diffs', async () => {
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/companies',
      headers: { 'x-request-id': 'req-audit-1' },
      payload: { name: '审计公司', tier: 'A', bankAccount: '6222020200112233445' },
    });
    const id = created.json().id as string;
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/companies/${id}`, payload: { tier: 'B', name: '审计公司' } });
    await t.request(t.admin, { method: 'DELETE', url: `/api/v1/companies/${id}` });
    await t.request(t.admin, { method: 'POST', url: `/api/v1/companies/${id}/restore` });
    const entries = await auditOf(id);
    expect(entries.map((e) => e.action)).toEqual(['created', 'updated', 'deleted', 'restored']);
    expect(entries[0]).toMatchObject({ actor_id: t.admin.id, request_id: 'req-audit-1', ip: '127.0.0.1' });
    expect(entries[0]?.changes).toMatchObject({ name: { from: null, to: '审计公司' }, bankAccount: { from: null, to: '***' } });
    expect(entries[1]?.changes).toEqual({ tier: { from: 'A', to: 'B' } });
    expect(JSON.stringify(entries)).not.toContain('6222020200112233445');
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['company.created', 'company.updated', 'company.deleted', 'company.restored']);
  });

  it('writes nothing when the request fails validation', async () => {
    const before = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'x', phones: [{ number: 'nope' }] } });
    expect(res.statusCode).toBe(400);
    const after = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      tx
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('does not audit an update that changes nothing', async () => {
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'Same' } });
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/contacts/${created.json().id}`, payload: { name: 'Same' } });
    expect((await auditOf(created.json().id)).map((e) => e.action)).toEqual(['created']);
  });
});
