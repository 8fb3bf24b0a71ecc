// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useObjects } from '#shared/objects/use-objects';
import { mockFetch, renderApp } from '../../../test/render';
import '../messages';
import type { CustomObject } from './custom-objects-api';
import { ObjectsSettingsPage } from './objects-settings-page';

const stores: CustomObject = {
  id: 'o1',
  name: 'stores',
  label: { zh: '门店', en: 'Store' },
  description: {},
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
};

/** Stands in for the side menu, which watches the registry. */
function Menu() {
  const { objects } = useObjects();
  return <span>{objects.map((o) => o.label.zh).join(',')}</span>;
}

describe('ObjectsSettingsPage', () => {
  let calls: ReturnType<typeof mockFetch>;
  beforeEach(() => {
    calls = mockFetch((url, init) => {
      if (url.pathname === '/api/v1/custom-objects' && init.method === 'POST') {
        const body = JSON.parse(String(init.body)) as Pick<CustomObject, 'name' | 'label'>;
        if (body.name === 'stores') return { status: 422, body: { status: 422, title: 'Invalid', errors: [{ field: 'name', message: '名称已被占用' }] } };
        return { status: 201, body: { ...stores, id: 'o2', ...body } };
      }
      if (url.pathname === '/api/v1/custom-objects') return { body: { data: [stores], nextCursor: null } };
      if (url.pathname === '/api/v1/custom-objects/o1' && init.method === 'DELETE')
        return { status: 409, body: { status: 409, title: 'Conflict', detail: '门店还有 3 条记录，请先删除它们' } };
      if (url.pathname === '/api/v1/objects') return { body: { data: [] } };
      return undefined;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const openCreate = async () => {
    fireEvent.click(await screen.findByTestId('add-custom-object'));
    return screen.findByRole('dialog');
  };
  const fill = (dialog: HTMLElement, name: string) => {
    fireEvent.change(within(dialog).getByTestId('object-label-zh'), { target: { value: '经销商' } });
    fireEvent.change(within(dialog).getByTestId('object-label-en'), { target: { value: 'Distributor' } });
    fireEvent.change(within(dialog).getByTestId('object-name'), { target: { value: name } });
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
  };
  const posts = () => calls.filter((c) => c.init.method === 'POST');

  it('lists the objects with their API name and a link to their fields', async () => {
    renderApp(<ObjectsSettingsPage />);
    expect(await screen.findByText('门店')).toBeInTheDocument();
    expect(screen.getByText('Store')).toBeInTheDocument();
    expect(screen.getByText('stores')).toBeInTheDocument();
    expect(screen.getByTestId('object-fields')).toHaveTextContent('字段');
  });

  it('refuses an API name that is not lowercase kebab case, then creates the object and refreshes the registry', async () => {
    renderApp(
      <>
        <ObjectsSettingsPage />
        <Menu />
      </>,
    );
    const registryReads = () => calls.filter((c) => c.url.pathname === '/api/v1/objects').length;
    await waitFor(() => expect(registryReads()).toBe(1));
    const dialog = await openCreate();
    fill(dialog, 'Distributors');
    expect(await within(dialog).findByText(/以小写字母开头/)).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
    fireEvent.change(within(dialog).getByTestId('object-name'), { target: { value: 'distributors' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(JSON.parse(String(posts()[0]?.init.body))).toMatchObject({ name: 'distributors', label: { zh: '经销商', en: 'Distributor' } });
    await waitFor(() => expect(registryReads()).toBe(2));
  });

  it('shows the server’s message on the name when it is taken', async () => {
    renderApp(<ObjectsSettingsPage />);
    const dialog = await openCreate();
    fill(dialog, 'stores');
    expect(await within(dialog).findByText('名称已被占用')).toBeInTheDocument();
  });

  it('explains why an object with records cannot be deleted', async () => {
    renderApp(<ObjectsSettingsPage />);
    await screen.findByText('门店');
    fireEvent.click(screen.getByRole('button', { name: /删\s*除/ }));
    const confirm = await screen.findByRole('dialog');
    fireEvent.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText('门店还有 3 条记录，请先删除它们', {}, { timeout: 5000 })).toBeInTheDocument();
    expect((await screen.findAllByText('无法删除该对象')).length).toBeGreaterThan(0);
  });
});
