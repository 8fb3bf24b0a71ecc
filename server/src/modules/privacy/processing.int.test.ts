import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

type Record = {
  object: string;
  fields: { name: string; classification: string; masked: boolean; custom: boolean }[];
  readers: { role: string; scope: string; clearFields: string[] }[];
  purpose: string | null;
  legalBasis: string | null;
  version: number;
};

/** Records of processing are derived from the registry's classification and the roles: nothing to keep in step by hand. */
describe.skipIf(!databaseAvailable)('records of processing', () => {
  let t: TestApp;
  let rep: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    rep = await t.createUser({ role: 'Sales Rep' });
    await t.request(t.admin, { method: 'POST', url: '/api/v1/custom-objects', payload: { name: 'patients', label: { zh: '患者', en: 'Patient' } } });
    await t.defineCustomField(t.admin, { object: 'patients', key: 'mobile', label: { zh: '手机', en: 'Mobile' }, type: 'phone' });
    await t.defineCustomField(t.admin, { object: 'patients', key: 'diagnosis', label: { zh: '诊断', en: 'Diagnosis' }, type: 'text', sensitive: true });
    await t.defineCustomField(t.admin, { object: 'patients', key: 'ward', label: { zh: '病区', en: 'Ward' }, type: 'text' });
  });
  afterAll(() => t?.close());

  const list = async () => {
    const res = await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/processing-records' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as Record[];
  };

  it("lists each object's personal and sensitive fields from the declarations and custom fields", async () => {
    const records = await list();
    const contact = records.find((r) => r.object === 'contact');
    expect(contact?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'phones', classification: 'personal', masked: true }),
        expect.objectContaining({ name: 'emails', classification: 'personal', masked: false }),
        expect.objectContaining({ name: 'idNumber', classification: 'sensitive', masked: true }),
      ]),
    );
    expect(contact?.fields.map((f) => f.name)).not.toContain('title');
    const patients = records.find((r) => r.object === 'patients');
    expect(patients?.fields).toHaveLength(2);
    expect(patients?.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'custom.mobile', classification: 'personal', custom: true }),
        expect.objectContaining({ name: 'custom.diagnosis', classification: 'sensitive', masked: true }),
      ]),
    );
    // Objects without personal data are not listed.
    expect(records.map((r) => r.object)).not.toContain('activity');
  });

  it('names the roles that read each object, and which masked fields they read in clear', async () => {
    const contact = (await list()).find((r) => r.object === 'contact');
    const admin = contact?.readers.find((r) => r.role === 'Administrator');
    expect(admin).toMatchObject({ scope: 'all' });
    expect(admin?.clearFields.sort()).toEqual(['idNumber', 'phones']);
    const reps = contact?.readers.find((r) => r.role === 'Sales Rep');
    expect(reps?.scope).toBe('own');
    expect(reps?.clearFields).not.toContain('idNumber');
    // A new custom object is readable by admins only until a role is granted it.
    const patients = (await list()).find((r) => r.object === 'patients');
    expect(patients?.readers.map((r) => r.role)).toEqual(['Administrator']);
  });

  it('records purpose, legal basis and retention per object (admins, If-Match, audited), and exports CSV', async () => {
    const put = (version: string, payload: object) =>
      t.request(t.admin, { method: 'PUT', url: '/api/v1/privacy/processing-records/contact', headers: { 'if-match': version }, payload });
    const body = { purpose: '客户关系管理与售后服务', legalBasis: 'contract', retention: '=HYPERLINK("http://x")' };
    const saved = await put('"0"', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...body, version: 1 });
    expect((await put('"0"', body)).statusCode).toBe(412);
    const bad = await put('"1"', { ...body, legalBasis: 'because' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await list()).find((r) => r.object === 'contact')).toMatchObject({ ...body, version: 1 });
    const unknown = await t.request(t.admin, { method: 'PUT', url: '/api/v1/privacy/processing-records/nothing', payload: body });
    expect(unknown.statusCode).toBe(404);
    const audit = await t.request(t.admin, { method: 'GET', url: '/api/v1/audit-log?objectType=processing_record' });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().data.length).toBeGreaterThanOrEqual(1);

    const csv = await t.request(t.admin, { method: 'GET', url: '/api/v1/privacy/processing-records/export', headers: { 'accept-language': 'zh-CN' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('处理目的');
    expect(csv.body).toContain('客户关系管理与售后服务');
    expect(csv.body).toContain('诊断');
    // An admin's text is data, never a formula in the auditor's spreadsheet.
    expect(csv.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv.body).toContain("'=HYPERLINK");
  });

  it('is for administrators only', async () => {
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/privacy/processing-records' })).statusCode).toBe(403);
    expect((await t.request(rep, { method: 'GET', url: '/api/v1/privacy/processing-records/export' })).statusCode).toBe(403);
    const put = await t.request(rep, {
      method: 'PUT',
      url: '/api/v1/privacy/processing-records/contact',
      payload: { purpose: 'x', legalBasis: null, retention: null },
    });
    expect(put.statusCode).toBe(403);
  });
});
