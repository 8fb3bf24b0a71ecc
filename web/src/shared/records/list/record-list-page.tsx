import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Grid, Input, Typography } from 'antd';
import { type ComponentType, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '#shared/auth/session';
import { can } from '#shared/auth/permissions';
import type { CrmRecord } from '#shared/api/types';
import { groupToFilter } from '#shared/filter/filter-model';
import { fieldLabel } from '#shared/fields/field-label';
import { hasCapability, objectByName, useObjects } from '#shared/objects/use-objects';
import { useDebounced } from '#shared/ui/use-debounced';
import { type ObjectDef, objectText, pagePath } from '../object-def';
import { layoutColumns } from '../layout';
import { useObjectFields } from '../use-object-fields';
import { useObjectLayout } from '../use-object-layout';
import { BulkActions } from './bulk-actions';
import { ColumnChooser } from './column-chooser';
import { downloadText } from './csv';
import { ListEmpty } from './list-empty';
import { recordsToCsv } from './export-records';
import { ListCount } from './list-count';
import { FilterButton } from './filter-button';
import { RecordCards } from './record-cards';
import styles from './record-list.module.css';
import { RecordTable } from './record-table';
import { SavedViews } from './saved-views';
import { useInfiniteList } from './use-infinite-list';
import { useListView } from './use-list-view';

/** What the list asks its export control to export: everything matching, in the visible columns. */
export type ListExportProps = {
  request: { object: string; filter?: string; sort?: string; q?: string; columns: { key: string; label: string }[] };
  objectLabel: string;
  /** The list's API path (contacts). */
  listPath: string;
  compact?: boolean;
};

export type RecordListPageProps = {
  def: ObjectDef;
  /** The toolbar's export control (the exports feature's ExportButton), shown to users who may export. */
  exportButton?: ComponentType<ListExportProps>;
};

export function RecordListPage({ def, exportButton: ExportButton }: RecordListPageProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const { fields, loading: fieldsLoading } = useObjectFields(def);
  const { layout, loading: layoutLoading } = useObjectLayout(def.entity);
  // Every object the registry marks importable (custom ones too) links to the import page, preselected.
  const importable = hasCapability(objectByName(useObjects().objects, def.entity), 'import');
  const defaults = useMemo(() => layoutColumns(fields, layout?.listColumns), [fields, layout]);
  const { view, setView, viewId, pickView, resetColumns } = useListView(def, fields, !fieldsLoading && !layoutLoading, defaults);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [selected, setSelected] = useState<string[]>([]);
  const filter = useMemo(() => groupToFilter(view.group), [view.group]);
  const params = { filter, sort: view.sort, q };
  const list = useInfiniteList(def.object, params);
  const basePath = pagePath(def);
  const title = objectText(def, t, 'title');
  const more = () => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  };

  // All matching rows: a background job on the server (export scope, masking, audit) writes the file.
  const exportColumns = view.columns.flatMap((k) => {
    const f = fields.find((x) => x.key === k);
    return f ? [{ key: f.key, label: fieldLabel(f, t, i18n.language) }] : [];
  });
  // Selected rows: the visible columns, as the user sees them.
  const exportRows = (data: CrmRecord[]) => {
    const cols = view.columns.map((k) => fields.find((f) => f.key === k)).filter((f) => !!f);
    downloadText(
      `${def.object}-${new Date().toISOString().slice(0, 10)}.csv`,
      recordsToCsv(
        data,
        cols,
        cols.map((f) => fieldLabel(f, t, i18n.language)),
        i18n.language,
      ),
    );
    message.success(t('bulk.exported', { count: data.length }));
  };
  const selectedRows = list.rows.filter((r) => selected.includes(r.id));
  const loading = list.isPending || list.isFetchingNextPage || list.isPlaceholderData;
  const isEmpty = !list.isPending && list.rows.length === 0 && !filter && !q;

  return (
    <div>
      <div className={styles.header}>
        <Typography.Title level={3} className={styles.title}>
          {title} <ListCount object={def.object} filter={filter} q={q} />
        </Typography.Title>
        <SavedViews entity={def.entity} view={view} activeId={viewId} onPick={pickView} />
        {ExportButton && can(me, def.entity, 'export') && (
          <ExportButton
            objectLabel={title}
            listPath={def.object}
            compact={mobile}
            request={{
              object: def.entity,
              filter: filter ? JSON.stringify(filter) : undefined,
              sort: view.sort || undefined,
              q: q || undefined,
              columns: exportColumns,
            }}
          />
        )}
        {can(me, def.entity, 'import') && importable && (
          <Button icon={<UploadOutlined />} onClick={() => navigate(`/imports?object=${def.entity}`)} data-testid="import-records">
            {!mobile && t('imports.import')}
          </Button>
        )}
        {can(me, def.entity, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${basePath}/new`)} data-testid="create-record">
            {objectText(def, t, 'new')}
          </Button>
        )}
      </div>
      <div className={styles.toolbar}>
        <Input.Search
          className={styles.search}
          allowClear
          placeholder={objectText(def, t, 'search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="list-search"
        />
        <FilterButton fields={[...fields, ...(def.filterFields ?? [])]} value={view.group} onApply={(group) => setView({ ...view, group })} />
        <ColumnChooser
          fields={fields}
          value={view.columns}
          onChange={(columns) => setView({ ...view, columns })}
          onReset={resetColumns}
          titleKey={def.titleKey}
        />
      </div>
      {selected.length > 0 && <BulkActions def={def} rows={selectedRows} onDone={() => setSelected([])} onExport={exportRows} />}
      {isEmpty ? (
        <ListEmpty def={def} canCreate={can(me, def.entity, 'create')} />
      ) : mobile ? (
        <RecordCards
          def={def}
          fields={fields}
          columns={view.columns}
          rows={list.rows}
          loading={loading}
          hasMore={!!list.hasNextPage}
          onMore={more}
          selected={selected}
          onSelect={setSelected}
          basePath={basePath}
        />
      ) : (
        <div className={styles.panel}>
          <RecordTable
            def={def}
            fields={fields}
            columns={view.columns}
            rows={list.rows}
            loading={loading}
            sort={view.sort}
            onSort={(sort) => setView({ ...view, sort })}
            selected={selected}
            onSelect={setSelected}
            onEndReached={more}
            basePath={basePath}
          />
        </div>
      )}
      {list.isError && <Typography.Text type="danger">{list.error.message}</Typography.Text>}
    </div>
  );
}
