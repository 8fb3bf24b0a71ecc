import { Card, Col, Empty, Row } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportChart } from '../charts/report-chart';
import { type LostReason, type ReportFilters, useReport, type WinLossFigures } from '../reports-api';
import { compact, daysText, money, percentText } from '../report-format';
import { type ReportColumn, ReportTable } from '../report-table';
import { KpiRow } from './kpi';
import { ReportState } from './report-state';

type OwnerRow = WinLossFigures & { owner: { id: string; name: string } | null };

/** Win rate, sales cycle and why deals were lost, for deals closed in the period. */
export function WinLossTab({ filters }: { filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const report = useReport('win-loss', filters);
  const data = report.data;
  const cur = data?.baseCurrency ?? 'CNY';
  const reasonLabel = useCallback(
    (r: LostReason) => (r.reason ? t(`reports.lostReasons.${r.reason}`, { defaultValue: r.reason }) : t('reports.lostReasons.none')),
    [t],
  );
  const days = t('reports.days');

  const pie = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{d}%' },
          data: (data?.lostReasons ?? []).map((r) => ({ name: reasonLabel(r), value: r.deals })),
        },
      ],
    }),
    [data, reasonLabel],
  );
  const ownerBars = useMemo(() => {
    const owners = [...(data?.owners ?? [])].reverse();
    return {
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => compact(v, lang) } },
      yAxis: { type: 'category', data: owners.map((o) => o.owner?.name ?? t('reports.none')) },
      series: [
        { type: 'bar', stack: 'n', name: t('reports.winLoss.won'), itemStyle: { color: '#52c41a' }, data: owners.map((o) => o.won) },
        { type: 'bar', stack: 'n', name: t('reports.winLoss.lost'), itemStyle: { color: '#ff7875' }, data: owners.map((o) => o.lost) },
      ],
    };
  }, [data, t, lang]);

  const reasonColumns: ReportColumn<LostReason>[] = [
    { key: 'reason', title: t('reports.winLoss.reason'), value: reasonLabel },
    { key: 'deals', title: t('reports.winLoss.deals'), value: (r) => r.deals, numeric: true },
    { key: 'share', title: t('reports.winLoss.share'), value: (r) => r.share, render: (r) => percentText(r.share, lang), numeric: true },
    { key: 'amount', title: t('reports.winLoss.amount'), value: (r) => r.amount, render: (r) => money(r.amount, cur, lang), numeric: true },
  ];
  const ownerColumns: ReportColumn<OwnerRow>[] = [
    { key: 'owner', title: t('reports.owner'), value: (r) => r.owner?.name ?? t('reports.none') },
    { key: 'won', title: t('reports.winLoss.won'), value: (r) => r.won, numeric: true },
    { key: 'lost', title: t('reports.winLoss.lost'), value: (r) => r.lost, numeric: true },
    { key: 'winRate', title: t('reports.winLoss.winRate'), value: (r) => r.winRate, render: (r) => percentText(r.winRate, lang), numeric: true },
    { key: 'wonAmount', title: t('reports.winLoss.wonAmount'), value: (r) => r.wonAmount, render: (r) => money(r.wonAmount, cur, lang), numeric: true },
    { key: 'lostAmount', title: t('reports.winLoss.lostAmount'), value: (r) => r.lostAmount, render: (r) => money(r.lostAmount, cur, lang), numeric: true },
    { key: 'avgCycle', title: t('reports.winLoss.avgCycle'), value: (r) => r.avgCycleDays, render: (r) => daysText(r.avgCycleDays, lang, days), numeric: true },
  ];

  return (
    <ReportState query={report}>
      {data && (
        <>
          <KpiRow
            items={[
              {
                key: 'winRate',
                title: t('reports.winLoss.winRate'),
                value: percentText(data.totals.winRate, lang),
                hint: t('reports.winLoss.wonOf', { won: data.totals.won, closed: data.totals.won + data.totals.lost }),
              },
              {
                key: 'winRateByAmount',
                title: t('reports.winLoss.winRateByAmount'),
                value: percentText(data.totals.winRateByAmount, lang),
                hint: money(data.totals.wonAmount, cur, lang),
              },
              { key: 'avgCycle', title: t('reports.winLoss.avgCycle'), value: daysText(data.totals.avgCycleDays, lang, days) },
              { key: 'medianCycle', title: t('reports.winLoss.medianCycle'), value: daysText(data.totals.medianCycleDays, lang, days) },
            ]}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('reports.winLoss.lostReasons')}>
                {data.lostReasons.length ? (
                  <ReportChart option={pie} height={300} testId="lost-reasons-chart" />
                ) : (
                  <Empty description={t('reports.winLoss.noLost')} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('reports.winLoss.byOwner')}>
                {data.owners.length ? (
                  <ReportChart option={ownerBars} height={300} testId="win-loss-chart" />
                ) : (
                  <Empty description={t('reports.winLoss.noClosed')} />
                )}
              </Card>
            </Col>
          </Row>
          <ReportTable
            title={t('reports.winLoss.lostReasons')}
            rows={data.lostReasons}
            columns={reasonColumns}
            rowKey={(r) => r.reason ?? 'none'}
            fileName={`lost-reasons-${filters.from}-${filters.to}`}
            testId="lost-reasons-table"
          />
          <ReportTable
            title={t('reports.winLoss.byOwner')}
            rows={data.owners}
            columns={ownerColumns}
            rowKey={(r) => r.owner?.id ?? 'none'}
            summary={{ ...data.totals, owner: null }}
            fileName={`win-loss-by-owner-${filters.from}-${filters.to}`}
            testId="win-loss-table"
          />
        </>
      )}
    </ReportState>
  );
}
