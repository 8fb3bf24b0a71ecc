import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { scopeOf } from '../access/access.ts';
import type { RequestContext } from '../context.ts';
import { listDefs } from '../custom-fields/custom-fields.repo.ts';
import type { Deps } from '../deps.ts';
import { recordChange } from '../events/record-change.ts';
import { newId } from '../ids.ts';
import type { ObjectDeclaration } from '../objects/object-registry.ts';
import { checkLayout, layoutFieldKeys } from './layouts.check.ts';
import { layoutErrors } from './layouts.errors.ts';
import * as repo from './layouts.repo.ts';
import type { TLayout, TLayoutSection, TPutLayoutRequest } from './layouts.schema.ts';

export type LayoutOptions = { deps: Deps; ctx: RequestContext; object: string };
export type PutLayoutOptions = LayoutOptions & { input: TPutLayoutRequest; version?: number | undefined };

const toLayout = (object: string, row: repo.LayoutRow | undefined): TLayout => ({
  object,
  listColumns: (row?.list_columns as string[] | null | undefined) ?? null,
  sections: (row?.sections as TLayoutSection[] | null | undefined) ?? null,
  version: row?.version ?? 0,
});

/** A record object of the tenant's registry (standard or custom), or a 404. */
async function recordObject(tx: Tx, deps: Deps, name: string): Promise<ObjectDeclaration> {
  const found = (await deps.objects.forTenant(tx)).find((d) => d.name === name && d.definition);
  if (!found) throw layoutErrors.unknownObject();
  return found;
}

/** The object's layout, or its defaults (nulls, version 0); for anyone who may read the object. */
export async function getLayout(o: LayoutOptions): Promise<TLayout> {
  if (scopeOf(o.ctx.access, o.object, 'read') === 'none') throw layoutErrors.forbidden();
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    await recordObject(tx, o.deps, o.object);
    return toLayout(o.object, await repo.findLayout(tx, o.object));
  });
}

/** Replaces the object's layout (admin; If-Match its version, 0 before the first save), audited. */
export async function putLayout(o: PutLayoutOptions): Promise<TLayout> {
  if (!o.ctx.access.isAdmin) throw layoutErrors.forbidden();
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const declaration = await recordObject(tx, o.deps, o.object);
    const defs = await listDefs(tx, declaration.name);
    const known = layoutFieldKeys({
      fields: declaration.fields,
      catalog: Object.keys(declaration.definition?.catalog ?? {}),
      customKeys: defs.map((d) => d.key),
    });
    const errors = checkLayout(o.input, known);
    if (errors.length) throw layoutErrors.invalid(errors);

    const row = await repo.findLayout(tx, o.object);
    const current = row?.version ?? 0;
    if (o.version !== undefined && o.version !== current) throw layoutErrors.stale(o.version, current);
    const values = {
      list_columns: o.input.listColumns ? JSON.stringify(o.input.listColumns) : null,
      sections: o.input.sections ? JSON.stringify(o.input.sections) : null,
      updated_by: o.ctx.userId,
    };
    const saved = row
      ? await repo.updateLayout(tx, { object: o.object, version: current, values })
      : await repo.insertLayout(tx, { tenantId: o.ctx.tenantId, id: newId(), object: o.object, values });
    // Another admin saved between our read and write.
    if (!saved) throw layoutErrors.stale(current, current + 1);
    const [before, after] = [row ? toLayout(o.object, row) : null, toLayout(o.object, saved)];
    await recordChange(tx, o.ctx, { action: row ? 'updated' : 'created', objectType: 'layout', objectId: saved.id, before, after });
    return after;
  });
}
