import type { Tx } from '#db/tx.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { Deps } from '#platform/deps.ts';
import type { ImportSpec } from '#platform/objects/import-spec.ts';
import { definitionOf } from '#platform/objects/object-registry.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import type { Versioned } from '#platform/records/record-service.ts';

/** A registry object rows can be imported into: its declaration's import spec and record definition. */
export type Importable = { name: string; spec: ImportSpec; def: ObjectDefinition<Versioned> };

/** Every object of the tenant (standard, then custom) with the `import` capability, in registry order. */
export async function importablesOf(tx: Tx, deps: Deps): Promise<Importable[]> {
  return (await deps.objects.forTenant(tx)).flatMap((d) => {
    const def = definitionOf<Versioned>(d);
    return d.capabilities.includes('import') && d.import && def ? [{ name: d.name, spec: d.import, def }] : [];
  });
}

/** The importable object of that name, or undefined (unknown, not a record object, or not importable). */
export type ImportableOfOptions = { deps: Deps; object: string };

export async function importableOf(tx: Tx, { deps, object }: ImportableOfOptions): Promise<Importable | undefined> {
  return (await importablesOf(tx, deps)).find((i) => i.name === object);
}

/** What an import row needs to know of its object: spec, record definition, the parent's definition and the custom fields. */
export type ImportTarget = {
  spec: ImportSpec;
  def: ObjectDefinition<Versioned>;
  parentDef: ObjectDefinition<Versioned> | undefined;
  customDefs: CustomFieldDef[];
};

export type ImportTargetOptions = { deps: Deps; object: string };

export async function importTarget(tx: Tx, { deps, object }: ImportTargetOptions): Promise<ImportTarget | undefined> {
  const found = await importableOf(tx, { deps, object });
  if (!found) return undefined;
  const parent = found.spec.parent ? (await deps.objects.forTenant(tx)).find((d) => d.name === found.spec.parent?.object) : undefined;
  return { spec: found.spec, def: found.def, parentDef: parent && definitionOf<Versioned>(parent), customDefs: await listDefs(tx, object) };
}
