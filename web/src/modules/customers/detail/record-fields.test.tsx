// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { contactObject } from '#modules/customers/objects/contact-object';
import { recordFieldAccess } from '#shared/auth/permissions';
import type { CrmRecord, Me } from '#shared/api/types';
import { toFieldDef } from '#shared/fields/custom-fields-api';
import { adminMe, mockFetch, renderApp } from '../../../test/render';
import { inlinePayload } from '#shared/records/detail/inline-editor';
import { RecordFields } from '#shared/records/detail/record-fields';

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
  options: [
    { value: 'vip', label: { zh: '贵宾', en: 'VIP' } },
    { value: 'std', label: { zh: '普通', en: 'Standard' } },
  ],
  position: 1,
  target: null,
  version: 1,
});
const fields = [...contactObject.fields, level];
const record: CrmRecord = {
  id: 'c1',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  familyName: '张',
  givenName: '伟',
  name: '张伟',
  title: '采购经理',
  ownerId: 'u-admin',
  custom: { level: 'std' },
};

const adminAccess = recordFieldAccess(adminMe, 'contact', true);

type Patch = { body: Record<string, unknown>; ifMatch: string | null };

function serve(answer: (patch: Patch) => { status?: number; body: unknown }) {
  const patches: Patch[] = [];
  mockFetch((url, init) => {
    if (init.method === 'PATCH' && url.pathname === '/api/v1/contacts/c1') {
      const patch = { body: JSON.parse(String(init.body)) as Record<string, unknown>, ifMatch: new Headers(init.headers).get('If-Match') };
      patches.push(patch);
      return answer(patch);
    }
    return { body: { data: [], nextCursor: null } };
  });
  return patches;
}

describe('inline editing on the detail page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('saves one field with If-Match and hands back the saved record', async () => {
    const patches = serve(({ body }) => ({ body: { ...record, ...body, version: 4 } }));
    const onSaved = vi.fn();
    renderApp(<RecordFields def={contactObject} record={record} fields={fields} {...adminAccess} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId('inline-title'));
    fireEvent.change(screen.getByDisplayValue('采购经理'), { target: { value: '采购总监' } });
    fireEvent.click(screen.getByTestId('inline-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled(), { timeout: 10_000 });
    expect(patches).toEqual([{ body: { title: '采购总监' }, ifMatch: '3' }]);
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({ title: '采购总监', version: 4 });
  });

  it('shows the server’s validation message on the field being edited', async () => {
    serve(() => ({
      status: 422,
      body: { status: 422, title: '校验失败', detail: '请检查输入', errors: [{ field: 'title', message: '职位不能包含表情符号' }] },
    }));
    const onSaved = vi.fn();
    renderApp(<RecordFields def={contactObject} record={record} fields={fields} {...adminAccess} onSaved={onSaved} />);
    fireEvent.click(screen.getByTestId('inline-title'));
    fireEvent.change(screen.getByDisplayValue('采购经理'), { target: { value: '😀' } });
    fireEvent.click(screen.getByTestId('inline-save'));
    expect(await screen.findByText('职位不能包含表情符号', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByTestId('inline-editor-title')).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('explains a 412 conflict and reloads on request', async () => {
    serve(() => ({ status: 412, body: { status: 412, title: 'Precondition failed', code: 'precondition_failed' } }));
    const onReload = vi.fn(async () => undefined);
    renderApp(<RecordFields def={contactObject} record={record} fields={fields} {...adminAccess} onSaved={vi.fn()} onReload={onReload} />);
    fireEvent.click(screen.getByTestId('inline-title'));
    fireEvent.change(screen.getByDisplayValue('采购经理'), { target: { value: '采购总监' } });
    fireEvent.click(screen.getByTestId('inline-save'));
    const alert = await screen.findByTestId('conflict-alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('已被他人修改');
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    await waitFor(() => expect(onReload).toHaveBeenCalled(), { timeout: 10_000 });
    await waitFor(() => expect(screen.queryByTestId('inline-editor-title')).not.toBeInTheDocument(), { timeout: 10_000 });
  });

  it('offers no editor without the update right or on read-only fields', () => {
    serve(() => ({ body: record }));
    const { unmount } = renderApp(<RecordFields def={contactObject} record={record} fields={fields} {...adminAccess} onSaved={vi.fn()} />);
    expect(screen.queryByTestId('inline-name')).not.toBeInTheDocument();
    expect(screen.getByTestId('inline-custom.level')).toBeInTheDocument();
    unmount();
    const rep: Me = { ...adminMe, user: { ...adminMe.user, isAdmin: false }, permissions: { contact: { read: 'all' } } };
    renderApp(<RecordFields def={contactObject} record={record} fields={fields} {...recordFieldAccess(rep, 'contact', false)} onSaved={vi.fn()} />, {
      me: rep,
    });
    expect(screen.queryByTestId('inline-title')).not.toBeInTheDocument();
    expect(screen.getByText('采购经理')).toBeInTheDocument();
  });
});

describe('inlinePayload', () => {
  it('sends a custom field nested and only that field', () => {
    expect(inlinePayload(contactObject, level, { custom: { level: 'vip' } }, record)).toEqual({ custom: { level: 'vip' } });
  });
  it('re-derives the contact name from an edited name part', () => {
    const family = fields.find((f) => f.key === 'familyName');
    expect(inlinePayload(contactObject, family as (typeof fields)[number], { familyName: '欧阳' }, record)).toEqual({ familyName: '欧阳', name: '欧阳伟' });
  });
  it('sends nothing when the value did not change', () => {
    const title = fields.find((f) => f.key === 'title');
    expect(inlinePayload(contactObject, title as (typeof fields)[number], { title: '采购经理' }, record)).toEqual({});
  });
});
