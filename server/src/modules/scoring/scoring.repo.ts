import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

export type SettingsRow = {
  half_life_days: string | number;
  warm_at: number;
  hot_at: number;
  predictive_fields: string[];
  updated_at: Date | null;
  version: number;
};
const DEFAULT_SETTINGS: SettingsRow = {
  half_life_days: 30,
  warm_at: 30,
  hot_at: 60,
  predictive_fields: ['industry', 'region', 'source', 'company_size', 'campaign', 'utm_source'],
  updated_at: null,
  version: 0,
};

/** The tenant's settings, or the defaults before anyone saved them (version 0). */
export async function findSettings(tx: Tx): Promise<SettingsRow> {
  const row = await tx
    .selectFrom('scoring_settings')
    .select(['half_life_days', 'warm_at', 'hot_at', 'predictive_fields', 'updated_at', 'version'])
    .executeTakeFirst();
  return row ?? DEFAULT_SETTINGS;
}

export async function upsertSettings(
  tx: Tx,
  tenantId: string,
  values: Omit<SettingsRow, 'updated_at' | 'version'>,
  userId: string | null,
): Promise<SettingsRow> {
  return tx
    .insertInto('scoring_settings')
    .values({ tenant_id: tenantId, ...values, half_life_days: String(values.half_life_days), updated_by: userId })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet((eb) => ({
        half_life_days: eb.ref('excluded.half_life_days'),
        warm_at: eb.ref('excluded.warm_at'),
        hot_at: eb.ref('excluded.hot_at'),
        predictive_fields: eb.ref('excluded.predictive_fields'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: sql`now()`,
        version: sql`scoring_settings.version + 1`,
      })),
    )
    .returning(['half_life_days', 'warm_at', 'hot_at', 'predictive_fields', 'updated_at', 'version'])
    .executeTakeFirstOrThrow();
}

export type GroupRow = {
  id: string;
  name: string;
  cap: number | null;
  position: number;
  active: boolean;
  rules: unknown;
  created_at: Date;
  updated_at: Date;
  version: number;
};
const GROUP_COLUMNS = ['id', 'name', 'cap', 'position', 'active', 'rules', 'created_at', 'updated_at', 'version'] as const;

export const listGroups = (tx: Tx, activeOnly = false): Promise<GroupRow[]> =>
  tx
    .selectFrom('scoring_groups')
    .select(GROUP_COLUMNS)
    .$if(activeOnly, (q) => q.where('active', '=', true))
    .orderBy('position')
    .orderBy('created_at')
    .execute();

