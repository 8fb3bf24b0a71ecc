import { scopeOf } from '#platform/access/access.ts';
import { head, type ReportOptions, runReport } from './report-context.service.ts';
import { reportOwners } from './report-scope.service.ts';
import { leaderboardRows } from './leaderboard.repo.ts';
import type { TLeaderboardReport } from './reports.schema.ts';

/**
 * Won amount and activity counts per user for the period, best first. Users are those the
 * viewer's deal scope covers; activity counts further obey the activity read scope.
 */
export function leaderboard(o: ReportOptions): Promise<TLeaderboardReport> {
  return runReport(o, async (tx, frame) => {
    // Without any activity read scope the counts are zero rather than the whole report refused.
    const activityOwners = scopeOf(o.ctx.access, 'activity', 'read') === 'none' ? [] : await reportOwners({ tx, ctx: o.ctx, object: 'activity' });
    const rows = await leaderboardRows(tx, { ...frame, activityOwners });
    return {
      ...head(
        frame,
        rows.reduce((n, r) => n + r.unconverted, 0),
      ),
      rows: rows.map((r) => ({
        owner: { id: r.owner_id, name: r.owner_name },
        team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
        wonAmount: r.won_amount,
        wonDeals: r.won_deals,
        activities: r.activities,
        calls: r.calls,
        meetings: r.meetings,
        emails: r.emails,
        notes: r.notes,
        tasksDone: r.tasks_done,
      })),
    };
  });
}
