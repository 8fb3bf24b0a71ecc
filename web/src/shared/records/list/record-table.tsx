import { Table } from 'antd';
import type { TableColumnType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrmRecord } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import type { FieldDef } from '#shared/fields/field-types';
import { FieldValue } from '#shared/fields/field-value';
import type { ObjectDef } from '../object-def';
import { parseSort, toSort } from './list-state';
import { useViewportHeight } from './use-viewport-height';

type Props = {
  def: ObjectDef;
  fields: FieldDef[];
  columns: string[];
  rows: CrmRecord[];
  loading: boolean;
  sort: string;
  onSort: (sort: string) => void;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onEndReached: () => void;
  basePath: string;
};

const WIDTH: Partial<Record<FieldDef['type'], number>> = { tags: 200, address: 240, phones: 160, emails: 200, longtext: 240, company: 180 };

/** Virtualised table: only visible rows are in the DOM, so 100k loaded rows still scroll smoothly. */
export function RecordTable({ def, fields, columns, rows, loading, sort, onSort, selected, onSelect, onEndReached, basePath }: Props) {
  const { t, i18n } = useTranslation();
  const height = useViewportHeight(250);
  const current = parseSort(sort);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const cols: TableColumnType<CrmRecord>[] = columns.flatMap((key) => {
    const f = byKey.get(key);
    if (!f) return [];
    const isTitle = key === def.titleKey;
    return [
      {
        key,
        dataIndex: key,
        title: fieldLabel(f, t, i18n.language),
        width: isTitle ? 200 : (WIDTH[f.type] ?? 140),
        fixed: isTitle ? ('left' as const) : undefined,
        ellipsis: true,
        sorter: !!f.sortable,
        sortOrder: current?.field === key ? current.order : null,
        render: (_: unknown, r: CrmRecord) =>
          isTitle ? <Link to={`${basePath}/${r.id}`}>{def.titleOf(r) || '—'}</Link> : <FieldValue def={f} record={r} compact />,
      },
    ];
  });
  const width = cols.reduce((s, c) => s + Number(c.width ?? 140), 48);

  return (
    <Table<CrmRecord>
      virtual
      size="middle"
      rowKey="id"
      columns={cols}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: width, y: height }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]), columnWidth: 48, fixed: true }}
      onChange={(_p, _f, sorter) => {
        const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CrmRecord> | undefined;
        onSort(toSort(s?.order ? String(s.columnKey) : undefined, s?.order));
      }}
      onScroll={(e) => {
        const el = e.currentTarget;
        if (el.scrollHeight - el.scrollTop - el.clientHeight < 400) onEndReached();
      }}
      data-testid="record-table"
    />
  );
}
