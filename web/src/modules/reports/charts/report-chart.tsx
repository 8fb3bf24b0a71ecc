import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';
import { PageSpinner } from '#shared/ui/page-spinner';

// ECharts loads in its own chunk the first time a chart is drawn, whichever page draws it.
const EChartView = lazy(() => import('./echart-view').then((m) => ({ default: m.EChartView })));

type Props = { option: EChartsCoreOption; height?: number; testId?: string };

export function ReportChart({ option, height = 320, testId }: Props) {
  return (
    <Suspense fallback={<PageSpinner />}>
      <EChartView option={option} height={height} testId={testId} />
    </Suspense>
  );
}
