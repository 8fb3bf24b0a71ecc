import { inTenant } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import { newId } from '#platform/ids.ts';
import { viewsErrors } from './views.errors.ts';
import * as repo from './views.repo.ts';
import type { TCreateSavedViewRequest, TSavedView, TUpdateSavedViewRequest } from './views.schema.ts';

type ViewRow = Awaited<ReturnType<typeof repo.findView>> & {};

const toApi = (row: ViewRow, userId: string | null): TSavedView => ({
  id: row.id,
  object: row.object as TSavedView['object'],
  name: row.name,
  filter: row.filter ?? null,
  sort: row.sort,
  columns: row.columns as string[],
  shared: row.shared,
  userId: row.user_id,
  mine: row.user_id === userId,
  version: row.version,
});

const json = (v: unknown) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v));

export type ListSavedViewsOptions = { deps: Deps; ctx: RequestContext; object: string };
/** Personal views, plus the views others shared with the whole tenant. */
export const listSavedViews = ({ deps, ctx, object }: ListSavedViewsOptions) =>
  inTenant(deps.db.kysely, ctx.tenantId, async (tx) => (await repo.listViews(tx, object, ctx.userId as string)).map((r) => toApi(r, ctx.userId)));

export type CreateSavedViewOptions = { deps: Deps; ctx: RequestContext; input: TCreateSavedViewRequest };
export async function createSavedView({ deps, ctx, input }: CreateSavedViewOptions) {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const row = await repo.insertView(tx, {
      ...input,
      tenant_id: ctx.tenantId,
      id: newId(),
      user_id: ctx.userId,
      filter: json(input.filter),
      columns: JSON.stringify(input.columns),
    });
    return toApi(row, ctx.userId);
  });
}

/** Only the author (or an admin) changes or removes a view, shared or not. */
async function ownView(tx: Parameters<typeof repo.findView>[0], ctx: RequestContext, id: string) {
  const row = await repo.findView(tx, id);
  if (!row || (row.user_id !== ctx.userId && !row.shared)) throw notFound('savedView');
  if (row.user_id !== ctx.userId && !ctx.access.isAdmin) throw viewsErrors.notAuthor();
  return row;
}

export type UpdateSavedViewOptions = { deps: Deps; ctx: RequestContext; id: string; input: TUpdateSavedViewRequest };

export async function updateSavedView({ deps, ctx, id, input }: UpdateSavedViewOptions) {
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await ownView(tx, ctx, id);
    const values = { ...input, filter: json(input.filter), columns: json(input.columns) };
    const row = await repo.updateView(tx, id, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)));
    return toApi(row, ctx.userId);
  });
}

export type DeleteSavedViewOptions = { deps: Deps; ctx: RequestContext; id: string };
export async function deleteSavedView({ deps, ctx, id }: DeleteSavedViewOptions) {
  await inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    await ownView(tx, ctx, id);
    await repo.deleteView(tx, id);
  });
}
