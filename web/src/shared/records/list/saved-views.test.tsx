// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import type { Me } from '#shared/api/types';
import { adminMe, mockFetch, renderApp } from '../../../test/render';
import type { ListView } from './list-state';
import { SavedViews } from './saved-views';

const view: ListView = { group: { conjunction: 'and', conditions: [] }, sort: '-createdAt', columns: ['name'] };
const rep = (read: 'own' | 'team'): Me => ({
  user: { id: 'u-rep', email: 'rep1@kehu.test', name: '销售一', tenantId: 't1', isAdmin: false },
  permissions: { contact: { read } } as Me['permissions'],
  fields: {},
});

describe('SavedViews: the unfiltered view is named by the read scope', () => {
  beforeEach(() => mockFetch((url) => (url.pathname.endsWith('/saved-views') ? { body: { data: [] } } : undefined)));
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['a rep reading their own records', rep('own'), '我的记录'],
    ['a rep reading their team', rep('team'), '我团队的记录'],
    ['an admin', adminMe, '全部记录'],
  ])('%s', async (_who, me, title) => {
    renderApp(<SavedViews entity="contact" view={view} activeId={null} onPick={() => {}} />, { me });
    await waitFor(() => expect(screen.getByTestId('saved-views-select')).toHaveTextContent(title));
  });
});
