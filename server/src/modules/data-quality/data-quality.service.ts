import { inTenant } from '#db/tx.ts';
import { ownerLimit, requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { KEY_FIELDS, type QualityTable, qualityCounts } from './data-quality.repo.ts';
import type { TDataQuality, TDataQualityQuery } from './data-quality.schema.ts';

const TABLES: Record<'contact' | 'company', QualityTable> = { contact: 'contacts', company: 'companies' };
const LIST_PATH: Record<'contact' | 'company', string> = { contact: '/contacts', company: '/companies' };

/** The list filter (the list API's grammar) that shows the records behind a figure. */
const EMPTY_FILTER: Record<string, object> = {
  name: { name: { isEmpty: true } },
  email: { email: { isEmpty: true } },
  companyId: { companyId: { isEmpty: true } },
  title: { title: { isEmpty: true } },
  city: { city: { isEmpty: true } },
  ownerId: { ownerId: { isEmpty: true } },
  industry: { industry: { isEmpty: true } },
  website: { website: { isEmpty: true } },
};

const pct = (part: number, total: number) => (total ? Math.round((part / total) * 1000) / 10 : 100);

export type DataQualityOptions = { deps: Deps; ctx: RequestContext; object: 'contact' | 'company'; q: TDataQualityQuery };

/**
 * Completeness of key fields against the target, malformed emails and phones, and records
 * without activity for N months, over the records the user may read; each with its drill-down.
 */
export async function dataQuality({ deps, ctx, object, q }: DataQualityOptions): Promise<TDataQuality> {
  const scope = requireAccess(ctx.access, object, 'read');
  const staleBefore = new Date();
  staleBefore.setUTCMonth(staleBefore.getUTCMonth() - q.staleMonths);
  const table = TABLES[object];
  const counts = await inTenant(deps.db.kysely, ctx.tenantId, (tx) =>
    qualityCounts(tx, { table, owners: ownerLimit(ctx.access, scope), checks: KEY_FIELDS[table], staleBefore }),
  );
  const { total } = counts;
  const staleDate = staleBefore.toISOString().slice(0, 10);
  return {
    object,
    total,
    target: q.target,
    completeness: KEY_FIELDS[table].map(({ key }) => {
      const filled = total - (counts.missing[key] ?? 0);
      const percent = pct(filled, total);
      const filter = EMPTY_FILTER[key];
      return {
        field: key,
        filled,
        missing: total - filled,
        percent,
        meetsTarget: percent >= q.target,
        drillDown: filter ? { path: LIST_PATH[object], filter: JSON.stringify(filter) } : null,
      };
    }),
    invalid: [
      { field: 'email', count: counts.invalidEmails },
      { field: 'phone', count: counts.invalidPhones },
    ],
    stale: {
      months: q.staleMonths,
      count: counts.stale,
      drillDown: {
        path: LIST_PATH[object],
        filter: JSON.stringify({
          or: [{ lastActivityAt: { lt: staleDate } }, { and: [{ lastActivityAt: { isEmpty: true } }, { createdAt: { lt: staleDate } }] }],
        }),
      },
    },
    // Suspected duplicates live in the dedup module's review queue (it exports no count yet).
    duplicates: { count: null, reviewPath: `/duplicates?object=${object}` },
  };
}
