import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { ColumnInfo } from './subject.repo.ts';

/** Sets an erased record's personal columns (values given), drops its personal custom keys and bumps its version. */
export async function anonymiseRow(
  tx: Tx,
  o: { table: string; id: string; values: Record<string, unknown>; customKeys: string[]; userId: string | null; columns: Map<string, ColumnInfo> },
): Promise<void> {
  const sets: RawBuilder<unknown>[] = Object.entries(o.values).map(([column, value]) => {
    const json = o.columns.get(column)?.type === 'jsonb';
    return sql`${sql.ref(column)} = ${json && value !== null ? JSON.stringify(value) : value}`;
  });
  if (o.customKeys.length) sets.push(sql`custom = custom - cast(${o.customKeys} as text[])`);
  if (o.columns.has('version')) sets.push(sql`version = version + 1`);
  if (o.columns.has('updated_at')) sets.push(sql`updated_at = now()`);
  if (o.columns.has('updated_by')) sets.push(sql`updated_by = ${o.userId}`);
  if (!sets.length) return;
  await sql`update ${sql.table(o.table)} set ${sql.join(sets)} where id = ${o.id}`.execute(tx);
}

const TEXTUAL = new Set(['text', 'character varying', 'jsonb', 'json']);
/** Hashes and the request's own package hold nothing to sweep (and are handled by the erasure itself). */
const NOT_SWEPT = new Set(['privacy_suppressions', 'privacy_exports']);

/**
 * Replaces `pattern` (a case-insensitive regular expression) with `replacement` in every text and
 * json column of every tenant table, in the rows `pointingAt` one of the ids when given (by any
 * uuid column), else in all the tenant's rows. Returns the rows changed per table.
 */
export async function sweep(
  tx: Tx,
  o: { tables: Map<string, Map<string, ColumnInfo>>; pattern: string | null; replacement: string; pointingAt?: string[] },
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (!o.pattern) return counts;
  for (const [table, columns] of o.tables) {
    if (NOT_SWEPT.has(table)) continue;
    const textual = [...columns].filter(([name, c]) => TEXTUAL.has(c.type) && !c.generated && name !== 'tenant_id');
    if (!textual.length) continue;
    const where: RawBuilder<SqlBool>[] = [
      sql`(${sql.join(
        textual.map(([name]) => sql`${sql.ref(name)}::text ~* ${o.pattern}`),
        sql` or `,
      )})`,
    ];
    if (o.pointingAt) {
      const uuids = [...columns].filter(([name, c]) => c.type === 'uuid' && name !== 'tenant_id').map(([name]) => name);
      if (!uuids.length || !o.pointingAt.length) continue;
      const ids = sql`cast(${o.pointingAt} as uuid[])`;
      where.push(
        sql`(${sql.join(
          uuids.map((u) => sql`${sql.ref(u)} = any(${ids})`),
          sql` or `,
        )})`,
      );
    }
    const sets = textual.map(([name, c]) => {
      const replaced = sql`regexp_replace(${sql.ref(name)}::text, ${o.pattern}, ${o.replacement}, 'gi')`;
      const cast = c.type === 'jsonb' ? sql`${replaced}::jsonb` : c.type === 'json' ? sql`${replaced}::json` : replaced;
      return sql`${sql.ref(name)} = case when ${sql.ref(name)}::text ~* ${o.pattern} then ${cast} else ${sql.ref(name)} end`;
    });
    const result = await sql`update ${sql.table(table)} set ${sql.join(sets)} where ${sql.join(where, sql` and `)}`.execute(tx);
    const n = Number(result.numAffectedRows ?? 0);
    if (n) counts[table] = n;
  }
  return counts;
}
