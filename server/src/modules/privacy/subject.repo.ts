import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { Row } from '#platform/records/records.repo.ts';
import type { Subject } from './privacy-requests.rules.ts';
import type { ObjectPlan, PersonalField } from './subject.rules.ts';

export type ColumnInfo = { nullable: boolean; type: string; generated: boolean };

/** Columns of the tenant tables (those with `tenant_id`) in the app's schema, by table. */
export async function tenantTableColumns(tx: Tx): Promise<Map<string, Map<string, ColumnInfo>>> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: string; data_type: string; is_generated: string }>`
    select c.table_name, c.column_name, c.is_nullable, c.data_type, c.is_generated
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema()
      and exists (select 1 from information_schema.columns k
                  where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'tenant_id')
    order by c.table_name, c.ordinal_position`.execute(tx);
  const tables = new Map<string, Map<string, ColumnInfo>>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? new Map<string, ColumnInfo>();
    columns.set(r.column_name, { nullable: r.is_nullable === 'YES', type: r.data_type, generated: r.is_generated === 'ALWAYS' });
    tables.set(r.table_name, columns);
  }
  return tables;
}

const storedValue = (f: PersonalField): RawBuilder<string> =>
  f.custom ? sql<string>`(custom->>${f.key})` : f.json ? sql<string>`(${sql.ref(f.column)}::text)` : sql<string>`${sql.ref(f.column)}`;

/** True where a personal field holds the subject's e-mail or phone (json: as a whole string value; text: the whole value). */
function matches(f: PersonalField, subject: Subject): RawBuilder<SqlBool>[] {
  if (!f.matchable) return [];
  const value = storedValue(f);
  const json = !f.custom && f.json;
  const out: RawBuilder<SqlBool>[] = [];
  if (subject.email) out.push(json ? sql<SqlBool>`strpos(lower(${value}), ${`"${subject.email}"`}) > 0` : sql<SqlBool>`lower(${value}) = ${subject.email}`);
  // Keeping digits and quotes turns [{"number":"138 0013 8000","e164":"+86..."}] into ""13800138000""86...": a whole value matches between quotes.
  for (const digits of subject.phoneDigits)
    out.push(
      json
        ? sql<SqlBool>`strpos(regexp_replace(${value}, '[^0-9"]', '', 'g'), ${`"${digits}"`}) > 0`
        : sql<SqlBool>`regexp_replace(${value}, '\\D', '', 'g') = ${digits}`,
    );
  return out;
}

/** The object's records (recycle bin included) whose personal fields hold the subject's e-mail or phone. */
export async function findSubjectRows(tx: Tx, plan: ObjectPlan, subject: Subject): Promise<Row[]> {
  const conditions = plan.personal.flatMap((f) => matches(f, subject));
  if (!conditions.length) return [];
  const { rows } = await sql<Row>`select * from ${sql.table(plan.table)} where ${sql.join(conditions, sql` or `)} order by id`.execute(tx);
  return rows;
}

/** The object's records that point at one of `targets` (table -> ids) and are not in `exclude`. */
export async function findRelatedRows(tx: Tx, plan: ObjectPlan, targets: Map<string, string[]>, exclude: Set<string>): Promise<Row[]> {
  const conditions = plan.refs.flatMap((r) => {
    const ids = targets.get(r.table);
    if (!ids?.length) return [];
    const column = r.custom ? sql`(custom->>${r.column})` : sql`${sql.ref(r.column)}::text`;
    return [sql<SqlBool>`${column} = any(${ids})`];
  });
  if (!conditions.length) return [];
  const { rows } = await sql<Row>`select * from ${sql.table(plan.table)} where ${sql.join(conditions, sql` or `)} order by id`.execute(tx);
  return rows.filter((r) => !exclude.has(r.id));
}

export type AuditRow = { id: string; at: Date; actor_id: string | null; action: string; object_type: string; object_id: string | null; changes: unknown };

/** Audit entries about any of the records, and the changes imports made to them (the import journal, #21), oldest first. */
export async function auditRowsOf(tx: Tx, ids: string[]): Promise<AuditRow[]> {
  if (!ids.length) return [];
  const rows = await tx
    .selectFrom('record_history')
    .select(['id', 'at', 'actor_id', 'action', 'object_type', 'object_id', 'changes'])
    .where('object_id', 'in', ids)
    .orderBy('id')
    .execute();
  // The view's columns read as nullable; those of its tables are not.
  return rows as AuditRow[];
}

/** A user of the tenant has the subject's e-mail: erasing them would break sign-in and ownership. */
export async function isUser(tx: Tx, subject: Subject): Promise<boolean> {
  if (!subject.email) return false;
  const row = await tx.selectFrom('users').select('id').where(sql<SqlBool>`lower(email) = ${subject.email}`).executeTakeFirst();
  return !!row;
}
