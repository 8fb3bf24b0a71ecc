import { describe, expect, it } from 'vitest';
import { type AccessProfile, fieldRule, mayTouch, mergeRoles, ownerLimit, scopeOf } from './access.ts';

const profile = (merged: ReturnType<typeof mergeRoles>): AccessProfile => ({
  userId: 'u1',
  teamUserIds: ['u1', 'u2'],
  ...merged,
});

describe('mergeRoles', () => {
  it('keeps the most permissive scope and field rule of several roles', () => {
    const access = profile(
      mergeRoles([
        { isAdmin: false, permissions: { contact: { read: 'own', update: 'team' } }, fields: { contact: { idNumber: { read: true, edit: false } } } },
        { isAdmin: false, permissions: { contact: { read: 'all', delete: 'own' } }, fields: { contact: { idNumber: { read: false, edit: true } } } },
      ]),
    );
    expect(scopeOf(access, 'contact', 'read')).toBe('all');
    expect(scopeOf(access, 'contact', 'update')).toBe('team');
    expect(scopeOf(access, 'contact', 'delete')).toBe('own');
    expect(scopeOf(access, 'contact', 'export')).toBe('none');
    expect(fieldRule(access, 'contact', 'idNumber')).toEqual({ read: true, edit: true });
  });

  it('limits owners by scope', () => {
    const access = profile(mergeRoles([]));
    expect(ownerLimit(access, 'own')).toEqual(['u1']);
    expect(ownerLimit(access, 'team')).toEqual(['u1', 'u2']);
    expect(ownerLimit(access, 'all')).toBeNull();
    expect(mayTouch(access, 'own', 'u2')).toBe(false);
    expect(mayTouch(access, 'team', 'u2')).toBe(true);
    expect(mayTouch(access, 'team', null)).toBe(false);
  });
});

describe('restrictToScopes', () => {
  it('keeps only the scoped object:action pairs, at the user own scope, and drops admin', async () => {
    const { restrictToScopes } = await import('./access.ts');
    const rep = profile(mergeRoles([{ isAdmin: false, permissions: { contact: { read: 'own', update: 'own' }, company: { read: 'team' } }, fields: {} }]));
    const narrowed = restrictToScopes(rep, ['contact:read', 'company:*', 'deal:read']);
    expect(narrowed.permissions).toEqual({ contact: { read: 'own' }, company: { read: 'team' } });
    const admin = restrictToScopes(profile(mergeRoles([{ isAdmin: true, permissions: {}, fields: {} }])), ['contact:read']);
    expect(admin.isAdmin).toBe(false);
    expect(scopeOf(admin, 'contact', 'read')).toBe('all');
    expect(scopeOf(admin, 'contact', 'delete')).toBe('none');
    expect(restrictToScopes(rep, [])).toBe(rep);
  });
});

describe('ownersFor', () => {
  it('narrows to the owners every action allows, and refuses an action without scope', async () => {
    const { ownersFor } = await import('./access.ts');
    const access = profile(mergeRoles([{ isAdmin: false, permissions: { contact: { read: 'own', export: 'all' }, lead: { export: 'own' } }, fields: {} }]));
    expect(ownersFor(access, 'contact', ['read', 'export'])).toEqual(['u1']);
    expect(ownersFor({ ...access, permissions: { contact: { read: 'team', export: 'own' } } }, 'contact', ['read', 'export'])).toEqual(['u1']);
    expect(ownersFor({ ...access, permissions: { contact: { read: 'all', export: 'all' } } }, 'contact', ['read', 'export'])).toBeNull();
    expect(() => ownersFor(access, 'lead', ['read', 'export'])).toThrow(/forbidden/);
  });
});
