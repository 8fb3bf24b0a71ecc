import { inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { maskEmail, maskPhone } from '#platform/crypto/mask.ts';
import { invalid } from '#platform/errors/app-error.ts';
import { type PoolFollowerRow, poolFollowers, poolPage } from './pool-list.repo.ts';
import type { TPoolCustomer, TPoolCustomersQuery } from './pool.schema.ts';
import { poolTarget } from './pool-targets.definition.ts';
import { visiblePool } from './pools.service.ts';

const encode = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decode(raw: string): { at: string; id: string } {
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && !Number.isNaN(Date.parse(String(v[0]))) && /^[0-9a-f-]{36}$/i.test(String(v[1])))
      return { at: String(v[0]), id: String(v[1]) };
  } catch {}
  throw invalid('cursor', 'fields.bad_cursor');
}

const phonesOf = (list: { number?: string }[] | null) => (list ?? []).flatMap((p) => (p.number ? [maskPhone(p.number)] : []));
const emailsOf = (list: PoolFollowerRow['emails'] | null) => (list ?? []).flatMap((e) => (e.address ? [maskEmail(e.address)] : []));

export type ListPoolCustomersOptions = { deps: Deps; ctx: RequestContext; poolId: string; query: TPoolCustomersQuery };

/**
 * A page of the records in a pool the caller sees (companies with a preview of their contacts,
 * or B2C contacts). Phones and e-mails are always masked here, whatever the caller's field
 * rights: they are the claim's reward.
 */
export async function listPoolCustomers(o: ListPoolCustomersOptions) {
  const { deps, ctx, query } = o;
  const after = query.cursor ? decode(query.cursor) : null;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const pool = await visiblePool({ tx, ctx, id: o.poolId });
    const target = poolTarget(deps.objects, pool.object);
    const rows = await poolPage(tx, { target, poolId: pool.id, ...(query.q ? { q: query.q } : {}), after, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const followers: PoolFollowerRow[] = [];
    for (const follower of target.followers) followers.push(...(await poolFollowers(tx, { follower, parentIds: page.map((r) => r.id) })));
    const now = Date.now();
    const data: TPoolCustomer[] = page.map((r) => {
      const until = r.previous_owner_id === ctx.userId && r.released_at ? r.released_at.getTime() + pool.reclaim_cooldown_days * 86_400_000 : 0;
      return {
        object: pool.object,
        id: r.id,
        name: r.name,
        industry: target.subtitle === 'industry' ? r.subtitle : null,
        title: target.subtitle === 'title' ? r.subtitle : null,
        city: r.address?.city ?? null,
        source: r.source,
        phones: phonesOf(r.phones),
        emails: emailsOf(r.emails),
        poolId: r.pool_id,
        pooledAt: r.pooled_at?.toISOString() ?? null,
        pooledReason: r.pooled_reason,
        returnReason: r.return_reason,
        previousOwner: r.previous_owner_id && r.previous_owner_name ? { id: r.previous_owner_id, name: r.previous_owner_name } : null,
        lastActivityAt: r.last_activity_at?.toISOString() ?? null,
        cooldownUntil: until > now ? new Date(until).toISOString() : null,
        contacts: followers
          .filter((c) => c.parent_id === r.id)
          .map((c) => ({ id: c.id, name: c.name, title: c.subtitle, phones: phonesOf(c.phones), emails: emailsOf(c.emails) })),
        contactCount: Number(r.follower_count),
      };
    });
    const last = page.at(-1);
    return { data, nextCursor: rows.length > query.limit && last ? encode(last.pooled_text, last.id) : null };
  });
}
