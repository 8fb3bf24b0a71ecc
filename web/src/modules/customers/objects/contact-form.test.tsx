// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { RecordForm } from '#shared/records/record-form';
import { toFieldDef } from '#shared/fields/custom-fields-api';
import { ApiError } from '#shared/api/problem';
import { mockFetch, renderApp } from '../../../test/render';
import { contactObject } from './contact-object';

const wechat = toFieldDef({
  id: 'f1',
  object: 'contact',
  key: 'wechat',
  label: { zh: '微信号', en: 'WeChat ID' },
  type: 'text',
  required: true,
  unique: false,
  sensitive: false,
  defaultValue: null,
  options: [],
  position: 0,
  target: null,
  version: 1,
});
const level = toFieldDef({
  id: 'f2',
  object: 'contact',
  key: 'level',
  label: { zh: '级别', en: 'Level' },
  type: 'select',
  required: false,
  unique: false,
  sensitive: false,
  defaultValue: null,
  options: [{ value: 'vip', label: { zh: '贵宾', en: 'VIP' } }],
  position: 1,
  target: null,
  version: 1,
});

describe('RecordForm', () => {
  beforeEach(() => mockFetch((url) => (url.pathname.endsWith('/users') ? { body: { data: [], nextCursor: null } } : { body: { data: [], nextCursor: null } })));
  afterEach(() => vi.unstubAllGlobals());

  it('renders built-in and custom fields and checks required ones before sending', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderApp(<RecordForm def={contactObject} fields={[...contactObject.fields, wechat, level]} onSubmit={onSubmit} />);
    expect(screen.getByLabelText('姓')).toBeInTheDocument();
    expect(screen.getByLabelText('微信号')).toBeInTheDocument();
    expect(screen.getByLabelText('级别')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('record-form-submit'));
    expect((await screen.findAllByText('必填', {}, { timeout: 10_000 })).length).toBeGreaterThanOrEqual(2);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends custom values nested and derives the contact name', async () => {
    const onSubmit = vi.fn(async (_body: Record<string, unknown>) => undefined);
    renderApp(<RecordForm def={contactObject} fields={[...contactObject.fields, wechat]} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('姓'), { target: { value: '张' } });
    fireEvent.change(screen.getByLabelText('名'), { target: { value: '伟' } });
    fireEvent.change(screen.getByLabelText('微信号'), { target: { value: 'zw88' } });
    fireEvent.click(screen.getByTestId('record-form-submit'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const body = onSubmit.mock.calls[0]?.[0];
    expect(body).toMatchObject({ familyName: '张', givenName: '伟', name: '张伟', custom: { wechat: 'zw88' }, ownerId: 'u-admin' });
  });

  it('shows the server’s validation message on the field', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError({ status: 422, title: '校验失败', detail: '请检查输入', errors: [{ field: 'custom.wechat', message: '该微信号已被使用' }] });
    });
    renderApp(<RecordForm def={contactObject} fields={[...contactObject.fields, wechat]} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('姓'), { target: { value: '张' } });
    fireEvent.change(screen.getByLabelText('微信号'), { target: { value: 'dup' } });
    fireEvent.click(screen.getByTestId('record-form-submit'));
    expect(await screen.findByText('该微信号已被使用', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('请检查输入');
  });

  it('explains a 412 conflict and offers a reload', async () => {
    const onReload = vi.fn();
    const onSubmit = vi.fn(async () => {
      throw new ApiError({ status: 412, title: 'Precondition failed' });
    });
    const record = { id: 'c1', version: 3, createdAt: '', updatedAt: '', familyName: '张', givenName: '伟', name: '张伟', custom: {} };
    renderApp(<RecordForm def={contactObject} fields={contactObject.fields} record={record} onSubmit={onSubmit} onReload={onReload} />);
    fireEvent.change(screen.getByLabelText('名'), { target: { value: '伟伟' } });
    fireEvent.click(screen.getByTestId('record-form-submit'));
    expect(await screen.findByTestId('conflict-alert')).toHaveTextContent('该记录已被他人修改');
    fireEvent.click(screen.getByText('重新加载'));
    expect(onReload).toHaveBeenCalled();
  });
});
