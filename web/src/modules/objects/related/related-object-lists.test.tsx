// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { mockFetch, renderApp } from '../../../test/render';
import '../messages';
import { RelatedObjectLists } from './related-object-lists';

const distributors: ObjectMeta = {
  name: 'distributors',
  path: 'distributors',
  label: { zh: '经销商', en: 'Distributor' },
  custom: true,
  id: 'o1',
  record: true,
  actions: ['read', 'create'],
  sensitiveFields: [],
  fields: [],
  capabilities: ['customFields'],
};
const lookup: CustomFieldDef = {
  id: 'f1',
  object: 'distributors',
  key: 'company',
  label: { zh: '所属公司', en: 'Company' },
  type: 'lookup',
  target: 'company',
  required: false,
  unique: false,
  sensitive: false,
  defaultValue: null,
  options: [],
  position: 0,
  version: 1,
};
const row = (id: string, name: string) => ({
  id,
  name,
  version: 1,
  createdAt: '2026-01-02T03:04:05Z',
  updatedAt: '2026-01-02T03:04:05Z',
  custom: { company: 'c1' },
});

function Where() {
  return <span data-testid="where">{`${useLocation().pathname}${useLocation().search}`}</span>;
}

describe('RelatedObjectLists', () => {
  let calls: ReturnType<typeof mockFetch>;
  beforeEach(() => {
    calls = mockFetch((url) => {
      if (url.pathname === '/api/v1/objects') return { body: { data: [distributors] } };
      if (url.pathname === '/api/v1/custom-fields') return { body: { data: [lookup], nextCursor: null } };
      if (url.pathname === '/api/v1/distributors/count') return { body: { count: 2 } };
      if (url.pathname === '/api/v1/distributors') return { body: { data: [row('d1', '华东经销'), row('d2', '华南经销')], nextCursor: null } };
      return undefined;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the records pointing at this one, with a count and links, and presets the lookup on New', async () => {
    renderApp(
      <Routes>
        <Route
          path="*"
          element={
            <>
              <RelatedObjectLists object="company" id="c1" />
              <Where />
            </>
          }
        />
      </Routes>,
      { route: '/companies/c1' },
    );
    const card = await screen.findByTestId('related-distributors-company');
    expect(within(card).getByText('经销商')).toBeInTheDocument();
    expect(await within(card).findByText('华东经销')).toHaveAttribute('href', '/o/distributors/d1');
    await waitFor(() => expect(within(card).getByTestId('related-count')).toHaveTextContent(/^2$/));
    const list = calls.find((c) => c.url.pathname === '/api/v1/distributors');
    expect(JSON.parse(list?.url.searchParams.get('filter') ?? 'null')).toEqual({ 'custom.company': { eq: 'c1' } });
    fireEvent.click(within(card).getByTestId('related-new'));
    expect(screen.getByTestId('where')).toHaveTextContent('/o/distributors/new?custom.company=c1');
  });

  it('renders nothing for an object no lookup points at', async () => {
    renderApp(<RelatedObjectLists object="contact" id="p1" />);
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/v1/custom-fields')).toBe(true));
    expect(screen.queryByTestId('related-objects')).not.toBeInTheDocument();
  });
});
