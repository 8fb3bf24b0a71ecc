import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import type { CustomFieldDef, CustomizableObject, FieldOption, Localized } from './custom-fields.types.ts';

type DefRow = {
  id: string;
  object: string;
  key: string;
  label: unknown;
  type: string;
  required: boolean;
  is_unique: boolean;
  sensitive: boolean;
  default_value: unknown;
  options: unknown;
  target: string | null;
  position: number;
  version: number;
};

export const toDef = (row: DefRow): CustomFieldDef => ({
  id: row.id,
  object: row.object as CustomizableObject,
  key: row.key,
  label: row.label as Localized,
  type: row.type as CustomFieldDef['type'],
  required: row.required,
  unique: row.is_unique,
  sensitive: row.sensitive,
  defaultValue: row.default_value ?? null,
  options: (row.options ?? []) as FieldOption[],
  target: row.target ?? null,
  position: row.position,
  version: row.version,
});

export async function listDefs(tx: Tx, object?: CustomizableObject): Promise<CustomFieldDef[]> {
  let query = tx.selectFrom('custom_field_defs').selectAll().where('deleted_at', 'is', null);
  if (object) query = query.where('object', '=', object);
  return (await query.orderBy('object').orderBy('position').orderBy('key').execute()).map(toDef);
}

export const findDef = async (tx: Tx, id: string) =>
  tx.selectFrom('custom_field_defs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();

export const findDefByKey = (tx: Tx, object: string, key: string) =>
  tx.selectFrom('custom_field_defs').select('id').where('object', '=', object).where('key', '=', key).executeTakeFirst();

export const insertDef = (tx: Tx, values: Record<string, unknown>) =>
  tx
    .insertInto('custom_field_defs')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();

export const updateDef = (tx: Tx, id: string, values: Record<string, unknown>, version: number) =>
  tx
    .updateTable('custom_field_defs')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const deleteDef = (tx: Tx, id: string) => tx.deleteFrom('custom_field_defs').where('id', '=', id).execute();

/** Does another live record of the table already hold this value in the custom field? */
export async function customValueTaken(tx: Tx, table: string, key: string, value: unknown, exceptId: string | null): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    select id from ${sql.table(table)}
    where deleted_at is null and custom->>${sql.lit(key)} = ${String(value)} and id is distinct from ${exceptId}
    limit 1`.execute(tx);
  return rows.length > 0;
}

export async function userExists(tx: Tx, id: string): Promise<boolean> {
  return !!(await tx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst());
}
