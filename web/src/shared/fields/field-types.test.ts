import { CUSTOM_FIELD_TYPES, opsForType } from './field-types';

describe('opsForType', () => {
  it('offers text operators for text and comparisons for numbers and dates', () => {
    expect(opsForType('text')).toContain('contains');
    expect(opsForType('number')).toEqual(expect.arrayContaining(['gt', 'between']));
    expect(opsForType('date')).not.toContain('contains');
    expect(opsForType('boolean')).toEqual(['eq']);
    expect(opsForType('tags')).toEqual(['contains', 'in', 'isEmpty']);
  });
  it('covers every custom field type', () => {
    for (const type of CUSTOM_FIELD_TYPES) expect(opsForType(type).length).toBeGreaterThan(0);
  });
});

describe('lookup fields', () => {
  it('filter like a choice of records and carry their target from the definition', async () => {
    expect(opsForType('lookup')).toEqual(['eq', 'ne', 'in', 'nin', 'isEmpty']);
    const { toFieldDef } = await import('./custom-fields-api');
    const base = {
      id: 'f',
      object: 'contact',
      key: 'k',
      label: { zh: '经销商' },
      required: false,
      unique: false,
      sensitive: false,
      defaultValue: null,
      options: [],
      position: 0,
      version: 1,
    };
    expect(toFieldDef({ ...base, type: 'lookup', target: 'distributors' })).toMatchObject({
      key: 'custom.k',
      type: 'lookup',
      target: 'distributors',
      sortable: false,
    });
    expect(toFieldDef({ ...base, type: 'text', target: null })).not.toHaveProperty('target');
  });
});
