import type { TFunction } from 'i18next';
import type { ForecastReport } from '../reports-api';
import { compact, money, monthLabel, plot } from '../report-format';

export const CATEGORY_COLORS = { closed: '#52c41a', commit: '#1677ff', bestCase: '#69b1ff', pipeline: '#bfbfbf', forecast: '#fa8c16' };

/** Stacked forecast categories per month with the forecast (won + weighted) as a line. */
export function forecastOption(data: ForecastReport, t: TFunction, lang: string) {
  const cur = data.baseCurrency;
  const stack = (key: 'closed' | 'commit' | 'bestCase' | 'pipeline') => ({
    type: 'bar',
    stack: 'categories',
    name: t(`reports.forecast.${key}`),
    itemStyle: { color: CATEGORY_COLORS[key] },
    data: data.months.map((m) => plot(m[key])),
  });
  return {
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => money(String(v), cur, lang) },
    xAxis: { type: 'category', data: data.months.map((m) => monthLabel(m.month, lang)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v, lang) } },
    series: [
      stack('closed'),
      stack('commit'),
      stack('bestCase'),
      stack('pipeline'),
      {
        type: 'line',
        name: t('reports.forecast.forecast'),
        itemStyle: { color: CATEGORY_COLORS.forecast },
        data: data.months.map((m) => plot(m.forecast)),
      },
    ],
  };
}

/** Weighted pipeline and won per owner or team, largest first. */
export function splitOption(rows: { label: string; weighted: string; closed: string }[], data: ForecastReport, t: TFunction, lang: string) {
  const top = rows.slice(0, 10).reverse();
  return {
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => money(String(v), data.baseCurrency, lang) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v, lang) } },
    yAxis: { type: 'category', data: top.map((r) => r.label) },
    series: [
      { type: 'bar', stack: 'f', name: t('reports.forecast.closed'), itemStyle: { color: CATEGORY_COLORS.closed }, data: top.map((r) => plot(r.closed)) },
      { type: 'bar', stack: 'f', name: t('reports.forecast.weighted'), itemStyle: { color: CATEGORY_COLORS.commit }, data: top.map((r) => plot(r.weighted)) },
    ],
  };
}
