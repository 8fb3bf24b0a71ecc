import '../messages';
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReportChart } from '../charts/report-chart';
import { localToday, presetRange } from '../filters/period-presets';
import { localName, useReport } from '../reports-api';
import { money, percentText } from '../report-format';
import { forecastOption } from '../tabs/forecast-chart';

/** Dashboard cards: this quarter's forecast and funnel, each linking to its full report. */
export function SalesWidgets() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const filters = useMemo(() => presetRange('thisQuarter', localToday()), []);
  const forecast = useReport('forecast', filters);
  const funnel = useReport('funnel', filters);
  const f = forecast.data;
  const chart = useMemo(() => f && forecastOption(f, t, lang), [f, t, lang]);
  const stages = funnel.data?.stages ?? [];
  const funnelChart = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          top: 4,
          bottom: 4,
          minSize: '10%',
          gap: 2,
          label: { position: 'inside', formatter: '{b} {c}' },
          data: stages.map((s) => ({ name: localName(s.stage.name, lang), value: s.reached })),
        },
      ],
    }),
    [stages, lang],
  );
  const won = stages.find((s) => s.stage.type === 'won');
  const link = (tab: string) => <Link to={`/reports?tab=${tab}`}>{t('reports.widgets.open')}</Link>;

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="sales-widgets">
      <Col xs={24} lg={14}>
        <Card title={t('reports.widgets.forecast')} extra={link('forecast')} loading={forecast.isPending}>
          {f && chart && (
            <>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('reports.forecast.forecast')} value={money(f.totals.forecast, f.baseCurrency, lang)} valueStyle={{ fontSize: 18 }} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('reports.forecast.closed')} value={money(f.totals.closed, f.baseCurrency, lang)} valueStyle={{ fontSize: 18 }} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('reports.forecast.weighted')} value={money(f.totals.weighted, f.baseCurrency, lang)} valueStyle={{ fontSize: 18 }} />
                </Col>
              </Row>
              <ReportChart option={chart} height={220} />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('reports.widgets.funnel')} extra={link('funnel')} loading={funnel.isPending}>
          {funnel.data?.cohort ? (
            <>
              <Statistic
                title={t('reports.funnel.overall')}
                value={percentText(won?.fromStart ?? null, lang)}
                suffix={<span style={{ fontSize: 12 }}>{t('reports.widgets.ofCreated', { count: funnel.data.cohort })}</span>}
                valueStyle={{ fontSize: 18 }}
              />
              <ReportChart option={funnelChart} height={220} />
            </>
          ) : (
            <Empty description={t('reports.funnel.empty')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
