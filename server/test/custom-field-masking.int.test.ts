import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { renderPayload } from '#modules/webhooks/webhook-payload.service.ts';
import { createTestApp, type TestApp, type TestUser } from './app.ts';
import { databaseAvailable } from './db.ts';

/**
 * A custom field an admin marks sensitive is masked like a built-in one, on every path that goes
 * through the record platform: get, list, export, audit trail and timeline, webhook payload, mail
 * merge, reveal; filters and sorts on it are refused, and editing it needs the edit rule.
 */
describe.skipIf(!databaseAvailable)('sensitive custom fields are masked for roles without the field rule', () => {
  let t: TestApp;
  let clerk: TestUser; // contact read/update/export all, no field rules
  let auditor: TestUser; // may read and edit custom.passport, not custom.salary
  let contactId: string;
  const PASSPORT = 'E12345678';
  const SALARY = 88123;

  const role = async (name: string, body: object) => {
    const res = await t.request(t.admin, { method: 'POST', url: '/api/v1/roles', payload: { name, ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return t.createUser({ role: name });
  };
  const get = (user: TestUser, url: string) => t.request(user, { method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp();
    await t.defineCustomField(t.admin, { object: 'contact', key: 'passport', label: { zh: '护照号', en: 'Passport' }, type: 'text', sensitive: true });
    await t.defineCustomField(t.admin, { object: 'contact', key: 'salary', label: { zh: '年薪', en: 'Salary' }, type: 'number', sensitive: true });
    await t.defineCustomField(t.admin, { object: 'contact', key: 'hobby', label: { zh: '爱好', en: 'Hobby' }, type: 'text' });
    const permissions = { contact: { read: 'all', create: 'all', update: 'all', export: 'all' } };
    clerk = await role('Clerk', { permissions });
    auditor = await role('Auditor', { permissions, fieldPermissions: { contact: { 'custom.passport': { read: true, edit: true } } } });
    const created = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { name: '韩梅梅', ownerId: clerk.id, custom: { passport: PASSPORT, salary: SALARY, hobby: 'golf' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    contactId = created.json().id;
  });
  afterAll(() => t?.close());

  it('GET and lists mask them for a role without the rule, show them to the admin and to a role with it', async () => {
    const asClerk = (await get(clerk, `/api/v1/contacts/${contactId}`)).json();
    expect(asClerk.custom).toEqual({ passport: 'E*******8', salary: '***', hobby: 'golf' });
    expect((await get(t.admin, `/api/v1/contacts/${contactId}`)).json().custom).toEqual({ passport: PASSPORT, salary: SALARY, hobby: 'golf' });
    expect((await get(auditor, `/api/v1/contacts/${contactId}`)).json().custom).toEqual({ passport: PASSPORT, salary: '***', hobby: 'golf' });
    const list = (await get(clerk, '/api/v1/contacts')).json().data;
    expect(list.find((c: { id: string }) => c.id === contactId).custom).toEqual(asClerk.custom);
    expect(JSON.stringify(list)).not.toContain(PASSPORT);
  });

  it('refuses a filter or sort on one to a role that may not read it (an oracle), as an unknown field', async () => {
    const filter = encodeURIComponent(JSON.stringify({ 'custom.passport': { startsWith: 'E1' } }));
    const refused = await get(clerk, `/api/v1/contacts?filter=${filter}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await get(clerk, '/api/v1/contacts?sort=-custom.salary')).statusCode).toBe(400);
    expect((await get(clerk, `/api/v1/contacts/count?filter=${filter}`)).statusCode).toBe(400);
    expect((await get(clerk, `/api/v1/contacts/export?filter=${filter}`)).statusCode).toBe(400);
    const allowed = await get(auditor, `/api/v1/contacts?filter=${filter}`);
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().data.map((c: { id: string }) => c.id)).toEqual([contactId]);
    expect((await get(clerk, `/api/v1/contacts?filter=${encodeURIComponent(JSON.stringify({ 'custom.hobby': { eq: 'golf' } }))}`)).statusCode).toBe(200);
  });

  it('exports them masked', async () => {
    const csv = await get(clerk, '/api/v1/contacts/export');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('golf');
    expect(csv.body).not.toContain(PASSPORT);
    expect(csv.body).not.toContain(String(SALARY));
  });

  it('edits them only with the edit rule; the audit trail and timeline record the change without the value', async () => {
    const refused = await t.request(clerk, { method: 'PATCH', url: `/api/v1/contacts/${contactId}`, payload: { custom: { salary: 1 } } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'custom.salary', message: expect.any(String) }]);
    expect((await get(t.admin, `/api/v1/contacts/${contactId}`)).json().custom.salary).toBe(SALARY);
    // What the clerk was shown, sent back with a real change beside it: the masked values stay as stored.
    const roundTrip = await t.request(clerk, {
      method: 'PATCH',
      url: `/api/v1/contacts/${contactId}`,
      payload: { custom: { passport: 'E*******8', salary: '***', hobby: 'tennis' } },
    });
    expect(roundTrip.statusCode, roundTrip.body).toBe(200);
    expect((await get(t.admin, `/api/v1/contacts/${contactId}`)).json().custom).toEqual({ passport: PASSPORT, salary: SALARY, hobby: 'tennis' });
    const patched = await t.request(auditor, { method: 'PATCH', url: `/api/v1/contacts/${contactId}`, payload: { custom: { passport: 'G87654321' } } });
    expect(patched.statusCode, patched.body).toBe(200);
    const timeline = await get(t.admin, `/api/v1/contacts/${contactId}/timeline`);
    expect(timeline.statusCode).toBe(200);
    const changes = timeline.json().data.filter((i: { kind: string }) => i.kind === 'change');
    expect(changes.find((c: { action: string }) => c.action === 'updated').changes['custom.passport']).toEqual({ from: '***', to: '***' });
    expect(changes.find((c: { action: string }) => c.action === 'created').changes.custom.to).toMatchObject({ passport: '***', salary: '***', hobby: 'golf' });
    const audit = await get(t.admin, `/api/v1/audit-log?objectId=${contactId}`);
    for (const body of [timeline.body, audit.body]) {
      expect(body).not.toContain(PASSPORT);
      expect(body).not.toContain('G87654321');
      expect(body).not.toContain(String(SALARY));
    }
  });

  it('reveals one in clear only to a role that may read it', async () => {
    const reveal = (user: TestUser, field: string) => t.request(user, { method: 'POST', url: `/api/v1/contacts/${contactId}/reveal`, payload: { field } });
    expect((await reveal(clerk, 'custom.passport')).statusCode).toBe(403);
    const shown = await reveal(auditor, 'custom.passport');
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ field: 'custom.passport', value: 'G87654321' });
    expect((await reveal(auditor, 'custom.hobby')).statusCode).toBe(400);
  });

  it('sends them masked in a webhook payload and a mail merge as the owner or sender reads them', async () => {
    const body = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      renderPayload({
        tx,
        deps: t.deps,
        tenantId: t.admin.tenantId,
        ownerId: clerk.id,
        event: { id: crypto.randomUUID(), type: 'contact.updated', objectType: 'contact', objectId: contactId, createdAt: new Date() },
        filter: null,
      }),
    );
    expect(JSON.parse(body as string).data.custom).toEqual({ passport: 'G*******1', salary: '***', hobby: 'tennis' });
    const template = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/mail/templates',
      payload: {
        name: 'Passport',
        object: 'contact',
        subject: { zh: '您好', en: 'Hi' },
        body: { zh: '{{contact.custom.passport}}', en: 'No. {{contact.custom.passport}} / {{contact.custom.hobby}}' },
      },
    });
    expect(template.statusCode, template.body).toBe(201);
    const preview = (user: TestUser) =>
      t.request(user, {
        method: 'POST',
        url: `/api/v1/mail/templates/${template.json().id}/preview`,
        payload: { record: { object: 'contact', id: contactId }, locale: 'en' },
      });
    const asClerk = await preview(clerk);
    expect(asClerk.statusCode, asClerk.body).toBe(200);
    expect(asClerk.json().text).toBe('No. G*******1 / tennis');
    expect((await preview(auditor)).json().text).toBe('No. G87654321 / tennis');
  });

  it('does not find a custom object record by a sensitive value in q', async () => {
    const object = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/custom-objects',
      payload: { name: 'vehicle', label: { zh: '车辆', en: 'Vehicle' } },
    });
    expect(object.statusCode, object.body).toBe(201);
    await t.defineCustomField(t.admin, { object: 'vehicle', key: 'vin', label: { en: 'VIN' }, type: 'text', sensitive: true });
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/vehicle', payload: { name: '奥迪 A6', custom: { vin: 'LFV3A28K8D3000123' } } });
    expect(created.statusCode, created.body).toBe(201);
    expect((await get(t.admin, '/api/v1/vehicle?q=3000123')).json().data).toEqual([]);
    expect((await get(t.admin, `/api/v1/vehicle?q=${encodeURIComponent('奥迪')}`)).json().data).toHaveLength(1);
  });
});
