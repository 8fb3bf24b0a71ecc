import type { ObjectMeta } from './objects-api';
import { hasCapability, objectByName, objectLabel } from './use-objects';

const meta = (over: Partial<ObjectMeta>): ObjectMeta => ({
  name: 'lead',
  path: 'leads',
  label: { zh: '线索', en: 'Leads' },
  custom: false,
  id: null,
  record: true,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: ['customFields'],
  ...over,
});

describe('objectLabel', () => {
  it('reads zh for Chinese and en otherwise', () => {
    expect(objectLabel(meta({}), 'zh-CN')).toBe('线索');
    expect(objectLabel(meta({}), 'en')).toBe('Leads');
    expect(objectLabel(meta({}), 'de')).toBe('Leads');
  });
  it('falls back to the other language, then the name', () => {
    expect(objectLabel(meta({ label: { zh: '', en: 'Distributors' } }), 'zh-CN')).toBe('Distributors');
    expect(objectLabel(meta({ label: { zh: '经销商', en: '' } }), 'en')).toBe('经销商');
    expect(objectLabel(meta({ name: 'x', label: { zh: '', en: '' } }), 'en')).toBe('x');
    expect(objectLabel(undefined, 'en')).toBe('');
  });
});

describe('objectByName', () => {
  it('finds by name and tolerates a missing name', () => {
    const list = [meta({}), meta({ name: 'deal', path: 'deals' })];
    expect(objectByName(list, 'deal')?.path).toBe('deals');
    expect(objectByName(list, 'nope')).toBeUndefined();
    expect(objectByName(list, null)).toBeUndefined();
    expect(hasCapability(list[0], 'customFields')).toBe(true);
    expect(hasCapability(undefined, 'customFields')).toBe(false);
  });
});
