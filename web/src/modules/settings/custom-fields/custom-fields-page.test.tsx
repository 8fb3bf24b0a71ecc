// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CustomFieldDef } from '#shared/fields/custom-fields-api';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { mockFetch, renderApp } from '../../../test/render';
import '../messages';
import { CustomFieldsPage } from './custom-fields-page';

const meta = (name: string, path: string | null, zh: string, en: string, over: Partial<ObjectMeta> = {}): ObjectMeta => ({
  name,
  path,
  label: { zh, en },
  custom: false,
  id: null,
  record: path !== null,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: path ? ['customFields'] : [],
  ...over,
});
const OBJECTS = [
  meta('company', 'companies', '客户', 'Companies'),
  meta('contact', 'contacts', '联系人', 'Contacts'),
  meta('activity', 'activities', '跟进活动', 'Activities', { capabilities: [] }),
  meta('pool', null, '公海', 'Pools'),
  meta('distributors', 'distributors', '经销商', 'Distributors', { custom: true, id: 'o1' }),
];
const region: CustomFieldDef = {
  id: 'f1',
  object: 'distributors',
  key: 'parent',
  label: { zh: '上级客户', en: 'Parent company' },
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

const open = (el: HTMLElement) => fireEvent.mouseDown(el.querySelector('.ant-select-content, .ant-select-selector') ?? el);

describe('CustomFieldsPage', () => {
  let calls: ReturnType<typeof mockFetch>;
  beforeEach(() => {
    calls = mockFetch((url, init) => {
      if (url.pathname.endsWith('/objects')) return { body: { data: OBJECTS } };
      if (url.pathname.endsWith('/custom-fields') && init.method === 'POST') return { status: 201, body: { ...region, id: 'f2' } };
      if (url.pathname.endsWith('/custom-fields')) return { body: { data: [region], nextCursor: null } };
      return undefined;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('preselects ?object= and offers only objects that take custom fields', async () => {
    renderApp(<CustomFieldsPage />, { route: '/settings/custom-fields?object=distributors' });
    expect(await screen.findByText('上级客户')).toBeInTheDocument();
    expect(await screen.findByText('关联 → 客户')).toBeInTheDocument();
    open(screen.getByTestId('custom-field-object'));
    const list = await screen.findByRole('listbox');
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option')).toHaveLength(3));
    expect(list).toBeInTheDocument();
    const labels = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(labels).toEqual(['客户', '联系人', '经销商']);
  });

  it('requires a target object for a lookup field and sends it', async () => {
    renderApp(<CustomFieldsPage />, { route: '/settings/custom-fields?object=contact' });
    fireEvent.click(await screen.findByTestId('add-custom-field'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('字段标识'), { target: { value: 'distributor' } });
    fireEvent.change(within(dialog).getByLabelText('中文名称'), { target: { value: '经销商' } });
    const typeBox = within(within(dialog).getByTestId('custom-field-type')).getByRole('combobox');
    open(within(dialog).getByTestId('custom-field-type'));
    fireEvent.change(typeBox, { target: { value: '关联' } });
    await screen.findByTitle('关联（指向一条记录）');
    fireEvent.keyDown(typeBox, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(within(dialog).getByRole('button', { name: /OK|确\s*定/ }));
    expect(await within(dialog).findByText('请选择该字段关联的对象')).toBeInTheDocument();
    open(within(dialog).getByTestId('custom-field-target'));
    fireEvent.click(await screen.findByTitle('经销商'));
    fireEvent.click(within(dialog).getByRole('button', { name: /OK|确\s*定/ }));
    await waitFor(() => expect(calls.some((c) => c.init.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.init.method === 'POST');
    expect(JSON.parse(String(post?.init.body))).toMatchObject({ object: 'contact', key: 'distributor', type: 'lookup', target: 'distributors' });
  });
});
