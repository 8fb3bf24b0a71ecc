import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { layoutObjects } from './layout-objects';

const meta = (name: string, extra: Partial<ObjectMeta> = {}): ObjectMeta => ({
  name,
  path: `${name}s`,
  label: { zh: name, en: name },
  custom: false,
  id: null,
  record: true,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: [],
  ...extra,
});
const t = ((key: string) => key) as unknown as TFunction;

describe('layoutObjects', () => {
  it('offers the record objects whose pages draw from a field list: standard ones the web knows, then custom ones', () => {
    const objects = [
      meta('company'),
      meta('contact'),
      meta('activity'),
      meta('lead'),
      meta('deal'),
      meta('pool', { path: null, record: false }),
      meta('distributors', { custom: true, path: 'distributors', id: 'o1' }),
    ];
    const offered = layoutObjects(objects, t, 'zh-CN');
    expect(offered.map((o) => o.meta.name)).toEqual(['company', 'contact', 'lead', 'deal', 'distributors']);
    expect(offered.at(-1)?.def).toMatchObject({ object: 'distributors', entity: 'distributors', basePath: '/o/distributors' });
  });
});
