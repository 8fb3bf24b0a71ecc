import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#platform/errors/app-error.ts';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import type { GuardAction } from './write-guards.ts';

describe.skipIf(!databaseAvailable)('write guards', () => {
  let t: TestApp;
  const asked: GuardAction[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    // A guard that refuses restores only: a delete must not look like one.
    t.deps.writeGuards?.add(async ({ object, ids, action }) => {
      if (object === 'company') asked.push(action);
      return new Map(object === 'company' && action === 'restore' ? ids.map((id) => [id, new AppError('conflict', { message: 'restore refused' })]) : []);
    });
  });
  afterAll(() => t?.close());

  it('are asked update, delete and restore as three operations', async () => {
    const created = await t.request(t.admin, { method: 'POST', url: '/api/v1/companies', payload: { name: '守卫测试公司' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const patched = await t.request(t.admin, { method: 'PATCH', url: `/api/v1/companies/${id}`, payload: { industry: 'x' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await t.request(t.admin, { method: 'DELETE', url: `/api/v1/companies/${id}` })).statusCode).toBe(204);
    const restored = await t.request(t.admin, { method: 'POST', url: `/api/v1/companies/${id}/restore` });
    expect(restored.statusCode).toBe(409);
    expect(asked).toEqual(['update', 'delete', 'restore']);
  });
});
