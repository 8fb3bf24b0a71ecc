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
