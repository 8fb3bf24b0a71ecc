import { describe, expect, it } from 'vitest';
import type { FieldDef } from '#shared/fields/field-types';
import type { ObjectFieldMeta } from '#shared/objects/objects-api';
import { withDeclared } from './declared-fields';

const meta = (m: Partial<ObjectFieldMeta> & { name: string }): ObjectFieldMeta => ({
  type: 'text',
  required: false,
  readOnly: false,
  filterable: true,
  sortable: true,
  classification: 'none',
  masked: false,
  ...m,
});
const opt = (value: string) => ({ value, label: { zh: `中${value}`, en: `en ${value}` } });

describe('withDeclared', () => {
  const web: FieldDef[] = [
    { key: 'title', type: 'text', label: 'fields.title', maxLength: 200 },
    { key: 'size', type: 'select', label: 'x', options: [opt('s'), opt('m'), opt('gone')] },
    { key: 'createdAt', type: 'datetime', label: 'fields.createdAt' },
    { key: 'idNumber', type: 'text', label: 'fields.idNumber' },
    { key: 'custom.k', type: 'text', label: { zh: 'k', en: 'k' }, custom: true, maxLength: 9 },
  ];
  const declared = [
    meta({ name: 'title', maxLength: 100 }),
    meta({ name: 'size', type: 'enum', values: ['s', 'm', 'l'] }),
    meta({ name: 'createdAt', type: 'datetime', readOnly: true }),
    meta({ name: 'idNumber', masked: true, classification: 'sensitive' }),
  ];

  it('takes the limit, server-set fields and masking from the declaration', () => {
    const out = withDeclared(web, declared);
    expect(out.find((f) => f.key === 'title')?.maxLength).toBe(100);
    expect(out.find((f) => f.key === 'createdAt')?.readOnly).toBe(true);
    expect(out.find((f) => f.key === 'idNumber')?.sensitive).toBe(true);
  });

  it("keeps the web's labels for the declared choices, drops choices the server refuses, and shows new ones by value", () => {
    const size = withDeclared(web, declared).find((f) => f.key === 'size');
    expect(size?.options?.map((o) => o.value)).toEqual(['s', 'm', 'l']);
    expect(size?.options?.[0]?.label.zh).toBe('中s');
    expect(size?.options?.[2]?.label).toEqual({ zh: 'l', en: 'l' });
  });

  it('leaves undeclared fields and an unknown object alone', () => {
    expect(withDeclared(web, declared).find((f) => f.key === 'custom.k')).toEqual(web[4]);
    expect(withDeclared(web, undefined)).toEqual(web);
  });
});
