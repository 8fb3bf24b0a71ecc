import { describe, expect, it } from 'vitest';
import type { FieldDef } from '#shared/fields/field-types';
import { groupFields, type LayoutSection, layoutColumns, OTHER_SECTION } from './layout';

const field = (key: string, listDefault = false): FieldDef => ({ key, type: 'text', label: `fields.${key}`, listDefault });
const fields = [field('name', true), field('title', true), field('phones'), field('emails', true), field('custom.wechat')];
const section = (id: string, keys: string[], collapsed?: boolean): LayoutSection => ({
  id,
  label: { zh: id, en: id },
  fields: keys,
  ...(collapsed ? { collapsed } : {}),
});
const keysOf = (groups: ReturnType<typeof groupFields>) => groups?.map((g) => [g.id, g.fields.map((f) => f.key)]);

describe('groupFields', () => {
  it('is null without sections: the page shows one grid as before', () => {
    expect(groupFields(fields, null)).toBeNull();
    expect(groupFields(fields, [])).toBeNull();
  });

  it('puts fields in the sections in order, in each section its own order, and the rest under Other', () => {
    const groups = groupFields(fields, [section('basic', ['title', 'name']), section('reach', ['phones'], true)]);
    expect(keysOf(groups)).toEqual([
      ['basic', ['title', 'name']],
      ['reach', ['phones']],
      [OTHER_SECTION, ['emails', 'custom.wechat']],
    ]);
    expect(groups?.map((g) => [g.collapsed, !!g.other])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
  });

  it('skips fields the page does not have (a deleted custom field, one the user may not read) and places each field once; no Other when all are placed', () => {
    const groups = groupFields(fields, [section('a', ['name', 'custom.gone', 'title', 'phones']), section('b', ['name', 'emails', 'custom.wechat'])]);
    expect(keysOf(groups)).toEqual([
      ['a', ['name', 'title', 'phones']],
      ['b', ['emails', 'custom.wechat']],
    ]);
  });
});

describe('layoutColumns', () => {
  it("follows each field's default without a layout", () => {
    expect(layoutColumns(fields, null)).toEqual(['name', 'title', 'emails']);
  });

  it("uses the layout's columns in its order, dropping unknown and repeated ones", () => {
    expect(layoutColumns(fields, ['custom.wechat', 'name', 'gone', 'name', 'phones'])).toEqual(['custom.wechat', 'name', 'phones']);
  });

  it('falls back to the defaults when none of the layout columns exists any more', () => {
    expect(layoutColumns(fields, ['gone'])).toEqual(['name', 'title', 'emails']);
  });
});
