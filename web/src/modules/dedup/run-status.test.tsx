// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import { RunStatus } from './run-status';

const finished = {
  id: 'r1',
  object: 'contact',
  status: 'done',
  scanned: 120,
  compared: 40,
  found: 3,
  error: null,
  createdAt: '2026-12-07T08:00:00Z',
  finishedAt: '2026-12-07T08:01:00Z',
};

describe('RunStatus', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows "not run yet" as information, not as a green success', async () => {
    mockFetch((url) => (url.pathname.endsWith('/duplicates/runs') ? { body: { data: [] } } : undefined));
    renderApp(<RunStatus object="contact" />);
    await waitFor(() => expect(screen.getByTestId('dedup-run')).toHaveTextContent('尚未运行查重'));
    expect(screen.getByTestId('dedup-run')).toHaveClass('ant-alert-info');
  });

  it('shows a finished run as success', async () => {
    mockFetch((url) => (url.pathname.endsWith('/duplicates/runs') ? { body: { data: [finished] } } : undefined));
    renderApp(<RunStatus object="contact" />);
    await waitFor(() => expect(screen.getByTestId('dedup-run')).toHaveClass('ant-alert-success'));
  });
});
