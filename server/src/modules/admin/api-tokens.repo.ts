import { type Insertable, sql } from 'kysely';
import type { ApiTokens } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import { type Catalog, column } from '#platform/query/catalog.ts';
import { cursorColumns, orderBy } from '#platform/query/sort.ts';
import type { ListPlan } from './list-page.mapper.ts';

// The hash is written once and never selected here: lookups by hash live in platform/auth.
const COLUMNS = ['id', 'user_id', 'name', 'prefix', 'scopes', 'rate_limit', 'expires_at', 'last_used_at', 'revoked_at', 'created_at'] as const;

export const TOKEN_CATALOG: Catalog = {
  userId: column('user_id', 'uuid', { nullable: false }),
  name: column('name', 'text', { nullable: false }),
  createdAt: column('created_at', 'datetime', { nullable: false }),
  lastUsedAt: column('last_used_at', 'datetime'),
  expiresAt: column('expires_at', 'datetime'),
  revokedAt: column('revoked_at', 'datetime'),
};

export type ListTokensOptions = { plan: ListPlan; q: string | undefined; userId: string | null };

export async function listTokens(tx: Tx, { plan, q, userId }: ListTokensOptions) {
  let query = tx.selectFrom('api_tokens').select(COLUMNS).select(cursorColumns(plan.keys));
  if (userId) query = query.where('user_id', '=', userId);
  if (plan.where) query = query.where(plan.where);
  if (plan.after) query = query.where(plan.after);
  if (q) query = query.where('name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return query
    .orderBy(orderBy(plan.keys))
    .limit(plan.limit + 1)
    .execute();
}

export const findToken = (tx: Tx, id: string) => tx.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
export type TokenRow = NonNullable<Awaited<ReturnType<typeof findToken>>>;

export async function insertToken(tx: Tx, values: Insertable<ApiTokens>) {
  await tx.insertInto('api_tokens').values(values).execute();
  return (await findToken(tx, values.id)) as TokenRow;
}

export async function revokeToken(tx: Tx, id: string) {
  await tx.updateTable('api_tokens').set({ revoked_at: sql`now()` }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  return (await findToken(tx, id)) as TokenRow;
}
