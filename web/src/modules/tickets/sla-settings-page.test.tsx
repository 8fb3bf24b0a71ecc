// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import { TicketSlaPage } from './sla-settings-page';

const policy = {
  id: 'p1',
  name: 'VIP 紧急',
  priority: 'urgent',
  category: null,
  customerTier: 'VIP',
  firstResponseMinutes: 90,
  resolutionMinutes: 480,
  warnBeforeMinutes: 30,
  calendarId: 'c2',
  escalateToManager: true,
  escalatePriority: false,
  active: true,
  version: 3,
};
const calendars = [
  { id: 'c1', name: '标准工作日', isDefault: true },
  { id: 'c2', name: '全天 24x7', isDefault: false },
];

afterEach(() => vi.unstubAllGlobals());

describe('TicketSlaPage', () => {
  it('lists policies in business hours and saves an edit in minutes against its version; saves the reopen rules', async () => {
    const calls = mockFetch((url, init) => {
      if (url.pathname === '/api/v1/business-calendars') return { body: { data: calendars } };
      if (url.pathname === '/api/v1/ticket-sla-policies/p1' && init.method === 'PATCH') return { body: policy };
      if (url.pathname === '/api/v1/ticket-sla-policies') return { body: { data: [policy] } };
      if (url.pathname === '/api/v1/ticket-desk-settings' && init.method === 'PATCH')
        return { body: { reopenWithinDays: 5, closedReply: 'follow_up', version: 1 } };
      if (url.pathname === '/api/v1/ticket-desk-settings') return { body: { reopenWithinDays: null, closedReply: 'follow_up', version: 0 } };
      return undefined;
    });
    renderApp(<TicketSlaPage />);
    const table = await screen.findByTestId('sla-table');
    await within(table).findByText('1.5 工作小时');
    expect(within(table).getByText('8 工作小时')).toBeInTheDocument();
    expect(within(table).getByText('等级 VIP')).toBeInTheDocument();
    await within(table).findByText('全天 24x7');

    await userEvent.click(within(table).getByRole('button', { name: 'VIP 紧急' }));
    expect(await screen.findByTestId('sla-first-response')).toHaveValue('1.5');
    await userEvent.click(screen.getByTestId('sla-save'));
    await waitFor(() => expect(calls.some((c) => c.init.method === 'PATCH' && c.url.pathname.endsWith('/p1'))).toBe(true));
    const patch = calls.find((c) => c.init.method === 'PATCH' && c.url.pathname.endsWith('/p1'));
    expect(new Headers(patch?.init.headers).get('If-Match')).toBe('3');
    expect(JSON.parse(String(patch?.init.body))).toMatchObject({
      firstResponseMinutes: 90,
      resolutionMinutes: 480,
      warnBeforeMinutes: 30,
      customerTier: 'VIP',
      category: null,
      calendarId: 'c2',
    });

    const days = await screen.findByTestId('desk-reopen-days');
    await userEvent.type(days, '5');
    await userEvent.click(screen.getByTestId('desk-save'));
    await waitFor(() => expect(calls.some((c) => c.init.method === 'PATCH' && c.url.pathname === '/api/v1/ticket-desk-settings')).toBe(true));
    const desk = calls.find((c) => c.init.method === 'PATCH' && c.url.pathname === '/api/v1/ticket-desk-settings');
    expect(new Headers(desk?.init.headers).get('If-Match')).toBe('0');
    expect(JSON.parse(String(desk?.init.body))).toEqual({ reopenWithinDays: 5, closedReply: 'follow_up' });
  });
});
