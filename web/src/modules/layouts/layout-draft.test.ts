import { describe, expect, it } from 'vitest';
import type { FieldDef } from '#shared/fields/field-types';
import {
  addSection,
  containerOf,
  type Draft,
  draftOf,
  dropField,
  moveColumnTo,
  moveField,
  newSectionId,
  removeSection,
  shiftSection,
  toggleColumn,
  toRequest,
  UNPLACED,
  unplacedFields,
  updateSection,
} from './layout-draft';

const field = (key: string, listDefault = false): FieldDef => ({ key, type: 'text', label: `fields.${key}`, listDefault });
const fields = [field('name', true), field('title', true), field('phones'), field('emails'), field('custom.wechat')];
const label = (zh: string, en: string) => ({ zh, en });
const two: Draft = {
  columns: ['name', 'title'],
  sections: [
    { id: 'basic', label: label('基本信息', 'Basics'), fields: ['name', 'title'], collapsed: false },
    { id: 'reach', label: label('联系方式', 'Contact details'), fields: ['phones'], collapsed: false },
  ],
};

describe('draftOf', () => {
  it('starts from the defaults without a saved layout', () => {
    expect(draftOf(null, fields)).toEqual({ columns: ['name', 'title'], sections: [] });
  });

  it('starts from the saved layout, dropping fields the object no longer has and repeats', () => {
    const draft = draftOf(
      {
        object: 'contact',
        version: 3,
        listColumns: ['phones', 'custom.gone', 'name'],
        sections: [{ id: 'a', label: label('甲', 'A'), fields: ['title', 'custom.gone', 'title'], collapsed: true }],
      },
      fields,
    );
    expect(draft).toEqual({ columns: ['phones', 'name'], sections: [{ id: 'a', label: label('甲', 'A'), fields: ['title'], collapsed: true }] });
  });
});

describe('moving fields', () => {
  it('moves a field between sections at a place, and out of every section', () => {
    const moved = moveField(two, 'title', 'reach', 0);
    expect(moved.sections.map((s) => s.fields)).toEqual([['name'], ['title', 'phones']]);
    expect(containerOf(moved, 'title')).toBe('reach');
    const out = moveField(moved, 'phones', UNPLACED);
    expect(out.sections.map((s) => s.fields)).toEqual([['name'], ['title']]);
    expect(unplacedFields(out, fields)).toEqual(['phones', 'emails', 'custom.wechat']);
  });

  it('drops onto a field (its place) or onto a container (its end)', () => {
    expect(dropField(two, 'emails', 'title').sections[0]?.fields).toEqual(['name', 'emails', 'title']);
    expect(dropField(two, 'name', 'container:reach').sections.map((s) => s.fields)).toEqual([['title'], ['phones', 'name']]);
    expect(dropField(two, 'name', `container:${UNPLACED}`).sections[0]?.fields).toEqual(['title']);
    expect(dropField(two, 'name', 'name')).toBe(two);
  });
});

describe('sections', () => {
  it('adds with a fresh id, renames, collapses, shifts and removes (fields go back to no section)', () => {
    expect(newSectionId(two)).toBe('section-3');
    let d = addSection(two, label('其他信息', 'More'));
    expect(d.sections.at(-1)).toEqual({ id: 'section-3', label: label('其他信息', 'More'), fields: [], collapsed: false });
    d = updateSection(d, 'section-3', { label: label('补充', 'Extra'), collapsed: true });
    expect(d.sections.at(-1)).toMatchObject({ label: label('补充', 'Extra'), collapsed: true });
    d = shiftSection(d, 'section-3', -1);
    expect(d.sections.map((s) => s.id)).toEqual(['basic', 'section-3', 'reach']);
    expect(shiftSection(d, 'basic', -1)).toBe(d);
    d = removeSection(d, 'basic');
    expect(unplacedFields(d, fields)).toEqual(['name', 'title', 'emails', 'custom.wechat']);
  });
});

describe('columns', () => {
  it('reorders by dropping on another column, adds at the end and removes', () => {
    expect(moveColumnTo(['name', 'title', 'phones'], 'phones', 'name')).toEqual(['phones', 'name', 'title']);
    expect(moveColumnTo(['name', 'title', 'phones'], 'name', 'phones')).toEqual(['title', 'phones', 'name']);
    expect(toggleColumn(['name'], 'emails', true)).toEqual(['name', 'emails']);
    expect(toggleColumn(['name', 'emails'], 'name', false)).toEqual(['emails']);
  });
});

describe('toRequest', () => {
  it('saves the defaults as nulls', () => {
    expect(toRequest(draftOf(null, fields), fields)).toEqual({ listColumns: null, sections: null });
  });

  it('saves chosen columns and sections with trimmed labels, collapsed only when set', () => {
    const d = updateSection({ ...two, columns: ['title', 'name', 'phones'] }, 'reach', { collapsed: true, label: label(' 联系方式 ', 'Contact details ') });
    expect(toRequest(d, fields)).toEqual({
      listColumns: ['title', 'name', 'phones'],
      sections: [
        { id: 'basic', label: label('基本信息', 'Basics'), fields: ['name', 'title'] },
        { id: 'reach', label: label('联系方式', 'Contact details'), fields: ['phones'], collapsed: true },
      ],
    });
  });
});
