import { ownerLimit, requireAccess } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { dealsErrors } from './deals.errors.ts';
import { compileFilter } from '#platform/query/filter.ts';
import { readableCatalogFor } from '#platform/records/field-access.ts';
import { createInTx, loadVisible, present, updateRecordWithVersion } from '#platform/records/record-service.ts';
import { searchCondition } from '#platform/records/search.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import { PLACEMENT } from './deal-prepare.service.ts';
import { dealDefinition } from './deals.definition.ts';
import { type BoardScope, columnPage, columnTotals, listHistory } from './deals.repo.ts';
import type { TBoardQuery, TCreateDealRequest, TDeal, TMoveDealRequest } from './deals.schema.ts';
import { tenantBaseCurrency } from './exchange-rates.repo.ts';
import { findStageRow } from './pipelines.repo.ts';
import { sum } from './money.rules.ts';
import { ensureDefaultPipeline, loadPipeline } from './pipelines.service.ts';

type Options = { deps: Deps; ctx: RequestContext };

/** Moves a deal to a stage and a place in its column; the record rules check the stage, the pipeline and the lost reason. */
export function moveDeal(o: Options & { id: string; version: number | undefined; input: TMoveDealRequest }): Promise<TDeal> {
  const { stageId, afterId, beforeId, lostReason, lostNote } = o.input;
  return updateRecordWithVersion({
    deps: o.deps,
    ctx: o.ctx,
    def: dealDefinition,
    id: o.id,
    version: o.version,
    input: {
      stageId,
      ...(lostReason !== undefined ? { lostReason } : {}),
      ...(lostNote !== undefined ? { lostNote } : {}),
      [PLACEMENT]: { afterId, beforeId },
    },
  });
}

/** A deal created inside the caller's transaction (lead conversion): same rules, audit and events as the API. */
export async function createDealInTx(o: Options & { tx: Tx; input: TCreateDealRequest & { leadId?: string | null } }): Promise<TDeal> {
  requireAccess(o.ctx.access, 'deal', 'create');
  const row = await createInTx(o.tx, { deps: o.deps, ctx: o.ctx, def: dealDefinition, input: o.input as Record<string, unknown> });
  return (await present({ tx: o.tx, deps: o.deps, ctx: o.ctx, def: dealDefinition, rows: [row] }))[0] as TDeal;
}

export async function stageHistory(o: Options & { id: string }) {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const deal = await loadVisible({ tx, ctx: o.ctx, def: dealDefinition, id: o.id, action: 'read' });
    return (await listHistory(tx, deal.id)).map((h) => ({
      id: h.id,
      fromStageId: h.from_stage_id,
      toStageId: h.to_stage_id,
      changedAt: new Date(h.changed_at).toISOString(),
      changedBy: h.changed_by ? { id: h.changed_by, name: h.changed_by_name ?? '' } : null,
      secondsInFrom: h.seconds_in_from === null ? null : Number(h.seconds_in_from),
      amount: h.amount,
      currency: h.currency,
      amountBase: h.amount_base,
    }));
  });
}

type Cursor = { rank: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.rank, c.id])).toString('base64url');
function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [rank, id] = JSON.parse(Buffer.from(raw, 'base64url').toString()) as [string, string];
    if (typeof rank === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { rank, id };
  } catch {}
  throw dealsErrors.invalidCursor();
}

async function boardScope(tx: Tx, o: Options & { pipelineId: string; query: Pick<TBoardQuery, 'filter' | 'q'> }): Promise<BoardScope> {
  const scope = requireAccess(o.ctx.access, 'deal', 'read');
  const catalog = await readableCatalogFor({ tx, def: dealDefinition, access: o.ctx.access, uses: [o.query.filter] });
  const where = [];
  const filter = compileFilter(o.query.filter, catalog);
  if (filter) where.push(filter);
  if (o.query.q?.trim()) where.push(searchCondition(o.query.q).where);
  return { pipelineId: o.pipelineId, owners: ownerLimit(o.ctx.access, scope), where };
}

async function pageOf(tx: Tx, o: Options, scope: BoardScope, stageId: string, limit: number, after: Cursor | null) {
  const rows = await columnPage(tx, { ...scope, stageId, limit, after });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    deals: await present({ tx, deps: o.deps, ctx: o.ctx, def: dealDefinition, rows: page }),
    nextCursor: rows.length > limit && last ? encode({ rank: last.rank as string, id: last.id }) : null,
  };
}

/** The kanban: one column per stage with count and totals in the base currency, and its first cards in order. */
export async function board(o: Options & { query: TBoardQuery }) {
  requireAccess(o.ctx.access, 'deal', 'read');
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const pipelineId = o.query.pipelineId ?? (await ensureDefaultPipeline(tx, o.ctx)).id;
    const { row, stages } = await loadPipeline({ tx, ctx: o.ctx, id: pipelineId });
    const scope = await boardScope(tx, { ...o, pipelineId: row.id });
    const totals = new Map((await columnTotals(tx, scope)).map((t) => [t.stage_id, t]));
    const columns = [];
    for (const stage of stages) {
      const t = totals.get(stage.id);
      const page = t ? await pageOf(tx, o, scope, stage.id, o.query.limit, null) : { deals: [], nextCursor: null };
      columns.push({ stageId: stage.id, count: t?.n ?? 0, total: sum([t?.total ?? null]), weighted: sum([t?.weighted ?? null]), ...page });
    }
    return { pipelineId: row.id, baseCurrency: await tenantBaseCurrency(tx), columns };
  });
}

/** The next cards of one column. */
export async function boardColumn(o: Options & { stageId: string; query: Omit<TBoardQuery, 'pipelineId'> & { cursor?: string | undefined } }) {
  requireAccess(o.ctx.access, 'deal', 'read');
  const after = decode(o.query.cursor);
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const stage = await findStageRow(tx, o.stageId);
    if (!stage) throw dealsErrors.stageNotFound();
    await loadPipeline({ tx, ctx: o.ctx, id: stage.pipeline_id });
    const scope = await boardScope(tx, { ...o, pipelineId: stage.pipeline_id });
    return { stageId: stage.id, ...(await pageOf(tx, o, scope, stage.id, o.query.limit, after)) };
  });
}
