import { sql } from 'kysely';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '#db/tx.ts';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import type { AppError } from '#platform/errors/app-error.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { isSuppressed, refuseSuppressed } from './index.ts';

/** Unique strings seeded into the person's records: after the erasure, a full scan of the database finds none. */
const MARKER = 'Zq7Marker';
const EMAIL = `${MARKER.toLowerCase()}@example.com`;
const PHONE = '13912345678';

describe.skipIf(!databaseAvailable)('privacy requests', () => {
  let t: TestApp;
  let rep: TestUser;
  let colleague: TestUser;
  let contactId: string;
  let dealId: string;
  let leadId: string;

  const post = (user: TestUser, url: string, payload?: object) => t.request(user, { method: 'POST', url, ...(payload ? { payload } : {}) });
  const created = async (url: string, payload: object) => {
    const res = await post(t.admin, url, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const newRequest = async (payload: object) => created('/api/v1/privacy/requests', payload);

  /** Rows of any table in any schema whose text holds `needle` (the whole row as text, every column). */
  const scan = async (needle: string) => {
    const { rows: tables } = await sql<{ schema: string; name: string }>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`.execute(t.db.kysely);
    const hits: string[] = [];
    for (const table of tables) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(`${table.schema}.${table.name}`)} x where x::text ilike ${`%${needle}%`}`.execute(t.db.kysely);
      if ((rows[0]?.n ?? 0) > 0) hits.push(`${table.schema}.${table.name}: ${rows[0]?.n}`);
    }
    return hits;
  };

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep' });
    colleague = await t.createUser({ role: 'Administrator' });
    await t.request(t.admin, { method: 'POST', url: '/api/v1/custom-objects', payload: { name: 'members', label: { zh: '会员', en: 'Member' } } });
    await t.defineCustomField(t.admin, { object: 'members', key: 'mail', label: { zh: '邮箱', en: 'E-mail' }, type: 'email' });
    const company = await created('/api/v1/companies', { name: 'Acme 北京' });
    contactId = (
      await created('/api/v1/contacts', {
        name: `${MARKER} 张`,
        companyId: company.id,
        emails: [{ address: EMAIL }],
        phones: [{ number: '139 1234 5678' }],
        idNumber: '110101199003077777',
        address: { city: `${MARKER}ville` },
      })
    ).id;
    await t.request(t.admin, { method: 'PATCH', url: `/api/v1/contacts/${contactId}`, payload: { title: 'CTO', givenName: MARKER } });
    dealId = (await created('/api/v1/deals', { name: `Renewal for ${MARKER} 张`, amount: '120000.00', currency: 'CNY', contactId })).id;
    await created('/api/v1/activities', { type: 'note', subject: `Call ${MARKER} 张 back`, body: `Reach at ${EMAIL} or ${PHONE}`, contactId });
    leadId = (await created('/api/v1/leads', { name: `${MARKER} Lead`, emails: [{ address: EMAIL.toUpperCase() }] })).id;
    await created('/api/v1/members', { name: 'Gold member', custom: { mail: EMAIL } });
    // Someone else, to show they are left alone.
    await created('/api/v1/contacts', { name: 'Other Person', emails: [{ address: 'other@example.com' }] });
  });
  afterAll(() => t?.close());

  it('logs a request with its statutory deadline and refuses bad input with nothing written (problem+json, translated)', async () => {
    const pipl = await newRequest({ kind: 'access', subjectEmail: EMAIL, receivedAt: '2026-12-01T08:00:00Z' });
    expect(pipl).toMatchObject({ status: 'received', law: 'pipl', dueAt: '2026-12-16T08:00:00.000Z', handler: { id: t.admin.id } });
    const gdpr = await newRequest({ kind: 'access', law: 'gdpr', subjectPhone: PHONE, receivedAt: '2026-12-01T08:00:00Z' });
    expect(gdpr).toMatchObject({ dueAt: '2026-12-31T08:00:00.000Z', subjectPhone: '+8613912345678' });

    const before = (await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/requests' })).json().data.length;
    const none = await t.request(t.admin, {
      method: 'POST',
      url: '/api/v1/privacy/requests',
      headers: { 'accept-language': 'zh-CN' },
      payload: { kind: 'access' },
    });
    expect(none.statusCode).toBe(400);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(none.json().errors)).toContain('请填写本人的邮箱或手机号');
    expect((await post(t.admin, '/api/v1/privacy/requests', { kind: 'forget-me', subjectEmail: EMAIL })).statusCode).toBe(400);
    expect((await post(t.admin, '/api/v1/privacy/requests', { kind: 'access', subjectEmail: 'not-an-email' })).statusCode).toBe(400);
    const farFuture = await post(t.admin, '/api/v1/privacy/requests', { kind: 'access', subjectEmail: EMAIL, receivedAt: '9999-12-31T23:59:59Z' });
    expect(farFuture.statusCode).toBe(400);
    expect(farFuture.json().errors[0]).toMatchObject({ field: 'receivedAt' });
    const badHandler = await post(t.admin, '/api/v1/privacy/requests', {
      kind: 'access',
      subjectEmail: EMAIL,
      handlerId: '0190a0a0-0000-7000-8000-000000000000',
    });
    expect(badHandler.statusCode).toBe(400);
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/requests' })).json().data.length).toBe(before);
  });

  it('is for admins and roles granted privacy requests only', async () => {
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/privacy/requests' })).statusCode).toBe(403);
    expect((await post(rep, '/api/v1/privacy/requests', { kind: 'access', subjectEmail: EMAIL })).statusCode).toBe(403);
    const objects = await t.request(t.admin, { method: 'GET', url: '/api/v1/objects' });
    expect(JSON.stringify(objects.json())).toContain('privacy_request');
    // A privacy officer: a role granted privacy requests, no admin rights.
    const role = await post(t.admin, '/api/v1/roles', {
      name: 'Privacy Officer',
      permissions: { privacy_request: { read: 'all', create: 'all', update: 'all' } },
    });
    expect(role.statusCode, role.body).toBe(201);
    const officer = await t.createUser({ role: 'Privacy Officer' });
    const logged = await post(officer, '/api/v1/privacy/requests', { kind: 'correction', subjectEmail: 'officer-case@example.com' });
    expect(logged.statusCode, logged.body).toBe(201);
    expect((await post(officer, `/api/v1/privacy/requests/${logged.json().id}/verify`)).statusCode).toBe(200);
    // Records of processing stay an administrator's page.
    expect((await t.request(officer, { method: 'GET', url: '/api/v1/privacy/processing-records' })).statusCode).toBe(403);
  });

  it('finds the person in every object holding personal data, and what points at them, before anything runs', async () => {
    const request = await newRequest({ kind: 'access', subjectEmail: EMAIL });
    const preview = await t.request(t.admin, { method: 'GET', url: `/api/v1/privacy/requests/${request.id}/preview` });
    expect(preview.statusCode, preview.body).toBe(200);
    const objects = preview.json().objects as { object: string; role: string; records: { id: string }[]; fields: string[] }[];
    const of = (object: string, role: string) => objects.find((o) => o.object === object && o.role === role);
    expect(of('contact', 'subject')?.records.map((r) => r.id)).toEqual([contactId]);
    expect(of('contact', 'subject')?.fields).toEqual(expect.arrayContaining(['name', 'emails', 'phones', 'idNumber']));
    expect(of('lead', 'subject')?.records.map((r) => r.id)).toEqual([leadId]);
    expect(of('members', 'subject')?.records).toHaveLength(1);
    expect(of('deal', 'related')?.records.map((r) => r.id)).toEqual([dealId]);
    expect(of('activity', 'related')?.records).toHaveLength(1);
    expect(objects.flatMap((o) => o.records.map((r) => r.id))).not.toContain(undefined);
    expect(preview.json()).toMatchObject({ isUser: false, suppressed: false });
    expect(preview.json().auditEntries).toBeGreaterThanOrEqual(6);
    // The same person found by phone alone.
    const byPhone = await newRequest({ kind: 'access', subjectPhone: '+86 139-1234-5678' });
    const phonePreview = (await t.request(t.admin, { method: 'GET', url: `/api/v1/privacy/requests/${byPhone.id}/preview` })).json();
    expect(phonePreview.objects.find((o: { object: string }) => o.object === 'contact').records[0].id).toBe(contactId);
  });

  it('exports everything about the person as a zip of JSON, CSV and HTML, downloadable once by the handler', async () => {
    const request = await newRequest({ kind: 'access', subjectEmail: EMAIL, locale: 'en' });
    const early = await post(t.admin, `/api/v1/privacy/requests/${request.id}/export`);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('Verify');
    expect((await post(t.admin, `/api/v1/privacy/requests/${request.id}/verify`)).json().status).toBe('verified');
    const built = await post(t.admin, `/api/v1/privacy/requests/${request.id}/export`);
    expect(built.statusCode, built.body).toBe(200);
    expect(built.json()).toMatchObject({ status: 'completed', export: { downloadedAt: null } });

    expect((await t.request(colleague, { method: 'GET', url: `/api/v1/privacy/requests/${request.id}/export` })).statusCode).toBe(403);
    const download = await t.request(t.admin, { method: 'GET', url: `/api/v1/privacy/requests/${request.id}/export` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(download.rawPayload));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'index.html',
        'request.json',
        'contact.json',
        'contact.csv',
        'lead.json',
        'members.json',
        'deal-related.json',
        'activity-related.csv',
        'audit-log.json',
      ]),
    );
    const contact = JSON.parse(strFromU8(files['contact.json'] as Uint8Array));
    // The person's own data in clear, the ID number included.
    expect(contact.records[0]).toMatchObject({ id: contactId, idNumber: '110101199003077777', emails: [{ address: EMAIL }] });
    expect(strFromU8(files['deal-related.json'] as Uint8Array)).toContain('120000');
    expect(strFromU8(files['audit-log.json'] as Uint8Array)).toContain('"title"');
    expect(strFromU8(files['index.html'] as Uint8Array)).toContain('A copy of your personal data');
    expect(strFromU8(files['contact.csv'] as Uint8Array)).toContain(EMAIL);
    // Once.
    const again = await t.request(t.admin, { method: 'GET', url: `/api/v1/privacy/requests/${request.id}/export` });
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses to erase a user of Kehu, with guidance', async () => {
    const request = await newRequest({ kind: 'erasure', subjectEmail: colleague.email });
    await post(t.admin, `/api/v1/privacy/requests/${request.id}/verify`);
    const res = await t.request(t.admin, {
      method: 'POST',
      url: `/api/v1/privacy/requests/${request.id}/erase`,
      headers: { 'accept-language': 'zh-CN' },
      payload: { confirm: true },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('停用该用户');
  });

  it('erases the person everywhere in one go: no trace of the marker in any table, business records kept, suppressed', async () => {
    const exportRequest = await newRequest({ kind: 'access', subjectEmail: EMAIL });
    await post(t.admin, `/api/v1/privacy/requests/${exportRequest.id}/verify`);
    await post(t.admin, `/api/v1/privacy/requests/${exportRequest.id}/export`);
    const request = await newRequest({ kind: 'erasure', subjectEmail: EMAIL, subjectName: `${MARKER} 张` });
    expect((await post(t.admin, `/api/v1/privacy/requests/${request.id}/erase`, { confirm: true })).statusCode).toBe(409);
    await post(t.admin, `/api/v1/privacy/requests/${request.id}/verify`);
    expect((await post(t.admin, `/api/v1/privacy/requests/${request.id}/erase`, {})).statusCode).toBe(400);
    expect((await scan(MARKER)).length).toBeGreaterThan(0);

    const res = await post(t.admin, `/api/v1/privacy/requests/${request.id}/erase`, { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', subjectEmail: 'z***@example.com', subjectName: null });
    const counts = (list: { object: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.object, c.count]));
    expect(counts(res.json().result.erased)).toMatchObject({ contact: 1, lead: 1, members: 1 });
    expect(counts(res.json().result.kept)).toMatchObject({ deal: 1, activity: 1 });
    expect(res.json().result.erased[0].label).toEqual({ zh: '联系人', en: 'Contact' });
    // The earlier access request about the same person keeps a masked subject only.
    const earlier = (await t.request(t.admin, { method: 'GET', url: `/api/v1/privacy/requests/${exportRequest.id}` })).json();
    expect(earlier).toMatchObject({ subjectEmail: 'z***@example.com', subjectName: null, export: null });

    expect(await scan(MARKER)).toEqual([]);
    expect(await scan(EMAIL)).toEqual([]);
    expect(await scan(PHONE)).toEqual([]);
    expect(await scan('110101199003077777')).toEqual([]);

    const deal = (await t.request(t.admin, { method: 'GET', url: `/api/v1/deals/${dealId}` })).json();
    expect(deal).toMatchObject({ amount: '120000.00', contact: { id: contactId, name: '已擦除 Erased' } });
    const contact = (await t.request(t.admin, { method: 'GET', url: `/api/v1/contacts/${contactId}` })).json();
    expect(contact).toMatchObject({ name: '已擦除 Erased', emails: [], phones: [], idNumber: null, address: null, title: 'CTO' });
    const other = await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts?q=Other' });
    expect(other.json().data[0]).toMatchObject({ name: 'Other Person', emails: [{ address: 'other@example.com' }] });
    // The trail keeps that an erasure happened, without the values.
    const audit = await t.request(t.admin, { method: 'GET', url: `/api/v1/audit-log?objectType=contact&objectId=${contactId}` });
    expect(JSON.stringify(audit.json())).toContain('anonymised');

    const suppressed = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      Promise.all([
        isSuppressed({ tx, deps: t.deps, tenantId: t.admin.tenantId, emails: [EMAIL.toUpperCase()] }),
        isSuppressed({ tx, deps: t.deps, tenantId: t.admin.tenantId, phones: ['+8613912345678'] }),
        isSuppressed({ tx, deps: t.deps, tenantId: t.admin.tenantId, emails: ['other@example.com'] }),
      ]),
    );
    expect(suppressed).toEqual([true, true, false]);

    const twice = await post(t.admin, `/api/v1/privacy/requests/${request.id}/erase`, { confirm: true });
    expect(twice.statusCode).toBe(409);
  });

  it('opts a person out: suppressed, their records kept', async () => {
    const request = await newRequest({ kind: 'objection', subjectEmail: 'other@example.com' });
    await post(t.admin, `/api/v1/privacy/requests/${request.id}/verify`);
    const res = await post(t.admin, `/api/v1/privacy/requests/${request.id}/opt-out`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', result: { suppressed: 1 } });
    const check = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      isSuppressed({ tx, deps: t.deps, tenantId: t.admin.tenantId, emails: ['other@example.com'] }),
    );
    expect(check).toBe(true);
    // The one line imports, lead capture and forms call: a translated 409, the address not shown back.
    const refused = await inTenant(t.db.kysely, t.admin.tenantId, (tx) =>
      refuseSuppressed({ tx, deps: t.deps, tenantId: t.admin.tenantId, emails: ['new@example.com', 'OTHER@example.com'] }).then(
        () => null,
        (e: AppError) => e,
      ),
    );
    expect(refused).toMatchObject({ code: 'conflict', message: 'errors.privacy_suppressed' });
    expect(translate('zh-CN', 'errors.privacy_suppressed')).toContain('隐私屏蔽名单');
    const other = await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts?q=Other' });
    expect(other.json().data).toHaveLength(1);
  });

  it('closes a correction by hand with If-Match, and lists open requests by deadline', async () => {
    const request = await newRequest({ kind: 'correction', subjectEmail: 'fix@example.com', note: '地址有误' });
    const stale = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/privacy/requests/${request.id}`,
      headers: { 'if-match': '"9"' },
      payload: { status: 'completed' },
    });
    expect(stale.statusCode).toBe(412);
    const done = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/privacy/requests/${request.id}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'completed', handlerId: colleague.id },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', handler: { id: colleague.id } });
    const open = (await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/requests?open=true' })).json().data as { id: string; dueAt: string }[];
    expect(open.map((r) => r.id)).not.toContain(request.id);
    expect(open.map((r) => r.dueAt)).toEqual([...open.map((r) => r.dueAt)].sort());
  });
});
