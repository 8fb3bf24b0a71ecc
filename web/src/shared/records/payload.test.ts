import type { FieldDef } from '#shared/fields/field-types';
import { buildPayload, errorPath } from './payload';

const fields: FieldDef[] = [
  { key: 'name', type: 'text', label: 'fields.name' },
  { key: 'phones', type: 'phones', label: 'fields.phones' },
  { key: 'address', type: 'address', label: 'fields.address' },
  { key: 'idNumber', type: 'text', label: 'fields.idNumber', sensitive: true },
  { key: 'createdAt', type: 'datetime', label: 'fields.createdAt', readOnly: true },
  { key: 'custom.level', type: 'select', label: { zh: '级别', en: 'Level' }, custom: true },
];

describe('buildPayload', () => {
  it('creates: trims text, drops blank list rows and empty address parts, nests custom fields', () => {
    const body = buildPayload(fields, {
      name: '  张伟 ',
      phones: [
        { label: '', number: ' 13800138000 ' },
        { label: 'x', number: '' },
      ],
      address: { city: '北京', street: '  ' },
      createdAt: 'ignored',
      custom: { level: 'A' },
    });
    expect(body).toEqual({ name: '张伟', phones: [{ label: '', number: '13800138000' }], address: { city: '北京' }, custom: { level: 'A' } });
  });
  it('edits: sends only what changed', () => {
    const original = { name: '张伟', phones: [], address: null, custom: { level: 'A' } };
    expect(buildPayload(fields, { name: '张伟', phones: [], address: {}, custom: { level: 'B' } }, original)).toEqual({ custom: { level: 'B' } });
  });
  it('never sends a masked value back', () => {
    const original = { idNumber: '1101**********1234', phones: [{ number: '138****8000' }] };
    expect(buildPayload(fields, { idNumber: '1101**********1234', phones: [{ number: '138****8000' }] }, original)).toEqual({});
  });
  it('turns a cleared text field into null', () => {
    expect(buildPayload(fields, { name: '' }, { name: 'x' })).toEqual({ name: null });
  });
});

describe('errorPath', () => {
  it('maps server field names to form paths', () => {
    expect(errorPath('custom.level')).toEqual(['custom', 'level']);
    expect(errorPath('phones.0.number')).toEqual(['phones']);
    expect(errorPath('name')).toEqual(['name']);
  });
});
