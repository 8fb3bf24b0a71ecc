import type { Me } from '#shared/api/types';
import { can, canOnRecord, fieldAccess, scopeOf } from './permissions';

const me = (over: Partial<Me> = {}): Me => ({
  user: { id: 'u1', email: 'a@b.c', name: 'A', tenantId: 't', isAdmin: false },
  permissions: { contact: { read: 'own', update: 'own', delete: 'none' } },
  fields: { contact: { phones: { read: true, edit: false } } },
  ...over,
});

describe('permissions', () => {
  it('reads scopes, admins get all', () => {
    expect(scopeOf(me(), 'contact', 'read')).toBe('own');
    expect(scopeOf(me(), 'company', 'read')).toBe('none');
    expect(scopeOf(me({ user: { ...me().user, isAdmin: true } }), 'company', 'delete')).toBe('all');
    expect(can(null, 'contact', 'read')).toBe(false);
  });
  it('limits own scope to the user’s records', () => {
    expect(canOnRecord(me(), 'contact', 'update', 'u1')).toBe(true);
    expect(canOnRecord(me(), 'contact', 'update', 'u2')).toBe(false);
    expect(canOnRecord(me(), 'contact', 'delete', 'u1')).toBe(false);
  });
  it('hides sensitive fields without a rule', () => {
    expect(fieldAccess(me(), 'contact', 'idNumber', true)).toEqual({ read: false, edit: false });
    expect(fieldAccess(me(), 'contact', 'phones', true)).toEqual({ read: true, edit: false });
    expect(fieldAccess(me(), 'contact', 'title', false)).toEqual({ read: true, edit: true });
  });
});
