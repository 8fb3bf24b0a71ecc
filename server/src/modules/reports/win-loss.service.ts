import { Decimal } from 'decimal.js';
import { percent } from './ratios.rules.ts';
import { head, type ReportOptions, runReport } from './report-context.service.ts';
import type { TWinLossReport } from './reports.schema.ts';
import { lostReasonRows, type WinLossRowDb, winLossRows } from './win-loss.repo.ts';

/** won / (won + lost) of two decimal amounts, in percent with one decimal. */
const ratio = (won: string, lost: string): number | null => {
  const all = new Decimal(won).plus(lost);
  return all.isZero() ? null : new Decimal(won).div(all).times(100).toDecimalPlaces(1).toNumber();
};

const figures = (r: WinLossRowDb | undefined) => ({
  won: r?.won ?? 0,
  lost: r?.lost ?? 0,
  wonAmount: r?.won_amount ?? '0.00',
  lostAmount: r?.lost_amount ?? '0.00',
  winRate: r ? percent(r.won, r.won + r.lost) : null,
  winRateByAmount: r ? ratio(r.won_amount, r.lost_amount) : null,
  avgCycleDays: r?.avg_cycle_days == null ? null : Number(r.avg_cycle_days),
  medianCycleDays: r?.median_cycle_days == null ? null : Number(r.median_cycle_days),
});

/** Win rate, sales cycle and lost reasons of the deals closed in the period, in total and per owner. */
export function winLoss(o: ReportOptions): Promise<TWinLossReport> {
  return runReport(o, async (tx, frame) => {
    const rows = await winLossRows(tx, frame);
    const reasons = await lostReasonRows(tx, frame);
    const total = rows.find((r) => r.level === 'total');
    const lost = total?.lost ?? 0;
    return {
      ...head(frame, total?.unconverted ?? 0),
      totals: figures(total),
      owners: rows.filter((r) => r.level === 'owner').map((r) => ({ owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null, ...figures(r) })),
      lostReasons: reasons.map((r) => ({ ...r, share: percent(r.deals, lost) ?? 0 })),
    };
  });
}
