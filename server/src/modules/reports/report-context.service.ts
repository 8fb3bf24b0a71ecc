import { inTenant, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { type Period, resolvePeriod, todayIn } from './period.rules.ts';
import { reportOwners } from './report-scope.service.ts';
import { reportSettings } from './reports.repo.ts';
import type { TReportQuery } from './reports.schema.ts';

export type ReportOptions = { deps: Deps; ctx: RequestContext; query: TReportQuery };

/** What every report query starts from: period bounds in the tenant's zone and the owners in scope. */
export type ReportFrame = Period & {
  timezone: string;
  baseCurrency: string;
  /** Deal owners the viewer may see (scope, team and owner filters); null for all. */
  owners: string[] | null;
  pipelineId: string | undefined;
};

/** Opens the tenant transaction, resolves period and deal scope once, and runs the report in it. */
export function runReport<T>(o: ReportOptions, work: (tx: Tx, frame: ReportFrame) => Promise<T>): Promise<T> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const owners = await reportOwners({ tx, ctx: o.ctx, object: 'deal', teamId: o.query.teamId, ownerId: o.query.ownerId });
    const settings = await reportSettings(tx);
    const period = resolvePeriod(o.query, todayIn(settings.timezone));
    return work(tx, { ...period, ...settings, owners, pipelineId: o.query.pipelineId });
  });
}

/** The fields every report answer starts with. */
export const head = (f: ReportFrame, unconvertedDeals: number) => ({
  from: f.from,
  to: f.to,
  baseCurrency: f.baseCurrency,
  unconvertedDeals,
});
