import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Deps } from '#platform/deps.ts';
import { forecast } from './forecast.service.ts';
import { funnel } from './funnel.service.ts';
import { leaderboard } from './leaderboard.service.ts';
import type { ReportOptions } from './report-context.service.ts';
import { ZForecastReport, ZFunnelReport, ZLeaderboardReport, ZReportQuery, ZWinLossReport } from './reports.schema.ts';
import { winLoss } from './win-loss.service.ts';

const SCOPE = ' Figures cover only the deals (and activities) the caller may read: a rep their own, a manager their team.';

const REPORTS: [string, string, z.ZodType, (o: ReportOptions) => Promise<unknown>][] = [
  ['forecast', 'Weighted pipeline, forecast categories and won actuals by month, owner and team', ZForecastReport, forecast],
  ['funnel', 'Stage-to-stage conversion of the deals created in the period (one pipeline)', ZFunnelReport, funnel],
  ['win-loss', 'Win rate, sales cycle and lost reasons of the deals closed in the period', ZWinLossReport, winLoss],
  ['leaderboard', 'Won amount and activities per user in the period', ZLeaderboardReport, leaderboard],
];

/** GET /api/v1/reports/{forecast,funnel,win-loss,leaderboard}: read-only sales reports. */
export function reportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const [path, summary, response, run] of REPORTS) {
    r.get(
      `/api/v1/reports/${path}`,
      { schema: { tags: ['reports'], summary, description: summary + SCOPE, querystring: ZReportQuery, response: { 200: response } } },
      async (req) => run({ deps, ctx: req.ctx, query: req.query }),
    );
  }
}
