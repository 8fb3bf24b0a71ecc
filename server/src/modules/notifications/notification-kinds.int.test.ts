import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { notify } from './notify.service.ts';

describe.skipIf(!databaseAvailable)('notification kinds modules declare', () => {
  let t: TestApp;
  let rep: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    // What app.ts collects from the modules' KehuModule.notificationKinds: a module's own kind.
    t.deps.notificationKinds = [...(t.deps.notificationKinds ?? []), 'contract_renewal'];
    rep = await t.createUser({ name: '续约提醒', email: 'renewals@acme.test' });
  });
  afterAll(() => t?.close());

  it('are listed and chosen like the built-in ones, and honoured by notify; an unknown kind is a translated 400', async () => {
    const url = '/api/v1/notification-preferences';
    const listed = await t.request(rep, { method: 'GET', url });
    expect(listed.statusCode, listed.body).toBe(200);
    const kinds = (listed.json().data as { kind: string; channel: string }[]).map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['task_reminder', 'system', 'contract_renewal']));
    expect(kinds.indexOf('contract_renewal')).toBe(kinds.length - 1);

    const put = await t.request(rep, { method: 'PUT', url, payload: { preferences: [{ kind: 'contract_renewal', channel: 'none' }] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().data).toContainEqual({ kind: 'contract_renewal', channel: 'none' });
    const sent = (kind: string) =>
      inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
        notify({ tx, tenantId: t.admin.tenantId, userIds: [rep.id], kind, title: { zh: '合同将到期', en: 'Contract renews soon' } }),
      );
    expect(await sent('contract_renewal')).toEqual([]); // chose none
    expect(await sent('system')).toHaveLength(1);

    const bad = await t.request(rep, {
      method: 'PUT',
      url,
      headers: { 'accept-language': 'zh-CN' },
      payload: { preferences: [{ kind: 'nope', channel: 'email' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'preferences.0.kind', message: '未知的通知类型：nope' }]);
  });
});
