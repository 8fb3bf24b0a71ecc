import type { Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { CustomFieldDef } from '#platform/custom-fields/custom-fields.types.ts';
import type { Deps } from '#platform/deps.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import type { ImportRefsContext, ImportSpec } from '#platform/objects/import-spec.ts';
import { parseDateTime } from './cleaning.rules.ts';
import { findRecordRef, findUserByEmail, tenantTimezone } from './import-refs.repo.ts';

export type RefContext = { deps: Deps; ctx: RequestContext; spec: ImportSpec; customDefs: CustomFieldDef[]; timezone?: string };

const missing = (field: string, object: string, value: string): FieldError => ({
  field,
  message: `imports.unresolved_${object}`,
  params: { value },
});

/** Lookup custom fields name their record by id or name: the cell becomes the record's id. */
async function resolveLookups(r: ImportRefsContext, defs: CustomFieldDef[], errors: FieldError[]) {
  const custom = r.input.custom as Record<string, unknown> | undefined;
  for (const def of defs) {
    const value = custom?.[def.key];
    if (def.type !== 'lookup' || !def.target || typeof value !== 'string' || !custom) continue;
    const found = await r.findRecord(def.target, value);
    if (found) custom[def.key] = found.id;
    else errors.push({ field: `custom.${def.key}`, message: 'imports.unresolved_record', params: { value } });
  }
}

/**
 * Turns the cells that name other records into ids: the owner (a user's email), lookup custom
 * fields, then whatever the object's spec resolves. A name, email or id that finds nothing is a
 * row error (never a silently empty link).
 */
export type ResolveReferencesOptions = { rc: RefContext; refs: Record<string, string>; input: Record<string, unknown> };

export async function resolveReferences(tx: Tx, { rc, refs, input }: ResolveReferencesOptions): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const r: ImportRefsContext = {
    tx,
    ctx: rc.ctx,
    refs,
    input,
    findRecord: async (object, value, o) => {
      const table = await rc.deps.objects.tableOf(tx, object);
      return table ? findRecordRef(tx, table, value, o) : undefined;
    },
    dateTime: async (value) => {
      rc.timezone ??= await tenantTimezone(tx, rc.ctx.tenantId);
      return parseDateTime(value, rc.timezone);
    },
    unresolved: (field, object, value) => errors.push(missing(field, object, value)),
    refuse: (error) => errors.push(error),
  };
  if (refs.owner) {
    const user = await findUserByEmail(tx, refs.owner);
    if (user) input.ownerId = user.id;
    else errors.push(missing('owner', 'user', refs.owner));
  }
  await rc.spec.resolve?.(r);
  await resolveLookups(r, rc.customDefs, errors);
  return errors;
}
