import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { pointingAt, relatedLookups } from './related-lookups';

const obj = (name: string, over: Partial<ObjectMeta> = {}): ObjectMeta => ({
  name,
  path: name,
  label: { zh: name, en: name },
  custom: true,
  id: name,
  record: true,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: ['customFields'],
  ...over,
});
const field = (object: string, key: string, target: string | null, position = 0, type: CustomFieldDef['type'] = 'lookup'): CustomFieldDef => ({
  id: `${object}.${key}`,
  object,
  key,
  label: { zh: key, en: key },
  type,
  required: false,
  unique: false,
  sensitive: false,
  defaultValue: null,
  options: [],
  position,
  target,
  version: 1,
});

describe('relatedLookups', () => {
  const objects = [obj('company', { path: 'companies', custom: false }), obj('distributors'), obj('stores'), obj('secret')];
  const fields = [
    field('distributors', 'backup_company', 'company', 2),
    field('distributors', 'company', 'company', 1),
    field('distributors', 'region', null, 0, 'text'),
    field('stores', 'distributor', 'distributors'),
    field('stores', 'company', 'company'),
    field('secret', 'company', 'company'),
    field('contact', 'company_ref', 'company'),
  ];
  const readable = (name: string) => name !== 'secret';

  it('lists each custom object lookup pointing at the object, in registry then field order', () => {
    const found = relatedLookups(objects, fields, 'company', readable).map((l) => `${l.object.path}.${l.field.key}`);
    expect(found).toEqual(['distributors.company', 'distributors.backup_company', 'stores.company']);
  });
  it('points at custom objects too, and leaves out objects the user cannot read', () => {
    expect(relatedLookups(objects, fields, 'distributors', readable).map((l) => l.field.id)).toEqual(['stores.distributor']);
    expect(relatedLookups(objects, fields, 'company', () => false)).toEqual([]);
  });
  it('filters the related list by the lookup value', () => {
    expect(pointingAt('company', 'c1')).toEqual({ 'custom.company': { eq: 'c1' } });
  });
});
