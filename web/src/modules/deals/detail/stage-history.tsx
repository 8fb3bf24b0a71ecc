import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '#shared/format/format';
import { type Deal, dealKeys, dealsApi, type HistoryEntry, nameOf, type Pipeline } from '../deals-api';
import { formatDuration } from '../duration';

/** Every stage move, oldest first, with how long the deal stayed in the stage it left. */
export function StageHistory({ deal, pipelines }: { deal: Deal; pipelines: Pipeline[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const history = useQuery({ queryKey: dealKeys.history(deal.id), queryFn: () => dealsApi.history(deal.id) });
  const stages = new Map(pipelines.flatMap((p) => p.stages).map((s) => [s.id, s]));
  const name = (id: string | null) => (id ? nameOf(stages.get(id)?.name, lang) : t('deals.detail.created'));
  return (
    <Table<HistoryEntry>
      data-testid="stage-history"
      rowKey="id"
      size="small"
      pagination={false}
      loading={history.isPending}
      dataSource={history.data ?? []}
      scroll={{ x: 560 }}
      columns={[
        { key: 'from', title: t('deals.detail.from'), render: (_, h) => name(h.fromStageId) },
        { key: 'to', title: t('deals.detail.to'), render: (_, h) => name(h.toStageId) },
        { key: 'time', title: t('deals.detail.timeInStage'), render: (_, h) => (h.secondsInFrom === null ? '—' : formatDuration(h.secondsInFrom, t)) },
        { key: 'amount', title: t('deals.fields.amount'), render: (_, h) => formatMoney(h.amount, h.currency, lang) },
        { key: 'at', title: t('deals.detail.at'), render: (_, h) => formatDateTime(h.changedAt, lang) },
        { key: 'by', title: t('deals.detail.by'), render: (_, h) => h.changedBy?.name ?? '—' },
      ]}
    />
  );
}
