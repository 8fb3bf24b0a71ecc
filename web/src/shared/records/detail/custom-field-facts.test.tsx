// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { mockFetch, renderApp } from '../../../test/render';
import type { ObjectDef } from '../object-def';
import { CustomFieldFacts } from './custom-field-facts';

const meta = (name: string, path: string, custom: boolean): ObjectMeta => ({
  name,
  path,
  label: { zh: name, en: name },
  custom,
  id: custom ? 'o1' : null,
  record: true,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: [],
});
const D1 = 'd0000000-0000-7000-8000-000000000001';
const ticketDef = { object: 'tickets', entity: 'ticket', fields: [] } as unknown as ObjectDef;

beforeEach(() => {
  mockFetch((url) => {
    if (url.pathname === '/api/v1/objects') return { body: { data: [meta('ticket', 'tickets', false), meta('distributors', 'distributors', true)] } };
    if (url.pathname === '/api/v1/custom-fields')
      return {
        body: {
          data: [
            {
              id: 'f1',
              object: 'ticket',
              key: 'dist',
              type: 'lookup',
              target: 'distributors',
              label: { zh: '经销商', en: 'Distributor' },
              position: 0,
              required: false,
              options: [],
            },
            { id: 'f2', object: 'deal', key: 'other', type: 'text', label: { zh: '别的', en: 'Other' }, position: 1, required: false, options: [] },
          ],
        },
      };
    return undefined;
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('CustomFieldFacts', () => {
  it("shows a standard record's lookup custom field as the linked record's name from the API's lookups", async () => {
    const record = { id: 't1', version: 1, createdAt: '', updatedAt: '', custom: { dist: D1 }, lookups: { dist: { id: D1, name: '华东经销商' } } };
    renderApp(<CustomFieldFacts def={ticketDef} record={record} />);
    const link = await screen.findByTestId('lookup-link');
    expect(link).toHaveTextContent('华东经销商');
    expect(link.getAttribute('href')).toBe(`/o/distributors/${D1}`);
    expect(screen.getByText('经销商')).toBeInTheDocument();
    expect(screen.queryByText('别的')).toBeNull();
  });
});
