// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { CrmRecord } from '#shared/api/types';
import type { FilterValue } from '#shared/filter/filter-types';
import { FilterValueInput } from '#shared/filter/ui/filter-value-input';
import type { ObjectMeta } from '#shared/objects/objects-api';
import { mockFetch, renderApp } from '../../test/render';
import { FieldValue } from './field-value';
import type { FieldDef } from './field-types';
import { LookupSelect } from './inputs/lookup-select';
import { lookupRef } from './lookup';
import { plainValue } from '#shared/records/list/plain-value';

const meta = (name: string, path: string, custom: boolean): ObjectMeta => ({
  name,
  path,
  label: { zh: name === 'company' ? '客户' : '经销商', en: name },
  custom,
  id: custom ? 'o1' : null,
  record: true,
  actions: ['read'],
  sensitiveFields: [],
  fields: [],
  capabilities: [],
});
const OBJECTS = [meta('company', 'companies', false), meta('distributors', 'distributors', true)];
const D1 = 'd0000000-0000-7000-8000-000000000001';
const D2 = 'd0000000-0000-7000-8000-000000000002';
const DISTRIBUTORS = [
  { id: D1, name: '华东经销商' },
  { id: D2, name: '华南经销商' },
];
const field: FieldDef = { key: 'custom.dist', type: 'lookup', target: 'distributors', label: { zh: '经销商', en: 'Distributor' }, custom: true };
const record = (over: Partial<CrmRecord>): CrmRecord => ({ id: 'c1', version: 1, createdAt: '', updatedAt: '', ...over });

let calls: ReturnType<typeof mockFetch>;
beforeEach(() => {
  calls = mockFetch((url) => {
    if (url.pathname === '/api/v1/objects') return { body: { data: OBJECTS } };
    if (url.pathname === '/api/v1/distributors') {
      const q = url.searchParams.get('q') ?? '';
      return { body: { data: DISTRIBUTORS.filter((d) => d.name.includes(q)), nextCursor: null } };
    }
    const one = DISTRIBUTORS.find((d) => url.pathname === `/api/v1/distributors/${d.id}`);
    return one ? { body: { ...one, version: 1 } } : undefined;
  });
});
afterEach(() => vi.unstubAllGlobals());

const open = (el: HTMLElement) => fireEvent.mouseDown(el.querySelector('.ant-select-content, .ant-select-selector') ?? el);

describe('lookupRef and plainValue', () => {
  it('read the name the API put in record.lookups', () => {
    const r = record({ custom: { dist: D1 }, lookups: { dist: { id: D1, name: '华东经销商' } } });
    expect(lookupRef(r, field)).toEqual({ id: D1, name: '华东经销商' });
    expect(plainValue(field, r, 'zh-CN')).toBe('华东经销商');
    expect(lookupRef(record({ lookups: { dist: null } }), field)).toBeNull();
    expect(lookupRef(record({}), field)).toBeUndefined();
  });
});

describe('LookupSelect', () => {
  it('searches the target object by its registry path and stores the picked id', async () => {
    const onChange = vi.fn();
    renderApp(<LookupSelect target="distributors" onChange={onChange} />);
    const select = await screen.findByTestId('lookup-select');
    await waitFor(() => expect(screen.getByText('搜索经销商…')).toBeInTheDocument());
    open(select);
    fireEvent.change(select.querySelector('input') as HTMLInputElement, { target: { value: '华南' } });
    await waitFor(() => expect(calls.some((c) => c.url.pathname === '/api/v1/distributors' && c.url.searchParams.get('q') === '华南')).toBe(true));
    const search = calls.find((c) => c.url.searchParams.get('q') === '华南');
    expect(search?.url.searchParams.get('limit')).toBe('20');
    fireEvent.click(await screen.findByTitle('华南经销商'));
    expect(onChange).toHaveBeenCalledWith(D2);
  });

  it('names a value it was given without a label by reading the record', async () => {
    renderApp(<LookupSelect target="distributors" value={D1} />);
    expect(await screen.findByTitle('华东经销商')).toBeInTheDocument();
  });
});

describe('FieldValue for a lookup', () => {
  it('links a custom object record under /o/<path>/<id>', async () => {
    renderApp(<FieldValue def={field} record={record({ custom: { dist: D1 }, lookups: { dist: { id: D1, name: '华东经销商' } } })} />);
    const link = await screen.findByTestId('lookup-link');
    await waitFor(() => expect(link).toHaveAttribute('href', `/o/distributors/${D1}`));
    expect(link).toHaveTextContent('华东经销商');
  });

  it('links a standard target to its own page', async () => {
    const company: FieldDef = { ...field, key: 'custom.parent', target: 'company' };
    renderApp(<FieldValue def={company} record={record({ custom: { parent: 'p1' }, lookups: { parent: { id: 'p1', name: '星辰科技' } } })} />);
    await waitFor(() => expect(screen.getByTestId('lookup-link')).toHaveAttribute('href', '/companies/p1'));
  });

  it('says so when the target record is gone', async () => {
    renderApp(<FieldValue def={field} record={record({ custom: { dist: D1 }, lookups: { dist: null } })} />);
    expect(await screen.findByText('（记录已删除或无权查看）')).toBeInTheDocument();
  });
});

describe('FilterValueInput for a lookup', () => {
  function Harness({ op, onChange }: { op: 'eq' | 'in'; onChange: (v: FilterValue) => void }) {
    const [v, setV] = useState<FilterValue>(op === 'in' ? [] : null);
    return (
      <FilterValueInput
        def={field}
        op={op}
        value={v}
        onChange={(next) => {
          setV(next);
          onChange(next);
        }}
      />
    );
  }

  it('picks several records for "in" with the same search picker', async () => {
    const onChange = vi.fn();
    renderApp(<Harness op="in" onChange={onChange} />);
    const select = await screen.findByTestId('lookup-select');
    open(select);
    fireEvent.click(await screen.findByTitle('华东经销商'));
    fireEvent.click(await screen.findByTitle('华南经销商'));
    expect(onChange).toHaveBeenLastCalledWith([D1, D2]);
  });

  it('picks one record for "eq"', async () => {
    const onChange = vi.fn();
    renderApp(<Harness op="eq" onChange={onChange} />);
    open(await screen.findByTestId('lookup-select'));
    fireEvent.click(await screen.findByTitle('华东经销商'));
    expect(onChange).toHaveBeenLastCalledWith(D1);
  });
});
