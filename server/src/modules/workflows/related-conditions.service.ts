import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { withCustomFields } from '#platform/custom-fields/custom-fields.catalog.ts';
import { customDefsOf } from '#platform/custom-fields/custom-defs.memo.ts';
import type { Deps } from '#platform/deps.ts';
import type { Catalog } from '#platform/query/catalog.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export type RelatedCatalogOptions = { tx: Tx; deps: Deps; def: ObjectDefinition<{ id: string; version: number }> };
/**
 * Conditions on the records a record points at: for each reference `<x>Id` to another object
 * (a contact's `companyId`), that object's filterable fields (custom ones too) as `<x>.<field>`
 * (`company.industry`), each a subquery on the live referenced record, so the one filter grammar
 * and its operators apply unchanged. Sensitive (masked) fields are left out: a rule's condition
 * must not be a way to probe them.
 */
export async function relatedCatalog({ tx, deps, def }: RelatedCatalogOptions): Promise<Catalog> {
  const out: Catalog = {};
  const objects = await deps.objects.forTenant(tx);
  for (const f of def.fields ?? []) {
    if (!f.refTable || !f.name.endsWith('Id') || f.name.length < 3) continue;
    const rel = objects.find((o) => o.path && o.definition?.table === f.refTable)?.definition;
    if (!rel) continue;
    const customs = await customDefsOf(tx, rel.object);
    const hidden = new Set([...rel.sensitive.map((s) => s.field), ...customs.filter((c) => c.sensitive).map((c) => `custom.${c.key}`)]);
    const outer = sql.ref(`${def.table}.${snake(f.name)}`);
    const prefix = f.name.slice(0, -2);
    for (const [key, spec] of Object.entries(withCustomFields(rel.catalog, customs))) {
      if (hidden.has(key) || hidden.has(spec.field ?? '') || (key.includes('.') && !key.startsWith('custom.'))) continue;
      // The inner table is aliased, so a reference to the rule's own table (a company's parent) still reads the outer row.
      out[`${prefix}.${key}`] = {
        ...spec,
        nullable: true,
        sortable: false,
        expr: sql`(select ${spec.expr} from ${sql.table(rel.table)} as rel where rel.id = ${outer} and rel.deleted_at is null)`,
      };
    }
  }
  return out;
}
