import type { TFunction } from 'i18next';
import type { ForecastFigures } from '../reports-api';
import { money } from '../report-format';
import type { ReportColumn } from '../report-table';

/** The figure columns every forecast table shares, after its own first column. */
export function figureColumns<R extends ForecastFigures>(t: TFunction, currency: string, lang: string): ReportColumn<R>[] {
  const amount = (key: keyof ForecastFigures & ('pipeline' | 'bestCase' | 'commit' | 'closed' | 'weighted' | 'forecast')): ReportColumn<R> => ({
    key,
    title: t(`reports.forecast.${key}`),
    value: (r) => r[key],
    render: (r) => money(r[key], currency, lang),
    numeric: true,
  });
  return [
    amount('pipeline'),
    amount('bestCase'),
    amount('commit'),
    amount('closed'),
    amount('weighted'),
    amount('forecast'),
    { key: 'openDeals', title: t('reports.forecast.openDeals'), value: (r) => r.openDeals, numeric: true },
    { key: 'wonDeals', title: t('reports.forecast.wonDeals'), value: (r) => r.wonDeals, numeric: true },
  ];
}
