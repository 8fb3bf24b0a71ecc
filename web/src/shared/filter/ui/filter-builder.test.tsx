// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import type { FieldDef } from '#shared/fields/field-types';
import { mockFetch, renderApp } from '../../../test/render';
import { groupToFilter } from '../filter-model';
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
});
