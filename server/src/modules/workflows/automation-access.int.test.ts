import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

const ruleBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  object: 'contact',
  trigger: { type: 'created' },
  conditions: { city: { eq: '上海' } },
  actions: [{ type: 'add_tags', tags: ['shanghai'] }],
  ...extra,
});

describe.skipIf(!databaseAvailable)('automation permission: rules built by non-admins', () => {
  let t: TestApp;
  let manager: TestUser;
  let otherManager: TestUser;
  let rep: TestUser;
  let builder: TestUser;
  const as = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.request(user, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.createUser({ role: 'Sales Manager' });
    otherManager = await t.createUser({ role: 'Sales Manager' });
    rep = await t.createUser({ role: 'Sales Rep' });
    // A role with automation on its own rules and contacts, but no right to read phone numbers (masked).
    const role = await as(t.admin, 'POST', '/api/v1/roles', {
      name: 'Rule builder',
      permissions: { contact: { read: 'all', create: 'all', update: 'all' }, automation: { read: 'own', create: 'own', update: 'own', delete: 'own' } },
    });
    expect(role.statusCode, role.body).toBe(201);
    builder = await t.createUser({ role: 'Sales Rep' });
    await t.db.kysely.transaction().execute(async (tx) => {
      await tx.deleteFrom('user_roles').where('user_id', '=', builder.id).execute();
      await tx.insertInto('user_roles').values({ tenant_id: builder.tenantId, user_id: builder.id, role_id: role.json().id }).execute();
    });
  });
  afterAll(() => t?.close());

  it('gives the Sales Manager role automation by default; the role editor lists it', async () => {
    const roles = (await as(t.admin, 'GET', '/api/v1/roles')).json().data as { name: string; permissions: Record<string, unknown> }[];
    expect(roles.find((r) => r.name === 'Sales Manager')?.permissions.automation).toEqual({ read: 'team', create: 'team', update: 'team', delete: 'team' });
    expect(roles.find((r) => r.name === 'Sales Rep')?.permissions.automation).toBeUndefined();
    const objects = (await as(t.admin, 'GET', '/api/v1/objects')).json().data as { name: string; actions?: string[] }[];
    expect(objects.find((o) => o.name === 'automation')).toBeTruthy();
  });

  it('lets a manager build, change and delete their rules (they own them); a rep is refused', async () => {
    const created = await as(manager, 'POST', '/api/v1/workflow-rules', ruleBody('经理的规则'));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().ownerId).toBe(manager.id);
    const id = created.json().id as string;
    const changed = await as(manager, 'PATCH', `/api/v1/workflow-rules/${id}`, { enabled: true });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await as(rep, 'POST', '/api/v1/workflow-rules', ruleBody('rep'))).statusCode).toBe(403);
    expect((await as(rep, 'GET', '/api/v1/workflow-rules')).statusCode).toBe(403);
    expect((await as(manager, 'DELETE', `/api/v1/workflow-rules/${id}`)).statusCode).toBe(204);
  });

  it('shows a manager only the rules their scope covers (team: their team’s owners), not an admin’s', async () => {
    const admins = await as(t.admin, 'POST', '/api/v1/workflow-rules', ruleBody('管理员的规则'));
    const mine = await as(builder, 'POST', '/api/v1/workflow-rules', ruleBody('自己的规则'));
    expect(mine.statusCode, mine.body).toBe(201);
    const seen = (user: TestUser) => as(user, 'GET', '/api/v1/workflow-rules').then((r) => (r.json().data as { name: string }[]).map((x) => x.name));
    expect(await seen(builder)).toEqual(['自己的规则']);
    expect(await seen(t.admin)).toEqual(expect.arrayContaining(['管理员的规则', '自己的规则']));
    expect(await seen(otherManager)).not.toContain('管理员的规则');
    expect((await as(builder, 'GET', `/api/v1/workflow-rules/${admins.json().id}`)).statusCode).toBe(404);
    expect((await as(builder, 'PATCH', `/api/v1/workflow-rules/${admins.json().id}`, { enabled: false })).statusCode).toBe(404);
    expect((await as(builder, 'DELETE', `/api/v1/workflow-rules/${admins.json().id}`)).statusCode).toBe(404);
    // Runs follow the rules: the builder sees none of the admin's.
    const runs = (await as(builder, 'GET', '/api/v1/workflow-runs')).json().data as { ruleId: string }[];
    expect(runs.every((r) => r.ruleId === mine.json().id)).toBe(true);
  });

  it('refuses conditions and triggers on a field masked for the builder, as their lists do; an admin may', async () => {
    const probe = ruleBody('probe', { conditions: { phone: { contains: '138' } } });
    const refused = await as(builder, 'POST', '/api/v1/workflow-rules', probe);
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().errors)).toContain('phone');
    const trigger = await as(
      builder,
      'POST',
      '/api/v1/workflow-rules',
      ruleBody('probe 2', { trigger: { type: 'updated', field: 'phone' }, conditions: null }),
    );
    expect(trigger.statusCode).toBe(400);
    expect((await as(t.admin, 'POST', '/api/v1/workflow-rules', probe)).statusCode).toBe(201);
  });

  it('lets rule builders pick processes, templates and webhooks, and write mail templates; not reps', async () => {
    expect((await as(manager, 'GET', '/api/v1/webhooks')).statusCode).toBe(200);
    expect((await as(rep, 'GET', '/api/v1/webhooks')).statusCode).toBe(403);
    expect((await as(manager, 'POST', '/api/v1/webhooks', { name: 'x', url: 'https://example.com/x', events: ['contact.created'] })).statusCode).toBe(403);
    expect((await as(manager, 'GET', '/api/v1/approval-processes')).statusCode).toBe(200);
    const template = {
      name: '经理的模板',
      object: 'contact',
      subject: { zh: '你好 {{record.name}}', en: 'Hello {{record.name}}' },
      body: { zh: '正文', en: 'Body' },
    };
    const made = await as(manager, 'POST', '/api/v1/mail/templates', template);
    expect(made.statusCode, made.body).toBe(201);
    expect((await as(rep, 'POST', '/api/v1/mail/templates', { ...template, name: 'rep' })).statusCode).toBe(403);
  });
});
