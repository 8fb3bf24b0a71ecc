import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type QualityTable = 'contacts' | 'companies';
export type CheckSql = { key: string; missing: RawBuilder<boolean> };

const EMAIL = '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$';

/**
 * One pass over the visible, live records: how many there are, how many miss each key field,
 * how many carry a malformed email or a phone that did not parse, and how many went stale.
 */
export async function qualityCounts(
  tx: Tx,
  o: { table: QualityTable; owners: string[] | null; checks: CheckSql[]; staleBefore: Date },
): Promise<{ total: number; missing: Record<string, number>; invalidEmails: number; invalidPhones: number; stale: number }> {
  const owners = o.owners ? sql`and owner_id = any(${o.owners}::uuid[])` : sql``;
  const missing = o.checks.map((c) => sql`count(*) filter (where ${c.missing})::int as ${sql.ref(`m_${c.key}`)}`);
  const { rows } = await sql<Record<string, number>>`select count(*)::int as total,
      ${sql.join(missing)},
      count(*) filter (where exists (select 1 from jsonb_array_elements(emails) e where not (e->>'address') ~ ${EMAIL}))::int as invalid_emails,
      count(*) filter (where exists (select 1 from jsonb_array_elements(phones) p where p->>'e164' is null))::int as invalid_phones,
      count(*) filter (where coalesce(last_activity_at, created_at) < ${o.staleBefore})::int as stale
    from ${sql.table(o.table)} where deleted_at is null ${owners}`.execute(tx);
  const r = rows[0] ?? {};
  return {
    total: r.total ?? 0,
    missing: Object.fromEntries(o.checks.map((c) => [c.key, r[`m_${c.key}`] ?? 0])),
    invalidEmails: r.invalid_emails ?? 0,
    invalidPhones: r.invalid_phones ?? 0,
    stale: r.stale ?? 0,
  };
}

/** Key fields and what "missing" means for each, per table. */
export const KEY_FIELDS: Record<QualityTable, CheckSql[]> = {
  contacts: [
    { key: 'name', missing: sql<boolean>`coalesce(name, '') = ''` },
    { key: 'email', missing: sql<boolean>`jsonb_array_length(emails) = 0` },
    { key: 'phone', missing: sql<boolean>`jsonb_array_length(phones) = 0` },
    { key: 'companyId', missing: sql<boolean>`company_id is null` },
    { key: 'title', missing: sql<boolean>`coalesce(title, '') = ''` },
    { key: 'city', missing: sql<boolean>`coalesce(address->>'city', '') = ''` },
    { key: 'ownerId', missing: sql<boolean>`owner_id is null` },
  ],
  companies: [
    { key: 'name', missing: sql<boolean>`coalesce(name, '') = ''` },
    { key: 'industry', missing: sql<boolean>`coalesce(industry, '') = ''` },
    { key: 'phone', missing: sql<boolean>`jsonb_array_length(phones) = 0` },
    { key: 'website', missing: sql<boolean>`coalesce(website, '') = ''` },
    { key: 'city', missing: sql<boolean>`coalesce(address->>'city', '') = ''` },
    { key: 'ownerId', missing: sql<boolean>`owner_id is null` },
  ],
};
