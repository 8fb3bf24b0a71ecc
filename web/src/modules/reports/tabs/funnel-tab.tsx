import { Card, Empty } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportChart } from '../charts/report-chart';
import { type FunnelStage, localName, type ReportFilters, useReport } from '../reports-api';
import { daysText, money, percentText } from '../report-format';
import { type ReportColumn, ReportTable } from '../report-table';
import { KpiRow } from './kpi';
import { ReportState } from './report-state';

/** How the deals created in the period moved through the pipeline's stages. */
export function FunnelTab({ filters }: { filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const report = useReport('funnel', filters);
  const data = report.data;
  const cur = data?.baseCurrency ?? 'CNY';
  const stageName = useCallback((s: FunnelStage) => localName(s.stage.name, lang), [lang]);

  const option = useMemo(() => {
    const stages = data?.stages ?? [];
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const s = stages[p.dataIndex];
          if (!s) return '';
          return `${stageName(s)}<br/>${t('reports.funnel.reached')}: ${s.reached} (${percentText(s.fromStart, lang)})`;
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '5%',
          width: '90%',
          top: 8,
          bottom: 8,
          minSize: '8%',
          gap: 2,
          label: { show: true, position: 'inside', formatter: (p: { name: string; value: number }) => `${p.name}  ${p.value}` },
          data: stages.map((s) => ({ name: stageName(s), value: s.reached, itemStyle: s.stage.type === 'won' ? { color: '#52c41a' } : undefined })),
        },
      ],
    };
  }, [data, t, lang, stageName]);

  const columns: ReportColumn<FunnelStage>[] = [
    { key: 'stage', title: t('reports.funnel.stage'), value: stageName },
    { key: 'probability', title: t('reports.funnel.probability'), value: (r) => r.stage.probability, render: (r) => `${r.stage.probability}%`, numeric: true },
    { key: 'reached', title: t('reports.funnel.reached'), value: (r) => r.reached, numeric: true },
    { key: 'movedOn', title: t('reports.funnel.movedOn'), value: (r) => r.movedOn, numeric: true },
    { key: 'conversion', title: t('reports.funnel.conversion'), value: (r) => r.conversion, render: (r) => percentText(r.conversion, lang), numeric: true },
    { key: 'fromStart', title: t('reports.funnel.fromStart'), value: (r) => r.fromStart, render: (r) => percentText(r.fromStart, lang), numeric: true },
    { key: 'current', title: t('reports.funnel.current'), value: (r) => r.current, numeric: true },
    { key: 'lostHere', title: t('reports.funnel.lostHere'), value: (r) => r.lostHere, numeric: true },
    {
      key: 'avgDays',
      title: t('reports.funnel.avgDays'),
      value: (r) => r.avgDaysInStage,
      render: (r) => daysText(r.avgDaysInStage, lang, t('reports.days')),
      numeric: true,
    },
    {
      key: 'reachedAmount',
      title: t('reports.funnel.reachedAmount'),
      value: (r) => r.reachedAmount,
      render: (r) => money(r.reachedAmount, cur, lang),
      numeric: true,
    },
  ];
  const won = data?.stages.find((s) => s.stage.type === 'won');

  return (
    <ReportState query={report}>
      {data && !data.pipeline && <Empty description={t('reports.funnel.noPipeline')} />}
      {data?.pipeline && (
        <>
          <KpiRow
            items={[
              { key: 'cohort', title: t('reports.funnel.cohort'), value: data.cohort, hint: localName(data.pipeline.name, lang) },
              { key: 'won', title: t('reports.funnel.won'), value: won?.reached ?? 0 },
              { key: 'overall', title: t('reports.funnel.overall'), value: percentText(won?.fromStart ?? null, lang) },
              {
                key: 'open',
                title: t('reports.funnel.stillOpen'),
                value: data.stages.filter((s) => s.stage.type === 'open').reduce((n, s) => n + s.current, 0),
              },
            ]}
          />
          <Card size="small" title={t('reports.funnel.title')}>
            {data.cohort ? (
              <ReportChart option={option} height={Math.max(240, data.stages.length * 48)} testId="funnel-chart" />
            ) : (
              <Empty description={t('reports.funnel.empty')} />
            )}
          </Card>
          <ReportTable
            title={t('reports.funnel.table')}
            rows={data.stages}
            columns={columns}
            rowKey={(r) => r.stage.id}
            fileName={`funnel-${filters.from}-${filters.to}`}
            testId="funnel-table"
          />
        </>
      )}
    </ReportState>
  );
}
