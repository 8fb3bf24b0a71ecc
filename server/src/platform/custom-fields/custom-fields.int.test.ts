import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { databaseAvailable } from '../../../test/db.ts';

describe.skipIf(!databaseAvailable)('custom field definitions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const define = (payload: Record<string, unknown>) => t.request(t.admin, { method: 'POST', url: '/api/v1/custom-fields', payload });

  it('lets only admins define fields, and PATCH changes only what it sends', async () => {
    const rep = await t.createUser({ role: 'Sales Rep' });
    const payload = {
      object: 'company',
      key: 'region',
      label: { zh: '大区', en: 'Region' },
      type: 'select',
      required: true,
      defaultValue: 'east',
      options: [
        { value: 'east', label: { zh: '华东', en: 'East' } },
        { value: 'north', label: { zh: '华北', en: 'North' } },
      ],
    };
    expect((await t.request(rep, { method: 'POST', url: '/api/v1/custom-fields', payload })).statusCode).toBe(403);
    const created = await define(payload);
    expect(created.statusCode, created.body).toBe(201);
    const patched = await t.request(t.admin, {
      method: 'PATCH',
      url: `/api/v1/custom-fields/${created.json().id}`,
      payload: { label: { zh: '销售大区', en: 'Sales region' } },
    });
    expect(patched.json()).toMatchObject({ required: true, defaultValue: 'east', options: payload.options, label: { zh: '销售大区' }, version: 2 });
    expect((await define(payload)).json().errors).toEqual([{ field: 'key', message: 'Another custom field already has this value' }]);
  });

  it('refuses inconsistent definitions', async () => {
    const res = await define({ object: 'contact', key: 'kind', label: {}, type: 'select', defaultValue: 'x' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['defaultValue', 'label', 'options']);
    expect((await define({ object: 'contact', key: 'Bad Key', label: { en: 'x' }, type: 'text' })).statusCode).toBe(400);
  });

  it('enforces unique custom values across live records', async () => {
    expect((await define({ object: 'contact', key: 'member_no', label: { en: 'Member no.' }, type: 'text', unique: true })).statusCode).toBe(201);
    const first = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'A', custom: { member_no: 'M-1' } } });
    expect(first.statusCode).toBe(201);
    const clash = await t.request(t.admin, { method: 'POST', url: '/api/v1/contacts', payload: { name: 'B', custom: { member_no: 'M-1' } } });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].field).toBe('custom.member_no');
  });
});
