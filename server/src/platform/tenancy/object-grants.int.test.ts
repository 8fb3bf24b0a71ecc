import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, TEST_SECRET, type TestApp, type TestUser } from '../../../test/app.ts';
import { databaseAvailable, testEngine } from '../../../test/db.ts';
import { openDatabase } from '#db/database.ts';
import { migrateToLatest, migrateUpTo } from '#db/migrator.ts';
import { inTenant } from '#db/tx.ts';
import { masterKeyFrom } from '../crypto/field-crypto.ts';
import { defaultRoles, objectsWithDefaults } from './default-roles.ts';
import { grantedObjects } from './object-grants.repo.ts';
import { syncObjectGrants } from './object-grants.service.ts';
import { createTenant } from './tenants.ts';

type Role = { id: string; name: string; version: number; permissions: Record<string, unknown>; fieldPermissions: Record<string, unknown> };

describe.skipIf(!databaseAvailable)('default grants of objects new to a tenant', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const standard = () => t.deps.objects.standard;
  const defaults = () => Object.fromEntries(defaultRoles(standard()).map((r) => [r.name, r]));
  const sync = () => syncObjectGrants({ db: t.db.kysely, objects: standard() });
  const granted = (tenantId: string) => inTenant(t.db.kysely, tenantId, grantedObjects);

  /** A tenant created before the modules declaring `missing` existed: its roles and records know nothing of them. */
  async function olderTenant(slug: string, missing: readonly string[]): Promise<TestUser> {
    const email = `admin@${slug}.test`;
    const { tenantId, adminId } = await createTenant(t.db.kysely, {
      objects: standard().filter((o) => !missing.includes(o.name)),
      slug,
      name: slug,
      adminEmail: email,
      adminPassword: PASSWORD,
      masterKey: masterKeyFrom(TEST_SECRET),
    });
    const login = await t.request(null, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
    return { id: adminId, email, tenantId, token: login.json().token as string };
  }

  const rolesOf = async (admin: TestUser): Promise<Record<string, Role>> => {
    const res = await t.request(admin, { method: 'GET', url: '/api/v1/roles?limit=100' });
    return Object.fromEntries((res.json().data as Role[]).map((r) => [r.name, r]));
  };

  it('gives an existing tenant’s built-in roles the defaults of objects new to it, once, keeping what an admin set', async () => {
    const admin = await olderTenant('older', ['ticket', 'automation', 'contact']);
    expect(await granted(admin.tenantId)).not.toContain('ticket');
    const rep = await t.createUser({ tenantId: admin.tenantId, role: 'Sales Rep' });
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(403);
    const before = await rolesOf(admin);
    // The admin gave reps tickets before the sync ran, and made a role of their own.
    const repRole = before['Sales Rep'] as Role;
    const ticketsForReps = { ...repRole.permissions, ticket: { read: 'all' } };
    await t.request(admin, { method: 'PATCH', url: `/api/v1/roles/${repRole.id}`, payload: { permissions: ticketsForReps } });
    const support = await t.request(admin, { method: 'POST', url: '/api/v1/roles', payload: { name: 'Support', permissions: { company: { read: 'all' } } } });
    expect(support.statusCode, support.body).toBe(201);

    const inRegistryOrder = standard().flatMap((o) => (['ticket', 'automation', 'contact'].includes(o.name) ? [o.name] : []));
    expect(await sync()).toEqual([{ tenantId: admin.tenantId, objects: inRegistryOrder }]);

    const after = await rolesOf(admin);
    const want = defaults();
    expect(after['Sales Manager']).toMatchObject({ permissions: want['Sales Manager']?.permissions, fieldPermissions: want['Sales Manager']?.fields });
    expect(after['Sales Manager']?.version).toBe((before['Sales Manager']?.version ?? 0) + 1);
    expect(after['Sales Rep']?.permissions).toEqual({ ...want['Sales Rep']?.permissions, ticket: { read: 'all' } });
    expect(after['Sales Rep']?.fieldPermissions).toEqual(want['Sales Rep']?.fields);
    expect(after['Sales Rep']?.permissions.automation).toBeUndefined();
    expect(after.Administrator).toEqual(before.Administrator);
    expect(after.Support?.permissions).toEqual({ company: { read: 'all' } });
    expect((await granted(admin.tenantId)).sort()).toEqual(objectsWithDefaults(standard()).sort());
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(200);
  });

  it('never gives back a grant an admin removed after the sync', async () => {
    const admin = await olderTenant('removed', ['contact']);
    const rep = await t.createUser({ tenantId: admin.tenantId, role: 'Sales Rep' });
    await sync();
    const role = (await rolesOf(admin))['Sales Rep'] as Role;
    const { contact, ...withoutContacts } = role.permissions;
    expect(contact).toBeDefined();
    const removed = await t.request(admin, { method: 'PATCH', url: `/api/v1/roles/${role.id}`, payload: { permissions: withoutContacts } });
    expect(removed.statusCode, removed.body).toBe(200);

    expect(await sync()).toEqual([]);
    const again = (await rolesOf(admin))['Sales Rep'] as Role;
    expect(again.permissions.contact).toBeUndefined();
    expect(again.version).toBe(removed.json().version);
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(403);
  });

  it('grants once when two processes sync at the same time', async () => {
    const admin = await olderTenant('racing', ['order']);
    const before = (await rolesOf(admin))['Sales Manager'] as Role;
    const runs = await Promise.all([sync(), sync()]);
    expect(runs.flat()).toEqual([{ tenantId: admin.tenantId, objects: ['order'] }]);
    const after = (await rolesOf(admin))['Sales Manager'] as Role;
    expect(after.version).toBe(before.version + 1);
    expect(after.permissions.order).toEqual(defaults()['Sales Manager']?.permissions.order);
  });

  it('records every object for a new tenant, whose roles already hold all the defaults', async () => {
    const admin = await t.createTenant('fresh');
    expect((await granted(admin.tenantId)).sort()).toEqual(objectsWithDefaults(standard()).sort());
    const before = await rolesOf(admin);
    for (const seed of defaultRoles(standard())) {
      expect(before[seed.name]).toMatchObject({ permissions: seed.permissions, fieldPermissions: seed.fields, version: 1 });
    }
    expect(await sync()).toEqual([]);
    expect(await rolesOf(admin)).toEqual(before);
  });

  // An in-memory PGlite of its own, migrated step by step: once is enough (not again in the PostgreSQL project).
  it.skipIf(testEngine === 'postgres')('records, by its migration, the objects a tenant before it has: the first sync gives none of them again', async () => {
    const db = await openDatabase({});
    try {
      await migrateUpTo(db, '20261209T0700-import-history');
      // Roles that say nothing, so whatever a sync would add to them shows.
      const { tenantId } = await createTenant(db.kysely, {
        objects: [],
        slug: 'before',
        name: 'before',
        adminEmail: 'admin@before.test',
        adminPassword: PASSWORD,
        masterKey: masterKeyFrom(TEST_SECRET),
      });
      await migrateToLatest(db);
      const recorded = await inTenant(db.kysely, tenantId, grantedObjects);
      expect(recorded).toEqual(expect.arrayContaining(['contact', 'automation', 'order', 'ticket', 'ticket_sla_policy']));
      const given = (await syncObjectGrants({ db: db.kysely, objects: standard() })).flatMap((g) => g.objects);
      expect(given.filter((o) => recorded.includes(o))).toEqual([]);
      const roles = await inTenant(db.kysely, tenantId, (tx) => tx.selectFrom('roles').select(['name', 'permissions']).execute());
      for (const role of roles) expect(Object.keys(role.permissions as object).filter((o) => recorded.includes(o))).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
