// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderApp } from '../../../test/render';
import '../messages';
import type { Role } from '../settings-api';
import { RoleEditor } from './role-editor';

const rep: Role = {
  id: 'r1',
  name: 'Sales Rep',
  description: 'Own customers',
  isAdmin: false,
  permissions: { lead: { read: 'own' }, user: { read: 'all' } },
  fieldPermissions: {},
  userCount: 2,
  version: 3,
};

describe('RoleEditor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves only the keys the server accepts, with the version as If-Match', async () => {
    const calls = mockFetch((url, init) => {
      if (url.pathname.endsWith('/objects')) return { body: { data: [] } };
      if (url.pathname.endsWith('/custom-fields')) return { body: { data: [], nextCursor: null } };
      if (init.method === 'PATCH') return { body: { ...rep, version: 4 } };
      return { body: { data: [], nextCursor: null } };
    });
    const onSaved = vi.fn();
    renderApp(<RoleEditor role={{ ...rep, createdAt: 'x' } as Role} onSaved={onSaved} />);
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const patch = calls.find((c) => c.init.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/api/v1/roles/r1');
    expect((patch?.init.headers as Record<string, string> | undefined)?.['If-Match']).toBe('3');
    expect(Object.keys(JSON.parse(String(patch?.init.body))).sort()).toEqual(['description', 'fieldPermissions', 'isAdmin', 'name', 'permissions']);
  });
});