export const findGroup = (tx: Tx, id: string): Promise<GroupRow | undefined> =>
  tx.selectFrom('scoring_groups').select(GROUP_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();

export async function nextGroupPosition(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('scoring_groups')
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export const insertGroup = (
  tx: Tx,
  values: { tenant_id: string; id: string; name: string; cap: number | null; position: number; active: boolean; rules: string; created_by: string | null },
) =>
  tx
    .insertInto('scoring_groups')
    .values({ ...values, updated_by: values.created_by })
    .returning(GROUP_COLUMNS)
    .executeTakeFirstOrThrow();

export const updateGroup = (tx: Tx, id: string, values: Record<string, unknown>) =>
  tx
    .updateTable('scoring_groups')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .returning(GROUP_COLUMNS)
    .executeTakeFirstOrThrow();

export const deleteGroup = (tx: Tx, id: string) => tx.deleteFrom('scoring_groups').where('id', '=', id).execute();

/** A live lead row (with `for update`, so a rescoring and an assignment of the same lead queue up). */
export async function findLeadRow(tx: Tx, id: string, lock = false): Promise<Row | undefined> {
  const q = tx.selectFrom('leads').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
  return (lock ? q.forUpdate() : q).executeTakeFirst() as Promise<Row | undefined>;
}

export type EngagementRow = { id: string; lead_id: string; type: string; occurred_at: Date; source: string; created_at: Date };

export const listEngagements = (tx: Tx, leadId: string): Promise<EngagementRow[]> =>
  tx
    .selectFrom('lead_engagements')
    .select(['id', 'lead_id', 'type', 'occurred_at', 'source', 'created_at'])
    .where('lead_id', '=', leadId)
    .orderBy('occurred_at', 'desc')
    .execute();

/** Inserts an engagement; a repeated `source_key` (the same activity delivered twice) inserts nothing. */
export async function insertEngagement(
  tx: Tx,
  values: {
    tenant_id: string;
    id: string;
    lead_id: string;
    type: string;
    occurred_at: Date;
    source: string;
    source_key: string | null;
    created_by: string | null;
  },
): Promise<EngagementRow | undefined> {
  return tx
    .insertInto('lead_engagements')
    .values(values)
    .onConflict((oc) => oc.columns(['tenant_id', 'source_key']).where('source_key', 'is not', null).doNothing())
    .returning(['id', 'lead_id', 'type', 'occurred_at', 'source', 'created_at'])
    .executeTakeFirst();
}

export type ScoreRow = { lead_id: string; score: number; band: string; explanation: unknown; computed_at: Date };

export const findScore = (tx: Tx, leadId: string): Promise<ScoreRow | undefined> =>
  tx.selectFrom('lead_scores').select(['lead_id', 'score', 'band', 'explanation', 'computed_at']).where('lead_id', '=', leadId).executeTakeFirst();

export async function upsertScore(tx: Tx, values: { tenant_id: string; lead_id: string; score: number; band: string; explanation: string; computed_at: Date }) {
  await tx
    .insertInto('lead_scores')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'lead_id']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        band: eb.ref('excluded.band'),
        explanation: eb.ref('excluded.explanation'),
        computed_at: eb.ref('excluded.computed_at'),
      })),
    )
    .execute();
}

/** Ids of the tenant's open leads after `after` (keyset batches for rescoring everything). */
export async function openLeadIds(tx: Tx, after: string | null, limit: number): Promise<string[]> {
  const rows = await tx
    .selectFrom('leads')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['converted', 'unqualified'])
    .$if(after !== null, (q) => q.where('id', '>', after as string))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Tenants that have scoring rules: the daily decay pass visits only these. */
export async function tenantsWithScoring(tx: Tx): Promise<string[]> {
  const rows = await tx.selectFrom('scoring_groups').select('tenant_id').distinct().execute();
  return rows.map((r) => r.tenant_id);
}

export type ActivitySignal = { id: string; type: string; lead_id: string | null; at: Date; deleted_at: Date | null };

/** What an activity says about engagement: its type, lead and when it happened (a meeting: its start). */
export async function findActivitySignal(tx: Tx, id: string): Promise<ActivitySignal | undefined> {
  const { rows } = await sql<ActivitySignal>`
    select id, type, lead_id, coalesce(starts_at, occurred_at) as at, deleted_at from activities where id = ${id}`.execute(tx);
  return rows[0];
}

/** Keeps the engagement an activity or capture stands for in step with it (one row per source). */
export async function upsertSourcedEngagement(
  tx: Tx,
  values: { tenant_id: string; id: string; lead_id: string; type: string; occurred_at: Date; source: string; source_key: string },
): Promise<void> {
  await tx
    .insertInto('lead_engagements')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'source_key'])
        .where('source_key', 'is not', null)
        .doUpdateSet((eb) => ({ lead_id: eb.ref('excluded.lead_id'), type: eb.ref('excluded.type'), occurred_at: eb.ref('excluded.occurred_at') })),
    )
    .execute();
}

/** Removes the engagement of a source (a deleted meeting); returns the lead it counted for. */
export async function deleteSourcedEngagement(tx: Tx, sourceKey: string): Promise<string | null> {
  const row = await tx.deleteFrom('lead_engagements').where('source_key', '=', sourceKey).returning('lead_id').executeTakeFirst();
  return row?.lead_id ?? null;
}

export async function sourcedEngagementLead(tx: Tx, sourceKey: string): Promise<string | null> {
  const row = await tx.selectFrom('lead_engagements').select('lead_id').where('source_key', '=', sourceKey).executeTakeFirst();
  return row?.lead_id ?? null;
}
