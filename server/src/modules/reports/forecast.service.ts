import { type ForecastRowDb, forecastRows } from './forecast.repo.ts';
import { monthsOf } from './period.rules.ts';
import { head, type ReportOptions, runReport } from './report-context.service.ts';
import type { TForecastFigures, TForecastReport } from './reports.schema.ts';

const ZERO: TForecastFigures = {
  pipeline: '0.00',
  bestCase: '0.00',
  commit: '0.00',
  closed: '0.00',
  weighted: '0.00',
  openAmount: '0.00',
  forecast: '0.00',
  openDeals: 0,
  wonDeals: 0,
};

const figures = (r: ForecastRowDb): TForecastFigures => ({
  pipeline: r.pipeline,
  bestCase: r.best_case,
  commit: r.commit,
  closed: r.closed,
  weighted: r.weighted,
  openAmount: r.open_amount,
  forecast: r.forecast,
  openDeals: r.open_deals,
  wonDeals: r.won_deals,
});

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/**
 * The forecast for the period: weighted pipeline and forecast categories of open deals by
 * expected close month, won actuals by won month, per owner and team. Every month of the
 * period is listed, empty ones as zeros, so charts keep their axis.
 */
export function forecast(o: ReportOptions): Promise<TForecastReport> {
  return runReport(o, async (tx, frame) => {
    const rows = await forecastRows(tx, frame);
    const byMonth = new Map(rows.filter((r) => r.level === 'month').map((r) => [r.month, figures(r)]));
    const total = rows.find((r) => r.level === 'total');
    return {
      ...head(frame, total?.unconverted ?? 0),
      months: monthsOf(frame).map((month) => ({ month, ...(byMonth.get(month) ?? ZERO) })),
      owners: rows.filter((r) => r.level === 'owner').map((r) => ({ owner: ref(r.owner_id, r.owner_name), team: ref(r.team_id, r.team_name), ...figures(r) })),
      teams: rows.filter((r) => r.level === 'team').map((r) => ({ team: ref(r.team_id, r.team_name), ...figures(r) })),
      totals: total ? figures(total) : ZERO,
    };
  });
}
