import { describe, expect, it } from 'vitest';
import type { ObjectDeclaration } from '../objects/object-registry.ts';
import { defaultRoles, objectsWithDefaults } from './default-roles.ts';

const mask = (v: string) => v;
const objects = [
  {
    name: 'contact',
    path: 'contacts',
    label: { zh: '联系人', en: 'Contact' },
    actions: ['read', 'create', 'update', 'delete', 'export', 'import'],
    capabilities: ['owned'],
    definition: {
      sensitive: [
        { field: 'phones', encrypted: false, mask },
        { field: 'idNumber', encrypted: true, mask },
      ],
    },
  },
  { name: 'note', path: 'notes', label: { zh: '笔记', en: 'Note' }, actions: ['read', 'create'], capabilities: ['owned'], definition: { sensitive: [] } },
  { name: 'pool', path: null, label: { zh: '公海', en: 'Pool' }, actions: ['read', 'update'], capabilities: [], everyoneReads: true },
  { name: 'secret', path: null, label: { zh: '密', en: 'Secret' }, actions: ['read'], capabilities: [] },
] as unknown as ObjectDeclaration[];

describe('default roles from the registry', () => {
  const [admin, manager, rep] = defaultRoles(objects);

  it('grants each owned object the role scope for the actions it offers, and read-all where everyone reads', () => {
    expect(admin).toMatchObject({ name: 'Administrator', isAdmin: true, permissions: {} });
    expect(manager?.permissions).toEqual({
      contact: { read: 'team', create: 'team', update: 'team', delete: 'team', export: 'team', import: 'team' },
      note: { read: 'team', create: 'team' },
      pool: { read: 'all' },
    });
    expect(rep?.permissions.contact).toEqual({ read: 'own', create: 'own', update: 'own', delete: 'none', export: 'none', import: 'none' });
    expect(rep?.permissions.secret).toBeUndefined();
  });

  it('lets managers read every sensitive field and reps only those not encrypted at rest', () => {
    expect(manager?.fields).toEqual({ contact: { phones: { read: true, edit: true }, idNumber: { read: true, edit: true } } });
    expect(rep?.fields).toEqual({ contact: { phones: { read: true, edit: true } } });
  });

  it('names the objects some default role gets a grant on, which the grants table records per tenant', () => {
    const automation = { name: 'automation', path: null, label: { zh: '自动化', en: 'Automation' }, actions: ['read'], capabilities: [] };
    const managed = { ...automation, roleDefaults: { 'Sales Manager': { read: 'team' } } } as unknown as ObjectDeclaration;
    expect(objectsWithDefaults(objects)).toEqual(['contact', 'note', 'pool']);
    expect(objectsWithDefaults([...objects, managed])).toEqual(['contact', 'note', 'pool', 'automation']);
  });
});
