import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { renderPayload } from './webhook-payload.service.ts';

type Scope = 'none' | 'own' | 'team' | 'all';
type Role = { id: string; name: string; permissions: Record<string, Record<string, Scope>>; version: number };

/**
 * A webhook never shows more than its owner may read: for random owners, read scopes and field
 * rules, the payload of each contact's event is exactly what GET /contacts/:id answers that owner
 * (the record with the same masking, or nothing where the API says 404).
 */
describe.skipIf(!databaseAvailable)('webhook payloads follow the owner access, randomized', () => {
  let t: TestApp;
  let users: { user: TestUser; role: string }[];
  const contacts: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const teams = await inTenant(t.db.kysely, t.admin.tenantId, async (tx) => {
      const root = (await tx.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id;
      const make = async (name: string) => {
        const id = crypto.randomUUID();
        await tx.insertInto('teams').values({ tenant_id: t.admin.tenantId, id, name, parent_id: root }).execute();
        return id;
      };
      return { east: await make('East'), west: await make('West') };
    });
    users = [];
    for (const [i, team] of (['east', 'east', 'west'] as const).entries()) {
      const role = `Hook owner ${i}`;
      const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload: { name: role, permissions: {} } });
      expect(created.statusCode, created.body).toBe(201);
      users.push({ user: await t.createUser({ role, teamId: teams[team] }), role });
    }
    for (const { user } of users)
      for (let k = 0; k < 2; k++) {
        const res = await t.request(t.admin, {
          method: 'POST',
          url: '/api/v1/contacts',
          payload: { name: `客户 ${k} of ${user.email}`, ownerId: user.id, idNumber: '110101199003071234', phones: [{ number: '13812341234' }] },
        });
        expect(res.statusCode, res.body).toBe(201);
        contacts.push(res.json().id);
      }
  });
  afterAll(() => t?.close());

  const grant = async (role: string, scope: Scope, idNumber: boolean, phones: boolean) => {
    const roles = (await t.request(t.admin, { method: 'GET', url: '/api/v1/roles?limit=100' })).json().data as Role[];
    const r = roles.find((x) => x.name === role) as Role;
    const res = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/roles/${r.id}`,
      headers: { 'if-match': `"${r.version}"` },
      payload: {
        permissions: { contact: { read: scope } },
        fieldPermissions: { contact: { idNumber: { read: idNumber, edit: false }, phones: { read: phones, edit: false } } },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('sends what GET shows the owner, masked alike, and nothing the owner cannot see', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom<Scope>('none', 'own', 'team', 'all'),
        fc.boolean(),
        fc.boolean(),
        async (who, scope, idNumber, phones) => {
          const owner = users[who] as (typeof users)[number];
          await grant(owner.role, scope, idNumber, phones);
          for (const id of contacts) {
            const body = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
              renderPayload({
                tx,
                deps: t.deps,
                tenantId: t.admin.tenantId,
                ownerId: owner.user.id,
                event: { id: crypto.randomUUID(), type: 'contact.updated', objectType: 'contact', objectId: id, createdAt: new Date() },
                filter: null,
              }),
            );
            const asOwner = await t.request(owner.user, { method: 'GET', url: `/api/v1/contacts/${id}` });
            if (asOwner.statusCode !== 200) {
              expect([403, 404]).toContain(asOwner.statusCode);
              expect(body, `${scope} ${id}`).toBeNull();
              continue;
            }
            expect(body, `${scope} ${id}`).not.toBeNull();
            const data = JSON.parse(body as string).data;
            expect(data).toEqual(asOwner.json());
            expect(data.idNumber).toBe(idNumber ? '110101199003071234' : '1101**********1234');
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
