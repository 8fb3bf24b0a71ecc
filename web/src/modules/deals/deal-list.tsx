import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrmRecord } from '#shared/api/types';
import { fieldLabel } from '#shared/fields/field-label';
import { FieldValue } from '#shared/fields/field-value';
import { formatDate, formatMoney } from '#shared/format/format';
import { layoutColumns } from '#shared/records/layout';
import { useObjectFields } from '#shared/records/use-object-fields';
import { useObjectLayout } from '#shared/records/use-object-layout';
import { dealObject } from './deal-object';
import { type Deal, dealKeys, dealsApi, nameOf, type Pipeline } from './deals-api';

const STATUS_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

/**
 * The deals of a pipeline as a table, page by page (keyset cursor); its columns follow the deal layout
 * (Settings > Layouts), so rows wait for the layout rather than jump from default columns to the chosen ones.
 */
export function DealList({ pipeline, q, filter }: { pipeline: Pipeline; q: string; filter?: object }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const params = { filter: JSON.stringify({ and: [{ pipelineId: { eq: pipeline.id } }, ...(filter ? [filter] : [])] }), q, limit: 50 };
  const list = useInfiniteQuery({
    queryKey: dealKeys.list(params),
    queryFn: ({ pageParam }) => dealsApi.list({ ...params, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const { fields } = useObjectFields(dealObject);
  const { layout, loading: layoutLoading } = useObjectLayout('deal');
  const stageName = (id: string) => nameOf(pipeline.stages.find((s) => s.id === id)?.name, lang);
  const drawn: ColumnsType<Deal> = [
    { key: 'name', title: t('deals.fields.name'), render: (_, d) => <Link to={`/deals/${d.id}`}>{d.name}</Link>, fixed: 'left', width: 220 },
    { key: 'companyId', title: t('deals.fields.company'), render: (_, d) => d.company && <Link to={`/companies/${d.company.id}`}>{d.company.name}</Link> },
    { key: 'stageId', title: t('deals.fields.stage'), render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{stageName(d.stageId)}</Tag> },
    { key: 'amount', title: t('deals.fields.amount'), align: 'right', render: (_, d) => formatMoney(d.amount, d.currency, lang) },
    {
      key: 'amountBase',
      title: t('deals.fields.amountBase', { currency: rows[0]?.baseCurrency ?? '' }),
      align: 'right',
      render: (_, d) => formatMoney(d.amountBase, d.baseCurrency, lang),
    },
    { key: 'probability', title: t('deals.fields.probability'), align: 'right', render: (_, d) => `${d.probability}%` },
    {
      key: 'expectedCloseDate',
      title: t('deals.fields.expectedCloseDate'),
      render: (_, d) => (
        <>
          {formatDate(d.expectedCloseDate, lang)} {d.isOverdue && <Tag color="red">{t('deals.overdue')}</Tag>}
        </>
      ),
    },
    { key: 'forecastCategory', title: t('deals.fields.forecastCategory'), render: (_, d) => t(`deals.forecast.${d.forecastCategory}`) },
    { key: 'ownerId', title: t('deals.fields.owner'), render: (_, d) => d.owner?.name },
  ];
  // The name column always leads; the others in the layout's order, any other field drawn as its type.
  const byKey = new Map(drawn.map((c) => [String(c.key), c]));
  const columns: ColumnsType<Deal> = [
    byKey.get('name') as ColumnsType<Deal>[number],
    ...layoutColumns(fields, layout?.listColumns)
      .filter((k) => k !== 'name')
      .flatMap((k): ColumnsType<Deal> => {
        const own = byKey.get(k);
        if (own) return [own];
        const field = fields.find((f) => f.key === k);
        return field
          ? [{ key: k, title: fieldLabel(field, t, lang), render: (_, d) => <FieldValue def={field} record={d as unknown as CrmRecord} compact /> }]
          : [];
      }),
  ];
  return (
    <div data-testid="deal-list">
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={layoutLoading ? [] : rows}
        loading={list.isPending || layoutLoading}
        pagination={false}
        scroll={{ x: 1100 }}
      />
      {list.hasNextPage && (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 12 }}>
          {t('deals.loadMore')}
        </Button>
      )}
    </div>
  );
}
