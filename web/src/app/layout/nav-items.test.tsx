import type { Me } from '#shared/api/types';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { activeKey, navItems } from './nav-items';

const custom = (name: string): ObjectMeta => ({
  name,
  path: name,
  label: { zh: '经销商', en: 'Distributor' },
  custom: true,
  id: name,
  record: true,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: [],
});
const rep: Me = {
  user: { id: 'u1', email: 'rep@kehu.test', name: 'Rep', tenantId: 't1', isAdmin: false },
  permissions: { company: { read: 'all' }, distributors: { read: 'own' } },
  fields: {},
};

describe('navItems', () => {
  it('adds the custom objects the user may read after the standard items, labelled by the object', () => {
    const items = navItems(rep, [{ ...custom('company'), custom: false, path: 'companies' }, custom('distributors'), custom('stores')]);
    expect(items.map((i) => i.key)).toEqual(['dashboard', 'approvals', 'companies', 'data-quality', 'o/distributors']);
    expect(items.at(-1)).toMatchObject({ path: '/o/distributors', label: { zh: '经销商', en: 'Distributor' } });
  });
  it('keeps Settings last for an admin', () => {
    const admin: Me = { ...rep, user: { ...rep.user, isAdmin: true } };
    const keys = navItems(admin, [custom('distributors')]).map((i) => i.key);
    expect(keys.slice(-2)).toEqual(['o/distributors', 'settings']);
  });
});

describe('activeKey', () => {
  it('selects a custom object on its list and record pages', () => {
    expect(activeKey('/o/distributors')).toBe('o/distributors');
    expect(activeKey('/o/distributors/0193-ab')).toBe('o/distributors');
    expect(activeKey('/companies/1')).toBe('companies');
    expect(activeKey('/')).toBe('dashboard');
  });
});
