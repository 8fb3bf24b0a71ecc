// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { mockFetch, renderApp } from '../../test/render';
import './messages';
import type { DedupRule, ImportJob } from './imports-api';
import { MappingStep } from './mapping-step';

const job = {
  id: 'i1',
  object: 'dealers',
  fileName: 'dealers.csv',
  encoding: 'utf-8',
  sheets: null,
  sheet: null,
  columns: ['名称', '编号', '税号'],
  sample: [['华东代理', 'HD-001', '91310000']],
  totalRows: 1,
  mapping: [{ column: 0, field: 'name' }],
  preset: null,
  dedup: { match: 'none', action: 'skip' },
  matches: ['nameCompany'],
  matchesParent: false,
  matchFields: ['custom.code', 'custom.tax_no'],
  status: 'uploaded',
  progress: { processed: 0, created: 0, updated: 0, skipped: 0, failed: 0, rowsPerSecond: null, etaSeconds: null },
  error: null,
} as ImportJob;

const defs = [
  { id: 'f1', object: 'dealers', key: 'code', label: { zh: '代理商编号', en: 'Dealer code' }, type: 'text', unique: true },
  { id: 'f2', object: 'dealers', key: 'tax_no', label: { zh: '税号', en: 'Tax no.' }, type: 'text', unique: true },
];

function Harness({ seen }: { seen: DedupRule[] }) {
  const [dedup, setDedup] = useState<DedupRule>(job.dedup);
  const onDedup = (d: DedupRule) => {
    seen.push(d);
    setDedup(d);
  };
  return (
    <MappingStep
      job={job}
      mapping={job.mapping}
      dedup={dedup}
      onMapping={() => {}}
      onDedup={onDedup}
      onStart={() => {}}
      starting={false}
      onApplied={() => {}}
      onSheet={() => {}}
    />
  );
}

describe('MappingStep: matching by a unique field', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the unique fields the server lists, by their labels, and sends the one picked', async () => {
    mockFetch((url) => {
      if (url.pathname.endsWith('/imports/fields')) return { body: { dealers: ['name', 'owner'] } };
      if (url.pathname.endsWith('/custom-fields')) return { body: { data: defs } };
      if (url.pathname.endsWith('/imports/templates')) return { body: { data: [], presets: [] } };
      return undefined;
    });
    const seen: DedupRule[] = [];
    renderApp(<Harness seen={seen} />);
    expect(screen.queryByTestId('import-match-field')).toBeNull();
    fireEvent.click(await screen.findByText('唯一字段'));
    expect(seen.at(-1)).toEqual({ match: 'field', field: 'custom.code', action: 'skip' });
    const picker = await screen.findByTestId('import-match-field');
    await waitFor(() => expect(within(picker).getByText('代理商编号')).toBeInTheDocument());

    fireEvent.mouseDown(picker.querySelector('.ant-select-content, .ant-select-selector') ?? picker);
    fireEvent.click(await waitFor(() => within(document.querySelector('.ant-select-dropdown') as HTMLElement).getByText('税号')));
    expect(seen.at(-1)).toEqual({ match: 'field', field: 'custom.tax_no', action: 'skip' });

    // Another rule drops the field.
    fireEvent.click(screen.getByRole('radio', { name: '名称' }));
    expect(seen.at(-1)).toEqual({ match: 'nameCompany', action: 'skip' });
    expect(screen.queryByTestId('import-match-field')).toBeNull();
  }, 60_000);
});
