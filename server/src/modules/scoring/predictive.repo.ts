import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

export type ModelRow = { status: string; won: number; lost: number; model: unknown; trained_at: Date };

export const findModel = (tx: Tx): Promise<ModelRow | undefined> =>
  tx.selectFrom('scoring_models').select(['status', 'won', 'lost', 'model', 'trained_at']).executeTakeFirst();

export async function saveModel(tx: Tx, values: { tenant_id: string; status: string; won: number; lost: number; model: string | null; trained_at: Date }) {
  await tx
    .insertInto('scoring_models')
    .values(values)
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        won: eb.ref('excluded.won'),
        lost: eb.ref('excluded.lost'),
        model: eb.ref('excluded.model'),
        trained_at: eb.ref('excluded.trained_at'),
      })),
    )
    .execute();
}

/**
 * The tenant's closed outcomes: converted leads whose deal was won (true) or lost (false),
 * and unqualified leads (false). Leads whose deals are still open teach nothing yet.
 */
export async function trainingRows(tx: Tx): Promise<(Row & { won: boolean })[]> {
  const { rows } = await sql<Row & { won: boolean }>`
    select l.*, o.won from leads l
    join lateral (
      select bool_or(d.status = 'won') as won, bool_or(d.status in ('won', 'lost')) as closed
      from deals d
      where d.tenant_id = l.tenant_id and (d.id = l.converted_deal_id or d.lead_id = l.id) and d.deleted_at is null
    ) o on true
    where l.deleted_at is null and l.status = 'converted' and o.closed
    union all
    select l.*, false as won from leads l where l.deleted_at is null and l.status = 'unqualified'`.execute(tx);
  return rows;
}

/** Tenants that have at least one lead: the nightly refit visits only these. */
export async function tenantsWithLeads(tx: Tx): Promise<string[]> {
  const rows = await tx.selectFrom('leads').select('tenant_id').distinct().execute();
  return rows.map((r) => r.tenant_id);
}
