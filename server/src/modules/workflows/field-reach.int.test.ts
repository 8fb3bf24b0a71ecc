import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverEvent, serializeEvent } from '#platform/events/delivery.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { testLog } from '#test/jobs-kit.ts';
import { actionsOf, runsOf } from './workflows.test-kit.ts';

process.env.KEHU_WEBHOOK_ALLOW_PRIVATE = '1'; // the webhooks' URLs are local addresses, never called here

type Role = { id: string; name: string; version: number };

/**
 * Saved automation is held to what its owner may read when it runs, not only when it was saved:
 * a role that stops reading phones after the rules and webhooks were saved skips every run and
 * delivery whose conditions, filter, action fields or merge fields name the phone, with the
 * reason and the fields in the run history and delivery log, and marks them for attention.
 */
describe.skipIf(!databaseAvailable)('automation re-checks its owner’s readable fields when it runs', () => {
  let t: TestApp;
  let owner: TestUser;
  let role: Role;
  let contactId: string;
  const rules: Record<string, string> = {};
  const hooks: Record<string, string> = {};
  const as = (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers?: Record<string, string>) =>
    t.request(user, { method, url, ...(headers ? { headers } : {}), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

  /** Delivers the unpublished outbox to the rules and the webhooks, as the relay does. */
  const drain = async () => {
    for (let round = 0; round < 10; round++) {
      const rows = await t.db.kysely.selectFrom('outbox').selectAll().where('published_at', 'is', null).orderBy('id').execute();
      if (rows.length === 0) return;
      for (const row of rows) {
        for (const subscriber of ['workflows.record-events', 'webhooks'])
          await deliverEvent(
            { db: t.db, subscribers: t.deps.subscribers, log: testLog },
            { id: row.id, name: 'kehu-events', data: { subscriber, event: serializeEvent(row) } },
          );
        await t.db.kysely.updateTable('outbox').set({ published_at: new Date() }).where('id', '=', row.id).execute();
      }
    }
  };
  const setPhones = async (read: boolean) => {
    const res = await as(
      t.admin,
      'PATCH',
      `/api/v1/roles/${role.id}`,
      { fieldPermissions: { contact: { phones: { read, edit: read } } } },
      { 'if-match': `"${role.version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    role = res.json();
  };
  const rule = async (name: string, body: Record<string, unknown>) => {
    const res = await as(owner, 'POST', '/api/v1/workflow-rules', { name, object: 'contact', enabled: true, trigger: { type: 'updated' }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    rules[name] = res.json().id;
  };
  const touch = async (title: string) => {
    const res = await as(t.admin, 'PATCH', `/api/v1/contacts/${contactId}`, { title });
    expect(res.statusCode, res.body).toBe(200);
    await drain();
  };
  const deliveriesOf = (hookId: string) =>
    t.db.kysely.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', hookId).orderBy('created_at').orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp();
    const made = await as(t.admin, 'POST', '/api/v1/roles', {
      name: 'Automation desk',
      permissions: {
        contact: { read: 'all', create: 'all', update: 'all' },
        activity: { read: 'all', create: 'all', update: 'all' },
        automation: { read: 'own', create: 'own', update: 'own', delete: 'own' },
      },
      fieldPermissions: { contact: { phones: { read: true, edit: true } } },
    });
    expect(made.statusCode, made.body).toBe(201);
    role = made.json();
    // Webhooks are made by administrators: the owner makes theirs as one, then works under the role.
    owner = await t.createUser({ role: 'Administrator' });
    const contact = await as(t.admin, 'POST', '/api/v1/contacts', {
      name: '王芳',
      phones: [{ number: '+86 138 1234 5678' }],
      emails: [{ address: 'fang@example.test' }],
    });
    expect(contact.statusCode, contact.body).toBe(201);
    contactId = contact.json().id;
    for (const [name, filter] of [
      ['filtered', { phone: { contains: '1381234' } }],
      ['open', null],
    ] as const) {
      const hook = await as(owner, 'POST', '/api/v1/webhooks', { name, url: `http://127.0.0.1:9/${name}`, events: ['contact.updated'], filter });
      expect(hook.statusCode, hook.body).toBe(201);
      hooks[name] = hook.json().id;
    }
    await t.db.kysely.transaction().execute(async (tx) => {
      await tx.deleteFrom('user_roles').where('user_id', '=', owner.id).execute();
      await tx.insertInto('user_roles').values({ tenant_id: owner.tenantId, user_id: owner.id, role_id: role.id }).execute();
    });
    const template = await as(t.admin, 'POST', '/api/v1/mail/templates', {
      name: '回电',
      object: 'contact',
      subject: { zh: '请回电 {{record.phones}}', en: 'Call back {{record.phones}}' },
      body: { zh: '{{record.name}}', en: '{{record.name}}' },
    });
    expect(template.statusCode, template.body).toBe(201);
    // Saved while the role reads phones: each names the phone somewhere else.
    await rule('condition', {
      conditions: { phone: { contains: '138' } },
      actions: [{ type: 'notify', recipients: ['owner'], title: '手机号 138 的客户 {{name}}' }],
    });
    await rule('merge', { actions: [{ type: 'create_task', subject: '回电 {{phones}}', dueInDays: 1 }] });
    await rule('mail', { actions: [{ type: 'send_email', templateId: template.json().id, to: 'record' }] });
    await rule('trigger field', { trigger: { type: 'updated', field: 'title' }, actions: [{ type: 'create_task', subject: '跟进 {{name}}', dueInDays: 1 }] });
    await rule('call', { actions: [{ type: 'call_webhook', webhookId: hooks.filtered }] });
    await drain();
  });
  afterAll(() => t?.close());

  it('runs and delivers while the owner reads the phone', async () => {
    await touch('经理');
    for (const name of ['condition', 'merge', 'mail', 'trigger field'])
      expect(
        (await runsOf(t, rules[name] as string)).map((r) => r.status),
        name,
      ).toEqual(['succeeded']);
    expect((await deliveriesOf(hooks.filtered as string)).map((d) => d.status)).toContain('pending');
    const rulesNow = (await as(owner, 'GET', '/api/v1/workflow-rules')).json().data as { name: string; attention: unknown }[];
    expect(rulesNow.every((r) => r.attention === null)).toBe(true);
  });

  it('skips, with the reason and the fields, every run and delivery that names the phone once the role loses it', async () => {
    await setPhones(false);
    const tasksBefore = await t.db.kysely.selectFrom('activities').select('id').where('contact_id', '=', contactId).execute();
    const mailsBefore = await t.db.kysely.selectFrom('mail_messages').select('id').execute();
    const notesBefore = await t.db.kysely.selectFrom('notifications').select('id').where('user_id', '=', owner.id).execute();
    await touch('总监');
    for (const [name, fields] of [
      ['condition', ['phone']],
      ['merge', ['phones']],
      ['mail', ['phones']],
      ['call', []],
    ] as const) {
      const last = (await runsOf(t, rules[name] as string)).at(-1);
      if (name === 'call') {
        // The rule itself reads no phone; the webhook it calls filters on one: that action is refused, translated.
        expect(last?.status).toBe('failed');
        expect(actionsOf(last)[0]?.error).toMatch(/筛选条件|filter/);
        continue;
      }
      expect(last?.status, name).toBe('skipped');
      expect(last?.reason).toBe('field_not_readable');
      expect(last?.reason_fields).toEqual(fields);
      expect(actionsOf(last)).toEqual([]);
    }
    // A rule naming no phone still runs.
    expect((await runsOf(t, rules['trigger field'] as string)).at(-1)?.status).toBe('succeeded');
    // Nothing the skipped rules would have done happened: no new task of theirs, no mail, no notification.
    const tasks = await t.db.kysely.selectFrom('activities').select(['id', 'subject']).where('contact_id', '=', contactId).execute();
    expect(tasks.length - tasksBefore.length).toBe(1);
    expect(tasks.map((x) => x.subject).filter((s) => s.includes('回电'))).toHaveLength(1); // the one from before
    expect((await t.db.kysely.selectFrom('mail_messages').select('id').execute()).length).toBe(mailsBefore.length);
    expect((await t.db.kysely.selectFrom('notifications').select('id').where('user_id', '=', owner.id).execute()).length).toBe(notesBefore.length);
    // The run history says why, through the API.
    const runs = (await as(owner, 'GET', `/api/v1/workflow-runs?ruleId=${rules.condition}`)).json().data as {
      status: string;
      reason: string;
      reasonFields: string[];
    }[];
    expect(runs[0]).toMatchObject({ status: 'skipped', reason: 'field_not_readable', reasonFields: ['phone'] });
  });

  it('logs the filtered webhook’s delivery as skipped, never sent, without the record; the open one sends the phone masked', async () => {
    const skipped = (await deliveriesOf(hooks.filtered as string)).filter((d) => d.status === 'skipped');
    expect(skipped.length).toBeGreaterThanOrEqual(1);
    for (const d of skipped) {
      expect(d).toMatchObject({ last_error: 'field_not_readable', reason_fields: ['phone'], next_attempt_at: null, attempts: 0 });
      expect(JSON.parse(d.body).data).toBeNull();
      expect(d.body).not.toContain('5678');
    }
    const replay = await as(t.admin, 'POST', `/api/v1/webhook-deliveries/${skipped[0]?.id}/replay`, undefined, { 'accept-language': 'zh-CN' });
    expect(replay.statusCode, replay.body).toBe(409);
    expect(replay.json().detail).toMatch(/\p{Script=Han}/u);
    const open = (await deliveriesOf(hooks.open as string)).at(-1);
    expect(open?.status).toBe('pending');
    const data = JSON.parse(open?.body as string).data;
    expect(data.phones[0].number).not.toContain('1234 5678');
    expect(open?.body).not.toContain('12345678');
    const log = (await as(t.admin, 'GET', `/api/v1/webhooks/${hooks.filtered}/deliveries?status=skipped`)).json().data;
    expect(log[0]).toMatchObject({ status: 'skipped', lastError: 'field_not_readable', reasonFields: ['phone'] });
  });

  it('marks the rules and the webhook as needing attention in their lists and details until the right returns', async () => {
    const list = (await as(owner, 'GET', '/api/v1/workflow-rules')).json().data as { id: string; attention: { reason: string; fields: string[] } | null }[];
    const attention = Object.fromEntries(Object.entries(rules).map(([name, id]) => [name, list.find((r) => r.id === id)?.attention ?? null]));
    expect(attention).toEqual({
      condition: { reason: 'field_not_readable', fields: ['phone'] },
      merge: { reason: 'field_not_readable', fields: ['phones'] },
      mail: { reason: 'field_not_readable', fields: ['phones'] },
      'trigger field': null,
      call: null,
    });
    expect((await as(owner, 'GET', `/api/v1/workflow-rules/${rules.condition}`)).json().attention).toEqual({ reason: 'field_not_readable', fields: ['phone'] });
    const hookList = (await as(t.admin, 'GET', '/api/v1/webhooks')).json().data as { id: string; attention: unknown }[];
    expect(hookList.find((h) => h.id === hooks.filtered)?.attention).toEqual({ reason: 'field_not_readable', fields: ['phone'] });
    expect(hookList.find((h) => h.id === hooks.open)?.attention).toBeNull();
    expect((await as(t.admin, 'GET', `/api/v1/webhooks/${hooks.filtered}`)).json().attention).toEqual({ reason: 'field_not_readable', fields: ['phone'] });

    await setPhones(true);
    expect((await as(owner, 'GET', `/api/v1/workflow-rules/${rules.condition}`)).json().attention).toBeNull();
    expect((await as(t.admin, 'GET', `/api/v1/webhooks/${hooks.filtered}`)).json().attention).toBeNull();
    await touch('董事');
    expect((await runsOf(t, rules.condition as string)).at(-1)?.status).toBe('succeeded');
  });
});
