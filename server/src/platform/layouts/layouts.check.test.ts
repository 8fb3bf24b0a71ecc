import { describe, expect, it } from 'vitest';
import { checkLayout, layoutFieldKeys } from './layouts.check.ts';

const known = layoutFieldKeys({ fields: ['id', 'name', 'title', 'custom', 'lookups'], catalog: ['name', 'ownerId'], customKeys: ['level'] });
const section = (id: string, fields: string[]) => ({ id, label: { zh: '甲', en: 'A' }, fields });

describe('layout checks', () => {
  it('knows API fields, catalog keys and custom.<key>, not the containers', () => {
    expect([...known].sort()).toEqual(['custom.level', 'id', 'name', 'ownerId', 'title']);
  });

  it('accepts known fields placed once, and defaults (nulls)', () => {
    expect(checkLayout({ listColumns: ['name', 'custom.level'], sections: [section('a', ['name']), section('b', ['title', 'ownerId'])] }, known)).toEqual([]);
    expect(checkLayout({ listColumns: null, sections: null }, known)).toEqual([]);
  });

  it('names each unknown or repeated field and repeated section id by its path', () => {
    const errors = checkLayout({ listColumns: ['name', 'nope', 'name'], sections: [section('a', ['title']), section('a', ['title', 'custom.gone'])] }, known);
    expect(errors.map((e) => [e.field, e.message, e.params])).toEqual([
      ['listColumns.1', 'layouts.unknown_field', { key: 'nope' }],
      ['listColumns.2', 'layouts.repeated_field', { key: 'name' }],
      ['sections.1.id', 'layouts.repeated_section', { id: 'a' }],
      ['sections.1.fields.0', 'layouts.repeated_field', { key: 'title' }],
      ['sections.1.fields.1', 'layouts.unknown_field', { key: 'custom.gone' }],
    ]);
  });
});
