import type { TFunction } from 'i18next';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { resolveObjectDef } from './object-defs';

const t = ((key: string) => key) as unknown as TFunction;
const meta = (over: Partial<ObjectMeta>): ObjectMeta => ({
  name: 'distributors',
  path: 'distributors',
  label: { zh: '经销商', en: 'Distributor' },
  custom: true,
  id: 'o1',
  record: true,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: ['owned'],
  ...over,
});

describe('resolveObjectDef (what ObjectDefsProvider hands the approval designer)', () => {
  it('gives the standard objects their features’ definitions, with their fields', () => {
    for (const name of ['company', 'contact', 'lead', 'deal']) {
      const def = resolveObjectDef(name, undefined, t, 'zh-CN');
      expect(def?.entity, name).toBe(name);
      expect(def?.fields.length, name).toBeGreaterThan(3);
    }
  });
  it('builds a custom object’s definition from its registry entry, and none for an unknown or non-record object', () => {
    expect(resolveObjectDef('distributors', meta({}), t, 'en')).toMatchObject({ entity: 'distributors', basePath: '/o/distributors' });
    expect(resolveObjectDef('distributors', undefined, t, 'en')).toBeUndefined();
    expect(resolveObjectDef('pool', meta({ name: 'pool', custom: false, path: null, record: false }), t, 'en')).toBeUndefined();
  });
});
