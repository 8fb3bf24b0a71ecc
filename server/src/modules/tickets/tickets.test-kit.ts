import type { TestApp, TestUser } from '../../../test/app.ts';
import type { TTicket, TTicketMessage } from './tickets.schema.ts';

/** Small helpers over the HTTP API for the ticket tests. */
export function ticketsKit(t: TestApp) {
  const json = (user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.request(user, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    json,
    createTicket: async (input: Record<string, unknown>, user: TestUser = t.admin): Promise<TTicket> => {
      const res = await json(user, 'POST', '/api/v1/tickets', input);
      if (res.statusCode !== 201) throw new Error(`create ticket: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    createContact: async (input: Record<string, unknown>, user: TestUser = t.admin): Promise<{ id: string; companyId: string | null }> => {
      const res = await json(user, 'POST', '/api/v1/contacts', input);
      if (res.statusCode !== 201) throw new Error(`create contact: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    thread: async (id: string, user: TestUser = t.admin): Promise<TTicketMessage[]> => (await json(user, 'GET', `/api/v1/tickets/${id}/messages`)).json().data,
    get: async (id: string, user: TestUser = t.admin): Promise<TTicket> => (await json(user, 'GET', `/api/v1/tickets/${id}`)).json(),
  };
}
