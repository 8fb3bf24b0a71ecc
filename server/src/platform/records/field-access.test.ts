import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { AccessProfile } from '../access/access.ts';
import { column } from '../query/catalog.ts';
import { mayReadField, readableCatalog } from './field-access.ts';

const def = {
  object: 'contact',
  sensitive: [
    { field: 'phones', encrypted: false, mask: (v: string) => v },
    { field: 'secret', encrypted: false, mask: (v: string) => v },
  ],
};
const catalog = {
  name: column('name', 'text'),
  secret: column('secret', 'text'),
  phone: { type: 'text' as const, expr: sql.ref('phone_digits'), nullable: false, sortable: false, field: 'phones' },
};
const user = (fields: AccessProfile['fields'], isAdmin = false): AccessProfile => ({ userId: 'u', teamUserIds: ['u'], isAdmin, permissions: {}, fields });

describe('readableCatalog', () => {
  it('drops the entries that read a masked field the user may not read, by name or through `field`', () => {
    expect(Object.keys(readableCatalog(catalog, def, user({})))).toEqual(['name']);
    expect(Object.keys(readableCatalog(catalog, def, user({ contact: { phones: { read: true, edit: false } } })))).toEqual(['name', 'phone']);
    expect(readableCatalog(catalog, def, user({}, true))).toBe(catalog);
    expect(readableCatalog(catalog, { object: 'company', sensitive: [] }, user({}))).toBe(catalog);
  });

  it('a field that is not masked is readable', () => {
    expect(mayReadField(user({}), def, 'name')).toBe(true);
    expect(mayReadField(user({}), def, 'phones')).toBe(false);
  });
});
