import './messages';
import { Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ReportFilterBar } from './filters/report-filter-bar';
import { useReportFilters } from './filters/use-report-filters';
import { ForecastTab } from './tabs/forecast-tab';
import { FunnelTab } from './tabs/funnel-tab';
import { LeaderboardTab } from './tabs/leaderboard-tab';
import { WinLossTab } from './tabs/win-loss-tab';

const TABS = ['forecast', 'funnel', 'win-loss', 'leaderboard'] as const;
type Tab = (typeof TABS)[number];

/** /reports: forecast, funnel, win/loss and leaderboard over one filter bar; tab and filters live in the URL. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { filters, update } = useReportFilters();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'forecast';
  const select = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  const body = (key: Tab) => {
    if (key !== tab) return null;
    switch (key) {
      case 'forecast':
        return <ForecastTab filters={filters} />;
      case 'funnel':
        return <FunnelTab filters={filters} />;
      case 'win-loss':
        return <WinLossTab filters={filters} />;
      case 'leaderboard':
        return <LeaderboardTab filters={filters} />;
    }
  };
  return (
    <Flex vertical gap={12} data-testid="reports-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <ReportFilterBar filters={filters} onChange={update} />
      <Tabs
        activeKey={tab}
        onChange={select}
        items={TABS.map((key) => ({ key, label: <span data-testid={`report-tab-${key}`}>{t(`reports.tabs.${key}`)}</span>, children: body(key) }))}
      />
    </Flex>
  );
}
