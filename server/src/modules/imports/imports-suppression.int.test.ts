import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';
import { importsClient, tempFile } from './imports.test-kit.ts';

// A person on the privacy suppression list (erased or opted out) is not brought back by an import (#21).
const FILE = ['name,email,phone', '回来的人,GONE@example.cn,', '电话的人,,139 0000 1111', '新客户,stay@example.cn,'].join('\n');

describe.skipIf(!databaseAvailable)('imports: the privacy suppression list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function optOut(user: TestUser, subject: object) {
    const post = (url: string, payload?: object) => t.request(user, { method: 'POST', url, ...(payload ? { payload } : {}) });
    const id = (await post('/api/v1/privacy/requests', { kind: 'objection', ...subject })).json().id as string;
    await post(`/api/v1/privacy/requests/${id}/verify`);
    expect((await post(`/api/v1/privacy/requests/${id}/opt-out`)).statusCode).toBe(200);
  }

  it.each([
    ['set-based', 500],
    ['row by row', 1],
  ])('skips and reports suppressed people, %s', async (slug, batchSize) => {
    const user = await t.createTenant(`suppressed-${batchSize}`);
    await optOut(user, { subjectEmail: 'gone@example.cn' });
    await optOut(user, { subjectPhone: '+8613900001111' });
    const api = importsClient(t, user);
    const imp = await api.uploaded(await tempFile(`${slug}.csv`, FILE));
    await api.configure(imp.id, { options: { batchSize } });
    await api.start(imp.id);
    expect(await api.run(imp.id)).toBe('done');
    expect((await api.get(imp.id)).progress).toMatchObject({ created: 1, failed: 2 });
    expect((await api.contacts()).map((c) => c.name)).toEqual(['新客户']);
    const errors = (await api.errorsCsv(imp.id)).split('\n').slice(1).filter(Boolean);
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(/suppression list/);
  });
});
