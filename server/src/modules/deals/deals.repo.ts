import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';

/** Rank of a live card in one column, or undefined when it is not there. */
export async function rankInColumn(tx: Tx, o: { stageId: string; id: string }): Promise<string | undefined> {
  const row = await tx
    .selectFrom('deals')
    .select('rank')
    .where('id', '=', o.id)
    .where('stage_id', '=', o.stageId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.rank;
}

/** The first rank of a column after `after` (or the first of all), skipping the card being moved. */
export async function nextRank(tx: Tx, o: { stageId: string; after: string | null; excludeId: string | null }): Promise<string | null> {
  const { rows } = await sql<{ rank: string }>`
    select rank from deals
    where stage_id = ${o.stageId} and deleted_at is null
      ${o.after === null ? sql`` : sql`and rank > ${o.after}`}
      ${o.excludeId ? sql`and id <> ${o.excludeId}` : sql``}
    order by rank limit 1`.execute(tx);
  return rows[0]?.rank ?? null;
}

export type LinkTarget = { id: string; owner_id: string | null; company_id: string | null; name: string };

export async function findCompanyOrContact(tx: Tx, table: 'companies' | 'contacts', id: string): Promise<LinkTarget | undefined> {
  if (table === 'contacts')
    return tx.selectFrom('contacts').select(['id', 'owner_id', 'company_id', 'name']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  const row = await tx.selectFrom('companies').select(['id', 'owner_id', 'name']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row && { ...row, company_id: null };
}

/** Phone digits of the deal's contact and company, so `q` finds a deal by a customer's number. */
export async function phoneDigitsOfLinks(tx: Tx, o: { companyId: string | null; contactId: string | null }): Promise<string> {
  const { rows } = await sql<{ d: string }>`
    select phone_digits as d from companies where id = ${o.companyId}
    union all select phone_digits from contacts where id = ${o.contactId}`.execute(tx);
  return rows
    .map((r) => r.d)
    .filter(Boolean)
    .join(' ');
}

export type HistoryInsert = {
  tenant_id: string;
  id: string;
  deal_id: string;
  pipeline_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  changed_by: string | null;
  seconds_in_from: number | null;
  amount: string;
  currency: string;
  amount_base: string | null;
};

export async function insertHistory(tx: Tx, values: HistoryInsert): Promise<void> {
  await tx.insertInto('deal_stage_history').values(values).execute();
}

export type HistoryRow = {
  id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
  seconds_in_from: number | null;
  amount: string | null;
  currency: string | null;
  amount_base: string | null;
};

export async function listHistory(tx: Tx, dealId: string): Promise<HistoryRow[]> {
  const { rows } = await sql<HistoryRow>`
    select h.id, h.from_stage_id, h.to_stage_id, h.changed_at, h.changed_by, u.name as changed_by_name,
      h.seconds_in_from, h.amount, h.currency, h.amount_base
    from deal_stage_history h left join users u on u.id = h.changed_by
    where h.deal_id = ${dealId}
    order by h.changed_at, h.id`.execute(tx);
  return rows;
}

export type BoardScope = { pipelineId: string; owners: string[] | null; where: RawBuilder<SqlBool>[] };

const scopeSql = (o: BoardScope) =>
  sql.join(
    [
      sql<SqlBool>`pipeline_id = ${o.pipelineId}`,
      sql<SqlBool>`deleted_at is null`,
      ...(o.owners ? [o.owners.length ? sql<SqlBool>`owner_id = any(${sql`cast(${o.owners} as uuid[])`})` : sql<SqlBool>`false`] : []),
      ...o.where,
    ],
    sql` and `,
  );

/** Count and sums per stage over the deals the user may see. */
export async function columnTotals(tx: Tx, o: BoardScope): Promise<{ stage_id: string; n: number; total: string; weighted: string }[]> {
  const { rows } = await sql<{ stage_id: string; n: number; total: string; weighted: string }>`
    select stage_id, count(*)::int as n, coalesce(sum(amount_base), 0)::text as total,
      coalesce(sum(round(amount_base * probability / 100.0, 2)), 0)::text as weighted
    from deals where ${scopeSql(o)}
    group by stage_id`.execute(tx);
  return rows;
}

/** One page of a column in card order (rank, then id for equal ranks). */
export async function columnPage(tx: Tx, o: BoardScope & { stageId: string; limit: number; after: { rank: string; id: string } | null }): Promise<Row[]> {
  const { rows } = await sql<Row>`
    select * from deals
    where ${scopeSql(o)} and stage_id = ${o.stageId}
      ${o.after ? sql`and (rank, id) > (${o.after.rank}, ${o.after.id}::uuid)` : sql``}
    order by rank, id
    limit ${o.limit + 1}`.execute(tx);
  return rows;
}
