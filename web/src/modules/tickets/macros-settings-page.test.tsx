// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { i18nProblems } from '../../test/i18n-problems';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import { TicketMacrosPage } from './macros-settings-page';

const macro = {
  id: 'm1',
  name: '已处理',
  kind: 'reply',
  body: '您好',
  setStatus: 'resolved',
  setPriority: null,
  setQueueId: null,
  setQueue: null,
  active: true,
  version: 3,
};

afterEach(() => {
  vi.unstubAllGlobals();
  // The body's hint shows merge fields as examples, which the strict i18n check takes for unreplaced placeholders.
  const kept = i18nProblems.filter((p) => !p.startsWith('unreplaced placeholder in tickets.macros.bodyHint:'));
  i18nProblems.splice(0, i18nProblems.length, ...kept);
});

describe('TicketMacrosPage', () => {
  it('lists macros with what they set, creates one in the dialog and reloads the list', async () => {
    let saved: unknown[] = [];
    const calls = mockFetch((url, init) => {
      if (url.pathname === '/api/v1/ticket-queues') return { body: { data: [] } };
      if (url.pathname === '/api/v1/ticket-macros' && init.method === 'POST') {
        saved = [{ ...macro, id: 'm2', name: '稍后回复', setStatus: null, kind: 'note' }];
        return { status: 201, body: saved[0] };
      }
      if (url.pathname === '/api/v1/ticket-macros') return { body: { data: [macro, ...saved] } };
      return undefined;
    });
    renderApp(<TicketMacrosPage />);
    const table = await screen.findByTestId('macros-table');
    await within(table).findByText('已处理');
    expect(within(table).getByText('已解决')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('macro-new'));
    await userEvent.type(await screen.findByTestId('macro-name'), '稍后回复');
    await userEvent.click(screen.getByTestId('macro-save'));
    await within(table).findByText('稍后回复');
    const post = calls.find((c) => c.init.method === 'POST');
    expect(JSON.parse(String(post?.init.body))).toMatchObject({ name: '稍后回复', kind: 'reply', active: true, setStatus: null, setQueueId: null });
    await waitFor(() => expect(screen.queryByTestId('macro-form')).toBeNull());
  });

  it('deletes a macro once confirmed', async () => {
    let gone = false;
    const calls = mockFetch((url, init) => {
      if (url.pathname === '/api/v1/ticket-macros/m1' && init.method === 'DELETE') {
        gone = true;
        return { status: 204, body: null };
      }
      if (url.pathname === '/api/v1/ticket-macros') return { body: { data: gone ? [] : [macro] } };
      return undefined;
    });
    renderApp(<TicketMacrosPage />);
    const table = await screen.findByTestId('macros-table');
    await within(table).findByText('已处理');
    await userEvent.click(within(table).getByRole('button', { name: '删除' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('删除快捷回复 已处理？');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(within(table).queryByText('已处理')).toBeNull());
    expect(calls.some((c) => c.init.method === 'DELETE')).toBe(true);
  });
});
