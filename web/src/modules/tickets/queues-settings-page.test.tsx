// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import { TicketQueuesPage } from './queues-settings-page';

const queue = { id: 'q1', name: '售后一线', description: null, method: 'round_robin', members: [{ userId: 'u1', skills: ['发票'] }], active: true, version: 2 };

afterEach(() => vi.unstubAllGlobals());

describe('TicketQueuesPage', () => {
  it("lists queues with their members' names and skills, and saves an edit against the queue's version", async () => {
    const calls = mockFetch((url, init) => {
      if (url.pathname === '/api/v1/users') return { body: { data: [{ id: 'u1', name: '赵客服', email: 'z@kehu.test' }] } };
      if (url.pathname === '/api/v1/ticket-agents') return { body: { data: [] } };
      if (url.pathname === '/api/v1/ticket-queues/q1' && init.method === 'PATCH') return { body: queue };
      if (url.pathname === '/api/v1/ticket-queues') return { body: { data: [queue] } };
      return undefined;
    });
    renderApp(<TicketQueuesPage />);
    const table = await screen.findByTestId('queues-table');
    await within(table).findByText('赵客服 · 发票');
    expect(within(table).getByText('轮询')).toBeInTheDocument();
    expect(screen.getByTestId('agents-card')).toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: '售后一线' }));
    const name = await screen.findByTestId('queue-name');
    expect(name).toHaveValue('售后一线');
    await userEvent.click(screen.getByTestId('queue-save'));
    await waitFor(() => expect(calls.some((c) => c.init.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.init.method === 'PATCH');
    expect(new Headers(patch?.init.headers).get('If-Match')).toBe('2');
    expect(JSON.parse(String(patch?.init.body))).toMatchObject({ name: '售后一线', members: [{ userId: 'u1', skills: ['发票'] }] });
    await waitFor(() => expect(screen.queryByTestId('queue-form')).toBeNull());
  });
});
