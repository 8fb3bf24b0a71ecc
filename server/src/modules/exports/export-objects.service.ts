import type { Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';

export type Exportable = { def: ObjectDefinition<Versioned>; path: string; fields: string[]; defaultColumns: string[] };

export type ExportableOfOptions = { tx: Tx; deps: Deps; object: string };
/**
 * An object whose list view exports through the record list path (same scope, filter and
 * masking as the list API): any object in the registry with the `export` capability, custom
 * objects included. Undefined for any other name.
 */
export async function exportableOf({ tx, deps, object }: ExportableOfOptions): Promise<Exportable | undefined> {
  const declaration = (await deps.objects.forTenant(tx)).find((d) => d.name === object);
  const def = declaration?.definition as ObjectDefinition<Versioned> | undefined;
  if (!declaration?.capabilities.includes('export') || !def) return undefined;
  const fields = [...new Set([...(declaration.fields ?? []), ...Object.keys(def.catalog)])];
  return { def, path: declaration.path ?? object, fields, defaultColumns: [...(declaration.listColumns ?? ['name'])] };
}
