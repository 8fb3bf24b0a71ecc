// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import { SettingsRoutes } from './settings-routes';

// jsdom's matchMedia (test-setup) matches no breakpoint: the width of a phone.
describe('Settings at phone width', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('puts the sections in one select above the content instead of the long menu', async () => {
    mockFetch(() => ({ body: { data: [], nextCursor: null } }));
    renderApp(<SettingsRoutes />, { route: '/settings/users' });
    await waitFor(() => expect(screen.getByTestId('settings-section-select')).toHaveTextContent('用户'), { timeout: 20_000 });
    expect(screen.queryByTestId('settings-menu')).toBeNull();
  }, 120_000);
});
