import type { Tx } from '#db/tx.ts';
import { withCustomFields } from '#platform/custom-fields/custom-fields.catalog.ts';
import { listDefs } from '#platform/custom-fields/custom-fields.repo.ts';
import type { Deps } from '#platform/deps.ts';
import { AppError, type FieldError } from '#platform/errors/app-error.ts';
import type { ObjectDeclaration } from '#platform/objects/object-registry.ts';
import type { Catalog } from '#platform/query/catalog.ts';
import { compileFilter } from '#platform/query/filter.ts';
import type { ObjectDefinition } from '#platform/records/object-definition.ts';
import { recordMatches } from './requests.repo.ts';

/** A record object of the tenant's registry (standard or custom) with its custom fields in the catalog. */
export type Target = { declaration: ObjectDeclaration; def: ObjectDefinition<{ id: string; version: number }>; catalog: Catalog };

export type TargetOfOptions = { tx: Tx; deps: Deps; name: string };
/** Any object of the registry that has records (custom objects included); nothing here names one. */
export async function targetOf({ tx, deps, name }: TargetOfOptions): Promise<Target | undefined> {
  const declaration = (await deps.objects.forTenant(tx)).find((o) => o.name === name && o.path && o.definition);
  if (!declaration?.definition) return undefined;
  const def = declaration.definition as Target['def'];
  return { declaration, def, catalog: withCustomFields(def.catalog, await listDefs(tx, def.object as 'contact')) };
}

export type FilterErrorsOptions = { filter: unknown; catalog: Catalog; path: string };
/** The filter's problems, reported at `path` (the grammar's own messages: unknown field, wrong operator...). */
export function filterErrors({ filter, catalog, path }: FilterErrorsOptions): FieldError[] {
  if (filter == null) return [];
  try {
    compileFilter(JSON.stringify(filter), catalog);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.errors.map((e) => ({ ...e, field: path }));
  }
}

export type MatchesOptions = { tx: Tx; target: Target; recordId: string; filter: unknown };
/** Does the record match the filter (null: always)? */
export async function matches({ tx, target, recordId, filter }: MatchesOptions): Promise<boolean> {
  if (filter == null) return true;
  const where = compileFilter(JSON.stringify(filter), target.catalog);
  return where ? recordMatches(tx, target.def.table, recordId, where) : true;
}
