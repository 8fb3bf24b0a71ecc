import { Card, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportChart } from '../charts/report-chart';
import { type ForecastFigures, type ReportFilters, useReport } from '../reports-api';
import { money, monthLabel } from '../report-format';
import { type ReportColumn, ReportTable } from '../report-table';
import { forecastOption, splitOption } from './forecast-chart';
import { figureColumns } from './forecast-columns';
import { KpiRow } from './kpi';
import { ReportState } from './report-state';

type Split = 'owner' | 'team';
type Labeled = ForecastFigures & { key: string; label: string };

/** Weighted pipeline and forecast categories by expected close month, won actuals, and the split by owner or team. */
export function ForecastTab({ filters }: { filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [split, setSplit] = useState<Split>('owner');
  const report = useReport('forecast', filters);
  const data = report.data;
  const cur = data?.baseCurrency ?? 'CNY';
  const none = t('reports.none');

  const splitRows = useMemo<Labeled[]>(() => {
    if (!data) return [];
    return split === 'owner'
      ? data.owners.map((r) => ({ ...r, key: r.owner?.id ?? 'none', label: r.owner?.name ?? none }))
      : data.teams.map((r) => ({ ...r, key: r.team?.id ?? 'none', label: r.team?.name ?? none }));
  }, [data, split, none]);
  const chart = useMemo(() => data && forecastOption(data, t, lang), [data, t, lang]);
  const splitChart = useMemo(() => data && splitOption(splitRows, data, t, lang), [splitRows, data, t, lang]);

  const monthColumns: ReportColumn<ForecastFigures & { month: string }>[] = [
    { key: 'month', title: t('reports.month'), value: (r) => r.month, render: (r) => monthLabel(r.month, lang) },
    ...figureColumns(t, cur, lang),
  ];
  const splitColumns: ReportColumn<Labeled>[] = [
    { key: 'label', title: t(split === 'owner' ? 'reports.owner' : 'reports.team'), value: (r) => r.label },
    ...figureColumns<Labeled>(t, cur, lang),
  ];
  const total = data && { ...data.totals, month: '', key: 'total', label: '' };

  return (
    <ReportState query={report}>
      {data && chart && splitChart && (
        <>
          <KpiRow
            items={[
              {
                key: 'forecast',
                title: t('reports.forecast.forecast'),
                value: money(data.totals.forecast, cur, lang),
                hint: t('reports.forecast.forecastHint'),
              },
              {
                key: 'weighted',
                title: t('reports.forecast.weighted'),
                value: money(data.totals.weighted, cur, lang),
                hint: t('reports.forecast.openOf', { amount: money(data.totals.openAmount, cur, lang) }),
              },
              { key: 'commit', title: t('reports.forecast.commit'), value: money(data.totals.commit, cur, lang) },
              {
                key: 'closed',
                title: t('reports.forecast.closed'),
                value: money(data.totals.closed, cur, lang),
                hint: t('reports.forecast.wonCount', { count: data.totals.wonDeals }),
              },
            ]}
          />
          <Card size="small" title={t('reports.forecast.byMonth')}>
            <ReportChart option={chart} testId="forecast-chart" />
          </Card>
          <ReportTable
            title={t('reports.forecast.byMonthTable')}
            rows={data.months}
            columns={monthColumns}
            rowKey={(r) => r.month}
            summary={total}
            fileName={`forecast-by-month-${filters.from}-${filters.to}`}
            testId="forecast-months"
          />
          <Card
            size="small"
            title={t(split === 'owner' ? 'reports.forecast.byOwner' : 'reports.forecast.byTeam')}
            extra={
              <Segmented<Split>
                size="small"
                value={split}
                onChange={setSplit}
                options={[
                  { value: 'owner', label: t('reports.owner') },
                  { value: 'team', label: t('reports.team') },
                ]}
              />
            }
          >
            <ReportChart option={splitChart} height={Math.max(180, Math.min(10, splitRows.length) * 36 + 60)} />
          </Card>
          <ReportTable
            title={t(split === 'owner' ? 'reports.forecast.byOwner' : 'reports.forecast.byTeam')}
            rows={splitRows}
            columns={splitColumns}
            rowKey={(r) => r.key}
            summary={total}
            fileName={`forecast-by-${split}-${filters.from}-${filters.to}`}
            testId="forecast-split"
          />
        </>
      )}
    </ReportState>
  );
}
