import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#test/app.ts';
import { databaseAvailable } from '#test/db.ts';

/**
 * Schema refusals speak of the field and the limit in the user's language ("必填", "最多 200 个
 * 字符", "必须是文本"), never of types ("expected string, received undefined", "期望 string
 * <=200 字符"), and nothing is written.
 */
describe.skipIf(!databaseAvailable)('validation messages name the field and the limit, translated', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const errorsOf = async (url: string, payload: Record<string, unknown>, locale: 'zh-CN' | 'en') => {
    const res = await t.request(t.admin, { method: 'POST', url, payload, headers: { 'accept-language': locale } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json().errors as { field: string; message: string }[];
    for (const e of errors) expect(e.message, JSON.stringify(e)).not.toMatch(/expected|received|期望|接收|string|number|undefined|<=|>=/i);
    return errors;
  };

  it('says required, too long, wrong kind and not an option in Chinese and English', async () => {
    expect(await errorsOf('/api/v1/contacts', {}, 'zh-CN')).toEqual([{ field: 'name', message: '必填' }]);
    expect(await errorsOf('/api/v1/contacts', {}, 'en')).toEqual([{ field: 'name', message: 'Required' }]);
    expect(await errorsOf('/api/v1/contacts', { name: 123 }, 'zh-CN')).toEqual([{ field: 'name', message: '必须是文本' }]);
    expect(await errorsOf('/api/v1/contacts', { name: 123 }, 'en')).toEqual([{ field: 'name', message: 'Must be text' }]);
    const [long] = await errorsOf('/api/v1/contacts', { name: '长'.repeat(5000) }, 'zh-CN');
    expect(long?.message).toMatch(/^最多 \d+ 个字符$/);
    const wrongLabel = await errorsOf('/api/v1/custom-fields', { object: 'contact', key: 'grade', type: 'colour', label: { zh: 1 } }, 'zh-CN');
    expect(wrongLabel).toEqual(
      expect.arrayContaining([
        { field: 'type', message: '不是允许的选项' },
        { field: 'label.zh', message: '必须是文本' },
      ]),
    );
    const [tooMany] = await errorsOf('/api/v1/custom-fields', { object: 'contact', key: 'grade', type: 'select', label: { en: 'G' }, position: -1 }, 'en');
    expect(tooMany).toEqual({ field: 'position', message: 'At least 0' });
    expect((await t.request(t.admin, { method: 'GET', url: '/api/v1/contacts' })).json().data).toEqual([]);
  });
});
