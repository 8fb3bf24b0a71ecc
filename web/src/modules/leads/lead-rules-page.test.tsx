// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { mockFetch, renderApp } from '../../test/render';
import { LeadRulesPage } from './lead-rules-page';

const settings = {
  dedupRules: [],
  conversionMapping: [
    { from: 'companyName', target: 'company', to: 'name' },
    { from: 'province', target: 'contact', to: 'address.province' },
    { from: 'companySize', target: 'company', to: 'custom.size' },
  ],
  mail: { smtpUrl: null, from: null },
};

describe('LeadRulesPage: the conversion mapping', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names fields by their labels in the user language, not by API keys', async () => {
    mockFetch((url) => (url.pathname.endsWith('/lead-settings') ? { body: settings } : undefined));
    renderApp(<LeadRulesPage />);
    await waitFor(() => expect(screen.getAllByTestId('mapping-to')).toHaveLength(3), { timeout: 10_000 });
    const from = screen.getAllByTestId('mapping-from').map((e) => e.textContent);
    const to = screen.getAllByTestId('mapping-to').map((e) => e.textContent);
    expect(from).toEqual(['公司', '省份', '公司规模']);
    expect(to).toEqual(['名称', '省份', 'custom.size']);
  }, 60_000);
});
