// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { mockFetch, renderApp } from '../../../test/render';
import '../messages';
import { PermissionMatrix } from './permission-matrix';

const OBJECTS: ObjectMeta[] = [
  {
    name: 'lead',
    path: 'leads',
    label: { zh: '线索', en: 'Leads' },
    custom: false,
    id: null,
    record: true,
    actions: ['read', 'create', 'update', 'delete', 'export', 'import'],
    sensitiveFields: [],
    fields: [],
    capabilities: [],
  },
  {
    name: 'pool',
    path: null,
    label: { zh: '公海', en: 'Pools' },
    custom: false,
    id: null,
    record: false,
    actions: ['read', 'update'],
    sensitiveFields: [],
    fields: [],
    capabilities: [],
  },
  {
    name: 'distributors',
    path: 'distributors',
    label: { zh: '经销商', en: 'Distributors' },
    custom: true,
    id: 'o1',
    record: true,
    actions: ['read', 'create'],
    sensitiveFields: [],
    fields: [],
    capabilities: [],
  },
];

describe('PermissionMatrix', () => {
  beforeEach(() => mockFetch((url) => (url.pathname.endsWith('/objects') ? { body: { data: OBJECTS } } : undefined)));
  afterEach(() => vi.unstubAllGlobals());

  it('builds a row per registry object, offering only its actions', async () => {
    renderApp(<PermissionMatrix value={{ lead: { read: 'team' } }} onChange={() => {}} />);
    const pool = (await screen.findByText('公海')).closest('tr') as HTMLElement;
    expect(within(pool).getAllByText('—')).toHaveLength(4);
    expect(screen.getByTestId('perm-pool-update')).toBeInTheDocument();
    expect(screen.queryByTestId('perm-pool-create')).toBeNull();
    expect(screen.getByText('经销商')).toBeInTheDocument();
    expect(screen.getByText('自定义')).toBeInTheDocument();
    expect(within(screen.getByTestId('perm-lead-read')).getByText('本团队')).toBeInTheDocument();
  });

  it('changes one cell and keeps the others', async () => {
    const onChange = vi.fn();
    renderApp(<PermissionMatrix value={{ lead: { read: 'own' }, user: { read: 'all' } }} onChange={onChange} />);
    fireEvent.mouseDown((await screen.findByTestId('perm-distributors-create')).querySelector('.ant-select') ?? screen.getByTestId('perm-distributors-create'));
    fireEvent.click(await screen.findByTitle('全部'));
    expect(onChange).toHaveBeenCalledWith({ lead: { read: 'own' }, user: { read: 'all' }, distributors: { create: 'all' } });
  });

  it('reads "All" in every cell for an administrator, never "None"', async () => {
    renderApp(<PermissionMatrix value={{}} onChange={() => {}} admin />);
    await screen.findByText('经销商');
    expect(screen.getAllByText('全部')).toHaveLength(6 + 2 + 2);
    expect(screen.queryByText('无')).toBeNull();
  });
});
