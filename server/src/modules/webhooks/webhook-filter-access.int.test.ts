import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { renderPayload } from './webhook-payload.service.ts';

process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1'; // the subscription's URL is a local address, never called here

/**
 * A subscription's filter is held to what its owner may read, as a list's filter is: a filter on
 * a masked field (phones, a sensitive custom field) the owner may not read is refused when saved
 * and matches nothing at delivery, so the deliveries cannot tell the owner a hidden value.
 */
describe.skipIf(!databaseAvailable)('webhook filters follow the owner’s readable fields', () => {
  let t: TestApp;
  let owner: TestUser;
  let contactId: string;
  let hookId: string;
  const phoneFilter = { phone: { contains: '13812341234' } };
  const secretFilter = { 'custom.passport': { eq: 'E12345678' } };

  /** The owner keeps every contact in reach but no longer reads phones or the passport in clear. */
  const demote = async () => {
    const role = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/roles',
      payload: { name: 'Former admin', permissions: { contact: { read: 'all' } } },
    });
    expect(role.statusCode, role.body).toBe(201);
    await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      await tx.deleteFrom('user_roles').where('user_id', '=', owner.id).execute();
      await tx.insertInto('user_roles').values({ tenant_id: t.admin.tenantId, user_id: owner.id, role_id: role.json().id }).execute();
    });
  };
  const render = (filter: Record<string, unknown>) =>
    inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      renderPayload({
        tx,
        deps: t.deps,
        tenantId: t.admin.tenantId,
        ownerId: owner.id,
        event: { id: crypto.randomUUID(), type: 'contact.updated', objectType: 'contact', objectId: contactId, createdAt: new Date() },
        filter,
      }),
    );

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.createUser({ role: 'Administrator' });
    await t.defineCustomField(t.admin, { object: 'contact', key: 'passport', label: { zh: '护照号', en: 'Passport' }, type: 'text', sensitive: true });
    const contact = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: '李雷', phones: [{ number: '+86 138 1234 1234' }], custom: { passport: 'E12345678' } },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    contactId = contact.json().id;
    const hook = await t.request(owner, {
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { name: 'VIP phones', url: 'http://127.0.0.1:9/in', events: ['contact.*'], filter: phoneFilter },
    });
    expect(hook.statusCode, hook.body).toBe(201);
    hookId = hook.json().id;
    // While an administrator, the owner's filters match.
    expect(await render(phoneFilter)).not.toBeNull();
    expect(await render(secretFilter)).not.toBeNull();
    await demote();
  });
  afterAll(() => t?.close());

  it('refuses, translated, a filter on a field the owner may not read, whoever saves it; nothing is written', async () => {
    for (const [filter, field] of [
      [{ phone: { contains: '139' } }, 'phone'],
      [secretFilter, 'custom.passport'],
    ] as const) {
      const res = await t.request(t.admin, {
        method: 'PATCH',
        url: `/api/v1/webhooks/${hookId}`,
        headers: { 'accept-language': 'zh-CN' },
        payload: { filter },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ field: 'filter', message: expect.stringContaining(field) }]);
      expect(res.json().errors[0].message).toMatch(/\p{Script=Han}/u);
    }
    expect((await t.request(t.admin, { method: 'GET', url: `/api/v1/webhooks/${hookId}` })).json().filter).toEqual(phoneFilter);
    // A field the owner reads is fine.
    const ok = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/webhooks/${hookId}`, payload: { filter: { name: { contains: '李' } } } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('delivers nothing through a saved filter on a field the owner may no longer read', async () => {
    expect(await render(phoneFilter)).toBeNull();
    expect(await render(secretFilter)).toBeNull();
    const open = await render({ name: { contains: '李' } });
    expect(JSON.parse(open as string).data.custom.passport).toBe('E*******8');
  });
});
