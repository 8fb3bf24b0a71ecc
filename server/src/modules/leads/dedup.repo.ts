import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { DedupKind, LeadProbe, TDedupRule } from './dedup.rules.ts';

type Hit = { id: string; name: string; owner_id: string | null; owner_name: string | null; kind: DedupKind };

/** Open (not deleted, not converted) leads matching one rule; at most 5 per rule. */
async function leadsMatching(tx: Tx, rule: TDedupRule, p: LeadProbe, exclude: string | null): Promise<Hit[]> {
  const base = sql`l.deleted_at is null and l.status <> 'converted' ${exclude ? sql`and l.id <> ${exclude}` : sql``}`;
  let cond: RawBuilder<SqlBool>;
  switch (rule.kind) {
    case 'email':
      if (!p.emails.length) return [];
      cond = sql`exists (select 1 from jsonb_array_elements(l.emails) e where e->>'address' = any(${sql`cast(${p.emails} as text[])`}))`;
      break;
    case 'phone':
      if (!p.phones.length) return [];
      cond = sql`exists (select 1 from jsonb_array_elements(l.phones) ph where ph->>'e164' = any(${sql`cast(${p.phones} as text[])`}))`;
      break;
    case 'company_name':
      if (!p.companyName) return [];
      cond = sql`lower(l.company_name) = lower(${p.companyName}) and lower(l.name) = lower(${p.name})`;
      break;
    case 'fuzzy_name':
      if (!p.companyName) return [];
      cond = sql`lower(l.company_name) = lower(${p.companyName}) and similarity(lower(l.name), lower(${p.name})) >= ${rule.threshold ?? 0.6}`;
      break;
  }
  const { rows } = await sql<Hit>`
    select l.id, l.name, l.owner_id, u.name as owner_name, ${rule.kind} as kind
    from leads l left join users u on u.id = l.owner_id
    where ${base} and ${cond}
    order by l.created_at desc limit 5`.execute(tx);
  return rows;
}

/** Every enabled rule's hits, in rule order. */
export async function findDuplicateLeads(tx: Tx, rules: TDedupRule[], probe: LeadProbe, exclude: string | null = null) {
  const out: (Hit & { rule: TDedupRule })[] = [];
  for (const rule of rules.filter((r) => r.enabled)) for (const hit of await leadsMatching(tx, rule, probe, exclude)) out.push({ ...hit, rule });
  return out;
}

export type CustomerHit = {
  object: 'contact' | 'company';
  id: string;
  name: string;
  matched_on: 'email' | 'phone' | 'company_name' | 'name';
  owner_id: string | null;
  owner_name: string | null;
};

/**
 * Contacts and companies a lead resembles, whatever their owner (撞单: the rep must know someone
 * already works this customer). Only names and owners leave this query, never contact details.
 */
export async function findCustomerMatches(tx: Tx, p: LeadProbe): Promise<CustomerHit[]> {
  const emails = sql`cast(${p.emails} as text[])`;
  const phones = sql`cast(${p.phones} as text[])`;
  const { rows } = await sql<CustomerHit>`
    with hits as (
      select 'contact' as object, c.id, c.name, 'email' as matched_on, c.owner_id from contacts c
        where c.deleted_at is null and exists (select 1 from jsonb_array_elements(c.emails) e where e->>'address' = any(${emails}))
      union all
      select 'contact', c.id, c.name, 'phone', c.owner_id from contacts c
        where c.deleted_at is null and exists (select 1 from jsonb_array_elements(c.phones) ph where ph->>'e164' = any(${phones}))
      union all
      select 'company', co.id, co.name, 'email', co.owner_id from companies co
        where co.deleted_at is null and exists (select 1 from jsonb_array_elements(co.emails) e where e->>'address' = any(${emails}))
      union all
      select 'company', co.id, co.name, 'phone', co.owner_id from companies co
        where co.deleted_at is null and exists (select 1 from jsonb_array_elements(co.phones) ph where ph->>'e164' = any(${phones}))
      union all
      select 'company', co.id, co.name, 'company_name', co.owner_id from companies co
        where co.deleted_at is null and ${p.companyName ?? ''} <> '' and lower(co.name) = lower(${p.companyName ?? ''})
    )
    select distinct on (h.object, h.id) h.object, h.id, h.name, h.matched_on, h.owner_id, u.name as owner_name
    from hits h left join users u on u.id = h.owner_id
    order by h.object, h.id
    limit 10`.execute(tx);
  return rows;
}
