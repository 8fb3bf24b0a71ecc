import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

export type TemplateRow = {
  id: string;
  object: string;
  name: string;
  mapping: { header: string; field: string }[];
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

export async function listTemplates(tx: Tx, object: string): Promise<TemplateRow[]> {
  const { rows } = await sql<TemplateRow>`select id, object, name, mapping, created_by, created_at, updated_at
    from import_mapping_templates where object = ${object} order by name`.execute(tx);
  return rows;
}

export async function findTemplate(tx: Tx, id: string): Promise<TemplateRow | undefined> {
  const { rows } = await sql<TemplateRow>`select id, object, name, mapping, created_by, created_at, updated_at
    from import_mapping_templates where id = ${id}`.execute(tx);
  return rows[0];
}

/** Saves under a name; the same name for the same object replaces the earlier mapping. */
export async function upsertTemplate(
  tx: Tx,
  v: { tenantId: string; id: string; object: string; name: string; mapping: TemplateRow['mapping']; createdBy: string | null },
): Promise<TemplateRow> {
  const { rows } = await sql<TemplateRow>`insert into import_mapping_templates (tenant_id, id, object, name, mapping, created_by)
    values (${v.tenantId}, ${v.id}, ${v.object}, ${v.name}, ${JSON.stringify(v.mapping)}, ${v.createdBy})
    on conflict (tenant_id, object, name) do update set mapping = excluded.mapping, updated_at = now()
    returning id, object, name, mapping, created_by, created_at, updated_at`.execute(tx);
  return rows[0] as TemplateRow;
}

export async function deleteTemplate(tx: Tx, id: string): Promise<void> {
  await sql`delete from import_mapping_templates where id = ${id}`.execute(tx);
}
