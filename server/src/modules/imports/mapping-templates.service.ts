import { inTenant, type Tx } from '#db/tx.ts';
import { requireAccess } from '#platform/access/access.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { newId } from '#platform/ids.ts';
import { normalizeHeader } from './crm-presets.rules.ts';
import { isKnownTarget } from './import-fields.definition.ts';
import { importTarget } from './importable-objects.service.ts';
import * as repo from './mapping-templates.repo.ts';
import { importsErrors } from './imports.errors.ts';

export type TMappingTemplate = { id: string; object: string; name: string; mapping: { header: string; field: string }[]; updatedAt: string };

const toApi = (r: repo.TemplateRow): TMappingTemplate => ({
  id: r.id,
  object: r.object,
  name: r.name,
  mapping: r.mapping,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export type ListTemplatesOptions = { deps: Deps; ctx: RequestContext; object: string };

export const listTemplates = ({ deps, ctx, object }: ListTemplatesOptions) =>
  inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    if (!(await importTarget(tx, { deps, object }))) throw importsErrors.unknownObject(object);
    requireAccess(ctx.access, object, 'import');
    return (await repo.listTemplates(tx, object)).map(toApi);
  });

/** Saves a mapping by header name (so it applies to next month's file whatever the column order); audited. */
export type SaveTemplateOptions = {
  deps: Deps;
  ctx: RequestContext;
  input: { object: string; name: string; mapping: { header: string; field: string }[] };
};

export async function saveTemplate({ deps, ctx, input }: SaveTemplateOptions): Promise<TMappingTemplate> {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const target = await importTarget(tx, { deps, object: input.object });
    if (!target) throw importsErrors.unknownObject(input.object);
    requireAccess(ctx.access, input.object, 'import');
    input.mapping.forEach((m, i) => {
      if (!isKnownTarget(target.spec, m.field, target.customDefs)) throw importsErrors.unknownTarget(`mapping.${i}.field`, m.field);
    });
    const row = await repo.upsertTemplate(tx, { tenantId: ctx.tenantId, id: newId(), createdBy: ctx.userId, ...input });
    await writeAudit(tx, ctx, { action: 'saved', objectType: 'importTemplate', objectId: row.id, changes: { name: { from: null, to: row.name } } });
    return toApi(row);
  });
}

export type DeleteTemplateOptions = { deps: Deps; ctx: RequestContext; id: string };

export async function deleteTemplate({ deps, ctx, id }: DeleteTemplateOptions): Promise<void> {
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findTemplate(tx, id);
    if (!row) throw notFound('importTemplate');
    requireAccess(ctx.access, row.object, 'import');
    if (row.created_by !== ctx.userId && !ctx.access.isAdmin) throw importsErrors.forbidden();
    await repo.deleteTemplate(tx, id);
    await writeAudit(tx, ctx, { action: 'deleted', objectType: 'importTemplate', objectId: id, changes: { name: { from: row.name, to: null } } });
  });
}

/** A template's mapping for this file's columns: each saved header found in the file, by normalised name. */
export type TemplateMappingOptions = { id: string; object: string; headers: string[] };

export async function templateMapping(tx: Tx, { id, object, headers }: TemplateMappingOptions) {
  const row = await repo.findTemplate(tx, id);
  if (!row || row.object !== object) throw notFound('importTemplate');
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!index.has(normalizeHeader(h))) index.set(normalizeHeader(h), i);
  });
  return row.mapping
    .flatMap((m) => {
      const column = index.get(normalizeHeader(m.header));
      return column === undefined ? [] : [{ column, field: m.field }];
    })
    .sort((a, b) => a.column - b.column);
}
