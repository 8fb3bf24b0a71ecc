// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import { ConvertDialog } from './convert-dialog';
import type { Lead } from './leads-api';

const lead = { id: 'l1', name: '王芳', companyName: '蓝海物流' } as Lead;
const result = {
  leadId: 'l1',
  contact: { id: 'c1', name: '王芳', created: true },
  company: null,
  deal: { id: 'd1', name: 'x' },
  convertedAt: '2026-12-07T08:00:00Z',
};

describe('ConvertDialog: the deal it opens', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the amount and proposes a close date instead of opening a ¥0.00 deal without one', async () => {
    const calls = mockFetch((url, init) => (url.pathname.endsWith('/leads/l1/convert') && init.method === 'POST' ? { body: result } : undefined));
    const onDone = vi.fn();
    renderApp(<ConvertDialog lead={lead} open onClose={() => {}} onDone={onDone} />);
    await screen.findByTestId('convert-amount');
    const submit = document.getElementById('convert-submit') as HTMLElement;
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByText('必填')).toBeInTheDocument(), { timeout: 10_000 });
    expect(calls.filter((c) => c.url.pathname.endsWith('/convert'))).toHaveLength(0);

    fireEvent.change(screen.getByTestId('convert-amount'), { target: { value: '88000' } });
    fireEvent.click(submit);
    await waitFor(() => expect(onDone).toHaveBeenCalled(), { timeout: 10_000 });
    const sent = JSON.parse(String(calls.find((c) => c.url.pathname.endsWith('/convert'))?.init.body));
    expect(sent.deal.amount).toBe('88000');
    expect(sent.deal.expectedCloseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent.deal.expectedCloseDate > new Date().toISOString().slice(0, 10)).toBe(true);
  }, 90_000);
});
