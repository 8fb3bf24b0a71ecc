import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { matrixObjects, sensitiveFieldRows } from './role-rows';

const obj = (name: string, over: Partial<ObjectMeta> = {}): ObjectMeta => ({
  name,
  path: `${name}s`,
  label: { zh: name, en: name },
  custom: false,
  id: null,
  record: true,
  actions: ['read', 'create'],
  sensitiveFields: [],
  fields: [],
  capabilities: [],
  ...over,
});
const field = (object: string, key: string, sensitive: boolean, position = 0): CustomFieldDef => ({
  id: `${object}-${key}`,
  object,
  key,
  label: { zh: key, en: key },
  type: 'text',
  required: false,
  unique: false,
  sensitive,
  defaultValue: null,
  options: [],
  position,
  target: null,
  version: 1,
});

describe('matrixObjects', () => {
  it('keeps registry order and drops objects with nothing to grant', () => {
    const rows = matrixObjects([obj('company'), obj('pool', { path: null, record: false }), obj('x', { actions: [] }), obj('distributors', { custom: true })]);
    expect(rows.map((o) => o.name)).toEqual(['company', 'pool', 'distributors']);
  });
});

describe('sensitiveFieldRows', () => {
  it('lists declared fields, then sensitive custom fields, per object', () => {
    const objects = [obj('company', { sensitiveFields: ['bankAccount'] }), obj('contact', { sensitiveFields: ['phones', 'idNumber', 'custom.salary'] })];
    const custom = [field('contact', 'salary', true), field('contact', 'wechat', false), field('company', 'vat', true, 2), field('gone', 'x', true)];
    const rows = sensitiveFieldRows(objects, custom);
    expect(rows.map((r) => `${r.object}.${r.field}`)).toEqual([
      'company.bankAccount',
      'company.custom.vat',
      'contact.phones',
      'contact.idNumber',
      'contact.custom.salary',
    ]);
    expect(rows.find((r) => r.field === 'custom.salary')?.custom?.id).toBe('contact-salary');
  });
});
