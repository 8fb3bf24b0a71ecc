import { Decimal } from 'decimal.js';
import { ownersFor } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { inTenantRead } from '#db/tx.ts';
import { AGEING_BUCKETS, ageingBucket, money } from './contract-money.rules.ts';
import type { TReceivablesRow } from './contracts.schema.ts';
import { tenantToday } from './payments.repo.ts';
import { openInstalments } from './receivables.repo.ts';

export type ReceivablesOptions = { deps: Deps; ctx: RequestContext; asOf?: string | undefined; companyId?: string | undefined };

/**
 * Receivables by customer and currency on `asOf` (default: today in the tenant's time zone): contracted, received, what is
 * outstanding and overdue, and the open amounts in ageing buckets (not due, 1-30, 31-60, 61-90,
 * 90+ days past due). Reads only instalments the user may read (own/team/all), so a rep sees
 * their customers' receivables and no one else's.
 */
export async function receivables(o: ReceivablesOptions): Promise<{ asOf: string; data: TReceivablesRow[] }> {
  const owners = ownersFor(o.ctx.access, 'instalment', ['read']);
  const { asOf, rows } = await inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => ({
    asOf: o.asOf ?? (await tenantToday(tx)),
    rows: await openInstalments(tx, { owners, companyId: o.companyId ?? null }),
  }));
  const groups = new Map<string, { row: TReceivablesRow; sums: Record<string, Decimal> }>();
  for (const r of rows) {
    const key = `${r.company_id ?? ''}|${r.currency}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        row: { companyId: r.company_id, company: r.company, currency: r.currency } as TReceivablesRow,
        sums: Object.fromEntries(['contracted', 'received', 'outstanding', 'overdue', ...AGEING_BUCKETS].map((k) => [k, new Decimal(0)])),
      };
      groups.set(key, g);
    }
    const s = g.sums as Record<string, Decimal>;
    const open = Decimal.max(0, new Decimal(r.amount).minus(r.paid_amount));
    s.contracted = (s.contracted as Decimal).plus(r.amount);
    s.received = (s.received as Decimal).plus(r.paid_amount);
    s.outstanding = (s.outstanding as Decimal).plus(open);
    const bucket = ageingBucket(r.due_on, asOf);
    s[bucket] = (s[bucket] as Decimal).plus(open);
    if (bucket !== 'notDue') s.overdue = (s.overdue as Decimal).plus(open);
  }
  const data = [...groups.values()]
    .map((g) => ({ ...g.row, ...Object.fromEntries(Object.entries(g.sums).map(([k, v]) => [k, money(v)])) }) as TReceivablesRow)
    .sort((a, b) => new Decimal(b.outstanding).cmp(a.outstanding) || (a.company ?? '').localeCompare(b.company ?? ''));
  return { asOf, data };
}
