// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import type { FieldDef } from '#shared/fields/field-types';
import { mockFetch, renderApp } from '../../../test/render';
import { filterToGroup, groupToFilter } from '../filter-model';
import type { ConditionGroup } from '../filter-types';
import { FilterBuilder } from './filter-builder';

const fields: FieldDef[] = [
  { key: 'title', type: 'text', label: 'fields.title' },
  { key: 'phones', type: 'phones', label: 'fields.phones', filterKey: 'phone' },
  { key: 'internal', type: 'text', label: 'fields.description', filterable: false },
];

function Harness({ onChange }: { onChange: (g: ConditionGroup) => void }) {
  const [g, setG] = useState<ConditionGroup>({ conjunction: 'and', conditions: [] });
  return (
    <FilterBuilder
      fields={fields}
      value={g}
      onChange={(next) => {
        setG(next);
        onChange(next);
      }}
    />
  );
}

describe('FilterBuilder', () => {
  beforeEach(() => mockFetch(() => ({ body: { data: [], nextCursor: null } })));
  afterEach(() => vi.unstubAllGlobals());

  it('adds a row on the first filterable field and produces the API grammar', () => {
    let last: ConditionGroup | null = null;
    renderApp(<Harness onChange={(g) => (last = g)} />);
    expect(screen.getByText('还没有筛选条件')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('filter-add'));
    fireEvent.change(screen.getByTestId('filter-value'), { target: { value: '经理' } });
    expect(groupToFilter(last as unknown as ConditionGroup)).toEqual({ title: { contains: '经理' } });
  });

  it('builds a nested OR group inside the AND root: title contains 经理 and (title contains 采购 or title contains 销售)', () => {
    let last: ConditionGroup | null = null;
    renderApp(<Harness onChange={(g) => (last = g)} />);
    fireEvent.click(screen.getByTestId('filter-add'));
    fireEvent.change(screen.getAllByTestId('filter-value')[0] as HTMLElement, { target: { value: '经理' } });
    fireEvent.click(screen.getByTestId('filter-add-group'));
    const group = screen.getByTestId('filter-group');
    expect(group).toHaveTextContent('满足任一');
    fireEvent.click(screen.getByTestId('filter-group-add'));
    const values = screen.getAllByTestId('filter-value');
    expect(values).toHaveLength(3);
    fireEvent.change(values[1] as HTMLElement, { target: { value: '采购' } });
    fireEvent.change(values[2] as HTMLElement, { target: { value: '销售' } });
    expect(groupToFilter(last as unknown as ConditionGroup)).toEqual({
      and: [{ title: { contains: '经理' } }, { or: [{ title: { contains: '采购' } }, { title: { contains: '销售' } }] }],
    });
    fireEvent.click(screen.getByTestId('filter-remove-group'));
    expect(groupToFilter(last as unknown as ConditionGroup)).toEqual({ title: { contains: '经理' } });
  });

  it('shows a saved nested filter as groups', () => {
    const value = filterToGroup({ or: [{ title: { eq: 'CEO' } }, { and: [{ title: { eq: 'CTO' } }, { phone: { isEmpty: false } }] }] });
    renderApp(<FilterBuilder fields={fields} value={value} onChange={() => undefined} />);
    expect(screen.getAllByTestId('filter-row')).toHaveLength(3);
    expect(screen.getAllByTestId('filter-group')).toHaveLength(1);
  });
});
