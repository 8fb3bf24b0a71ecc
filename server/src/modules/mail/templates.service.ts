import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import { requireAutomation } from '#platform/access/automation-access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { newId } from '#platform/ids.ts';
import { mailErrors } from './mail.errors.ts';
import type { TCreateMailTemplateRequest, TMailTemplate, TUpdateMailTemplateRequest } from './mail.schema.ts';
import { mergeCatalog } from './merge-context.service.ts';
import { type Bilingual, mergeFieldsOf, unknownMergeFields } from './merge-fields.rules.ts';
import * as repo from './templates.repo.ts';

const toApi = (row: repo.TemplateRow): TMailTemplate => {
  const subject = row.subject as Bilingual;
  const body = row.body as Bilingual;
  return {
    id: row.id,
    name: row.name,
    object: row.object,
    subject,
    body,
    mergeFields: mergeFieldsOf([subject.zh, subject.en, body.zh, body.en]),
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
};

export type ValidateTemplateOptions = { tx: Tx; deps: Deps; object: string | null; subject: Bilingual; body: Bilingual };

/** The merge fields of a template that do not exist, each with where it was found (empty when valid). */
export async function validateTemplate(o: ValidateTemplateOptions): Promise<{ field: string; path: string }[]> {
  const catalog = await mergeCatalog({ tx: o.tx, deps: o.deps, object: o.object });
  const parts: [string, string][] = [
    ['subject.zh', o.subject.zh],
    ['subject.en', o.subject.en],
    ['body.zh', o.body.zh],
    ['body.en', o.body.en],
  ];
  return parts.flatMap(([field, text]) => unknownMergeFields([text], catalog).map((path) => ({ field, path })));
}

async function refuseUnknown(o: ValidateTemplateOptions): Promise<void> {
  const unknown = await validateTemplate(o);
  if (unknown.length) throw mailErrors.unknownMergeFields(unknown);
}

export async function listTemplates(o: { deps: Deps; ctx: RequestContext }): Promise<TMailTemplate[]> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => (await repo.listTemplates(tx)).map(toApi));
}

export async function getTemplate(o: { deps: Deps; ctx: RequestContext; id: string }): Promise<TMailTemplate> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await repo.findTemplate(tx, o.id);
    if (!row) throw notFound('mailTemplate');
    return toApi(row);
  });
}

/** Loads a template in the caller's transaction (rules that send one). */
export async function findTemplateInTx(tx: Tx, id: string): Promise<TMailTemplate | undefined> {
  const row = await repo.findTemplate(tx, id);
  return row ? toApi(row) : undefined;
}

export async function createTemplate(o: { deps: Deps; ctx: RequestContext; input: TCreateMailTemplateRequest }): Promise<TMailTemplate> {
  requireAutomation(o.ctx, 'create');
  const { input, ctx } = o;
  return inTenant(o.deps.db.kysely, ctx.tenantId, async (tx) => {
    await refuseUnknown({ tx, deps: o.deps, object: input.object, subject: input.subject, body: input.body });
    if (await repo.templateNameTaken(tx, input.name)) throw mailErrors.templateNameTaken();
    const row = await repo.insertTemplate(tx, {
      tenant_id: ctx.tenantId,
      id: newId(),
      name: input.name,
      object: input.object,
      subject: JSON.stringify(input.subject),
      body: JSON.stringify(input.body),
      created_by: ctx.userId,
      updated_by: ctx.userId,
    });
    return toApi(row);
  });
}

export type UpdateTemplateOptions = { deps: Deps; ctx: RequestContext; id: string; version?: number; input: TUpdateMailTemplateRequest };

export async function updateTemplate(o: UpdateTemplateOptions): Promise<TMailTemplate> {
  requireAutomation(o.ctx, 'update');
  const { input, ctx } = o;
  return inTenant(o.deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.findTemplate(tx, o.id);
    if (!row) throw notFound('mailTemplate');
    if (o.version !== undefined && o.version !== row.version) throw mailErrors.staleVersion(o.version, row.version);
    const next = {
      object: input.object === undefined ? row.object : input.object,
      subject: input.subject ?? (row.subject as Bilingual),
      body: input.body ?? (row.body as Bilingual),
    };
    await refuseUnknown({ tx, deps: o.deps, ...next });
    if (input.name && (await repo.templateNameTaken(tx, input.name, o.id))) throw mailErrors.templateNameTaken();
    const updated = await repo.updateTemplate(tx, o.id, row.version, {
      ...(input.name ? { name: input.name } : {}),
      object: next.object,
      subject: JSON.stringify(next.subject),
      body: JSON.stringify(next.body),
      updated_by: ctx.userId,
    });
    if (!updated) throw mailErrors.staleVersion(row.version, row.version + 1);
    return toApi(updated);
  });
}

export async function deleteTemplate(o: { deps: Deps; ctx: RequestContext; id: string }): Promise<void> {
  requireAutomation(o.ctx, 'delete');
  await inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    if (!(await repo.deleteTemplate(tx, o.id))) throw notFound('mailTemplate');
  });
}
