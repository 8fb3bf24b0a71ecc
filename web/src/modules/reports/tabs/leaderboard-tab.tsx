import { Card, Col, Row, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportChart } from '../charts/report-chart';
import { type LeaderboardRow, type ReportFilters, useReport } from '../reports-api';
import { compact, money, plot } from '../report-format';
import { type ReportColumn, ReportTable } from '../report-table';
import { ReportState } from './report-state';

type Metric = 'wonAmount' | 'activities';

/** Who won the most and who was most active in the period: a ranked bar chart and the full table. */
export function LeaderboardTab({ filters }: { filters: ReportFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [metric, setMetric] = useState<Metric>('wonAmount');
  const report = useReport('leaderboard', filters);
  const data = report.data;
  const currency = data?.baseCurrency ?? 'CNY';

  const option = useMemo(() => {
    const ranked = [...(data?.rows ?? [])]
      .sort((a, b) => (metric === 'activities' ? b.activities - a.activities : plot(b.wonAmount) - plot(a.wonAmount)))
      .slice(0, 10)
      .reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => (metric === 'activities' ? String(v) : money(String(v), currency, lang)),
      },
      xAxis: { type: 'value', minInterval: metric === 'activities' ? 1 : 0, axisLabel: { formatter: (v: number) => compact(v, lang) } },
      yAxis: { type: 'category', data: ranked.map((r) => r.owner.name) },
      series: [
        {
          type: 'bar',
          name: t(`reports.leaderboard.${metric}`),
          data: ranked.map((r) => (metric === 'activities' ? r.activities : plot(r.wonAmount))),
          itemStyle: { color: metric === 'activities' ? '#13c2c2' : '#1677ff' },
          label: { show: true, position: 'right', formatter: (p: { value: number }) => (metric === 'activities' ? String(p.value) : compact(p.value, lang)) },
        },
      ],
    };
  }, [data, metric, currency, lang, t]);

  const columns: ReportColumn<LeaderboardRow & { rank?: number }>[] = [
    { key: 'rank', title: '#', value: (r) => r.rank ?? '' },
    { key: 'owner', title: t('reports.owner'), value: (r) => r.owner.name },
    { key: 'team', title: t('reports.team'), value: (r) => r.team?.name ?? '' },
    {
      key: 'wonAmount',
      title: t('reports.leaderboard.wonAmount'),
      value: (r) => r.wonAmount,
      render: (r) => money(r.wonAmount, currency, lang),
      numeric: true,
    },
    { key: 'wonDeals', title: t('reports.leaderboard.wonDeals'), value: (r) => r.wonDeals, numeric: true },
    { key: 'activities', title: t('reports.leaderboard.activities'), value: (r) => r.activities, numeric: true },
    { key: 'calls', title: t('reports.leaderboard.calls'), value: (r) => r.calls, numeric: true },
    { key: 'meetings', title: t('reports.leaderboard.meetings'), value: (r) => r.meetings, numeric: true },
    { key: 'emails', title: t('reports.leaderboard.emails'), value: (r) => r.emails, numeric: true },
    { key: 'notes', title: t('reports.leaderboard.notes'), value: (r) => r.notes, numeric: true },
    { key: 'tasksDone', title: t('reports.leaderboard.tasksDone'), value: (r) => r.tasksDone, numeric: true },
  ];

  return (
    <ReportState query={report}>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card
            size="small"
            title={t('reports.leaderboard.title')}
            extra={
              <Segmented<Metric>
                size="small"
                value={metric}
                onChange={setMetric}
                options={[
                  { value: 'wonAmount', label: t('reports.leaderboard.wonAmount') },
                  { value: 'activities', label: t('reports.leaderboard.activities') },
                ]}
                data-testid="leaderboard-metric"
              />
            }
          >
            <ReportChart option={option} height={Math.max(200, Math.min(10, data?.rows.length ?? 0) * 36 + 40)} testId="leaderboard-chart" />
          </Card>
        </Col>
        <Col span={24}>
          <ReportTable
            title={t('reports.leaderboard.table')}
            rows={(data?.rows ?? []).map((r, i) => ({ ...r, rank: i + 1 }))}
            columns={columns}
            rowKey={(r) => r.owner.id}
            fileName={`leaderboard-${filters.from}-${filters.to}`}
            testId="leaderboard-table"
          />
        </Col>
      </Row>
    </ReportState>
  );
}
