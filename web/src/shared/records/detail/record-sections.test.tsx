// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CrmRecord } from '#shared/api/types';
import type { FieldDef } from '#shared/fields/field-types';
import { mockFetch, renderApp } from '../../../test/render';
import type { LayoutSection } from '../layout';
import type { ObjectDef } from '../object-def';
import { RecordFields } from './record-fields';

const fields: FieldDef[] = [
  { key: 'name', type: 'text', label: { zh: '名称', en: 'Name' } },
  { key: 'title', type: 'text', label: { zh: '职位', en: 'Title' } },
  { key: 'city', type: 'text', label: { zh: '城市', en: 'City' } },
  { key: 'custom.level', type: 'text', label: { zh: '级别', en: 'Level' }, custom: true },
];
const def: ObjectDef = { object: 'things', entity: 'thing', fields, titleKey: 'name', titleOf: (r) => String(r.name) };
const record: CrmRecord = {
  id: 't1',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  name: '甲',
  title: '经理',
  city: '上海',
  custom: { level: '高' },
};
const sections: LayoutSection[] = [
  { id: 'a', label: { zh: '概况', en: 'Overview' }, fields: ['title', 'name'] },
  { id: 'b', label: { zh: '补充', en: 'More' }, fields: ['custom.level'], collapsed: true },
];

describe('RecordFields with layout sections', () => {
  beforeEach(() => mockFetch(() => undefined));

  it('shows one grid without sections, as before layouts existed', () => {
    renderApp(<RecordFields def={def} record={record} fields={fields} />);
    expect(screen.queryByTestId('record-section-title')).toBeNull();
    expect(screen.getByTestId('record-fields')).toHaveTextContent('上海');
  });

  it('shows the sections in order, each with its fields, the rest under 其他; a collapsed one opens on click', async () => {
    renderApp(<RecordFields def={def} record={record} fields={fields} sections={sections} />);
    expect(screen.getAllByTestId('record-section-title').map((e) => e.textContent)).toEqual(['概况', '补充', '其他']);
    const grids = screen.getAllByTestId('record-fields');
    expect(
      within(grids[0] as HTMLElement)
        .getAllByText(/名称|职位/)
        .map((e) => e.textContent?.replace(/[:：]/, '')),
    ).toEqual(['职位', '名称']);
    expect(within(grids[1] as HTMLElement).getByText('上海')).toBeInTheDocument();
    expect(screen.queryByText('高')).toBeNull();
    fireEvent.click(screen.getByText('补充'));
    await waitFor(() => expect(screen.getByText('高')).toBeInTheDocument());
  });
});
