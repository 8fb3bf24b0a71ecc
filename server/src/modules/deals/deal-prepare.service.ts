import { mayTouch, scopeOf } from '#platform/access/access.ts';
import type { RequestContext } from '#platform/context.ts';
import type { FieldError } from '#platform/errors/app-error.ts';
import { dealsErrors } from './deals.errors.ts';
import type { PrepareOptions } from '#platform/records/object-definition.ts';
import type { Tx } from '#db/tx.ts';
import { generateKeyBetween } from 'fractional-indexing';
import type { ForecastCategory, StageType } from './deals.schema.ts';
import { findCompanyOrContact, nextRank, rankInColumn } from './deals.repo.ts';
import { rateOn, tenantBaseCurrency } from './exchange-rates.repo.ts';
import { fitsMoneyColumn, toBase } from './money.rules.ts';
import { findPipelineRow, findStageRow, listStageRows, type StageRow } from './pipelines.repo.ts';
import { ensureDefaultPipeline, pipelineVisibility } from './pipelines.service.ts';

/** Where a moved card lands in its column (internal input of the move endpoint). */
export type Placement = { afterId?: string | null | undefined; beforeId?: string | null | undefined };
export const PLACEMENT = '_placement';

const today = () => new Date().toISOString().slice(0, 10);
const dayOf = (d: unknown): string | null =>
  d == null ? null : d instanceof Date ? (d.getUTCHours() === 0 ? d.toISOString().slice(0, 10) : d.toLocaleDateString('sv')) : String(d).slice(0, 10);

async function visibleLink(tx: Tx, ctx: RequestContext, object: 'company' | 'contact', id: string) {
  const target = await findCompanyOrContact(tx, object === 'company' ? 'companies' : 'contacts', id);
  const scope = scopeOf(ctx.access, object, 'read');
  return target && scope !== 'none' && mayTouch(ctx.access, scope, target.owner_id) ? target : undefined;
}

/** A rank between the neighbours the client named, or the top of the column. */
async function rankFor(tx: Tx, o: { stageId: string; placement: Placement | undefined; selfId: string | null }): Promise<string> {
  const afterId = o.placement?.afterId ?? null;
  const after = afterId ? ((await rankInColumn(tx, { stageId: o.stageId, id: afterId })) ?? null) : null;
  const beforeId = o.placement?.beforeId ?? null;
  let before = beforeId ? ((await rankInColumn(tx, { stageId: o.stageId, id: beforeId })) ?? null) : null;
  if (before === null || (after !== null && before <= after)) before = await nextRank(tx, { stageId: o.stageId, after, excludeId: o.selfId });
  return generateKeyBetween(after, before);
}

/** The stage the deal ends up in: the one asked for, else the current one, else the pipeline's first open stage. */
async function resolveStage(o: PrepareOptions, pipelineId: string, errors: FieldError[]): Promise<StageRow | undefined> {
  const { tx, input, existing } = o;
  const stageId = (input.stageId as string | undefined) ?? (existing && existing.pipeline_id === pipelineId ? (existing.stage_id as string) : undefined);
  if (stageId) {
    const stage = await findStageRow(tx, stageId);
    if (!stage) errors.push({ field: 'stageId', message: 'fields.invalid_reference', params: { object: 'stage' } });
    else if (stage.pipeline_id !== pipelineId) errors.push({ field: 'stageId', message: 'deals.stage_not_in_pipeline' });
    return stage?.pipeline_id === pipelineId ? stage : undefined;
  }
  return (await listStageRows(tx, [pipelineId])).find((s) => s.type === 'open');
}

/** Stage, status, probability, forecast category, close dates and the lost reason, for a create or a change. */
function applyStage(o: PrepareOptions, stage: StageRow, errors: FieldError[]) {
  const { input, columns, existing } = o;
  const moved = !existing || existing.stage_id !== stage.id;
  const type = stage.type as StageType;
  if (moved) {
    const now = new Date();
    columns.stage_id = stage.id;
    columns.status = type;
    columns.stage_entered_at = now;
    if (!('probability' in input)) columns.probability = stage.probability;
    columns.won_at = type === 'won' ? now : null;
    columns.lost_at = type === 'lost' ? now : null;
    columns.closed_at = type === 'open' ? null : now;
    // A reopened deal forgets why it was lost.
    if (type !== 'lost' && existing?.status === 'lost') {
      columns.lost_reason = null;
      columns.lost_note = null;
    }
  }
  const manual = input.forecastCategory !== undefined ? input.forecastCategory !== null : Boolean(existing?.forecast_category_manual);
  if (type !== 'open' || !manual) {
    columns.forecast_category = type === 'open' ? (stage.forecast_category as ForecastCategory) : type === 'won' ? 'closed' : 'omitted';
    columns.forecast_category_manual = false;
  } else if (input.forecastCategory) {
    columns.forecast_category = input.forecastCategory;
    columns.forecast_category_manual = true;
  }
  const reason = 'lostReason' in input ? input.lostReason : existing?.lost_reason;
  const note = 'lostNote' in input ? input.lostNote : existing?.lost_note;
  if (type === 'lost') {
    if (!reason) errors.push({ field: 'lostReason', message: 'deals.lost_reason_required' });
    else if (reason === 'other' && !(typeof note === 'string' && note.trim())) errors.push({ field: 'lostNote', message: 'deals.lost_note_required' });
  } else if (input.lostReason) errors.push({ field: 'lostReason', message: 'deals.lost_reason_only_when_lost' });
}

/** Base currency amount with the rate in force on the close date (expected or actual). */
async function applyCurrency(o: PrepareOptions, errors: FieldError[]) {
  const { tx, columns, existing } = o;
  const merged = { ...existing, ...columns };
  const baseCurrency = await tenantBaseCurrency(tx);
  const currency = (merged.currency as string | undefined) ?? baseCurrency;
  const amount = String(merged.amount ?? '0');
  columns.currency = currency;
  columns.base_currency = baseCurrency;
  const asOf = dayOf(merged.closed_at) ?? dayOf(merged.expected_close_date) ?? today();
  const rate = currency === baseCurrency ? '1' : await rateOn(tx, { currency, baseCurrency, asOf });
  if (rate === null) {
    errors.push({ field: 'currency', message: 'deals.no_exchange_rate', params: { currency, base: baseCurrency } });
    return;
  }
  columns.exchange_rate = rate;
  columns.amount_base = toBase(amount, rate);
  // An amount that fits may not once converted (1e17 USD in CNY): a field error, not a database overflow.
  if (!fitsMoneyColumn(columns.amount_base as string))
    errors.push({ field: 'amount', message: 'deals.amount_too_large_in_base', params: { base: baseCurrency } });
  const closeDate = dayOf(merged.expected_close_date);
  if (merged.status !== 'open' || !closeDate || closeDate >= today()) columns.overdue_at = null;
}

/** The database half of deal validation, for create, PATCH and moves alike (runs in the write's transaction). */
export async function prepareDeal(o: PrepareOptions): Promise<void> {
  const { tx, ctx, input, columns, existing, errors } = o;
  const pipelineId = (input.pipelineId as string | undefined) ?? (existing?.pipeline_id as string | undefined) ?? (await ensureDefaultPipeline(tx, ctx)).id;
  const pipeline = await findPipelineRow(tx, pipelineId);
  // A deal stays usable in a pipeline later taken from the user's team; choosing one needs it visible.
  const chosen = !existing || 'pipelineId' in input;
  if (!pipeline || (chosen && !(await pipelineVisibility(tx, ctx))(pipeline))) {
    errors.push({ field: 'pipelineId', message: 'fields.invalid_reference', params: { object: 'pipeline' } });
    return;
  }
  columns.pipeline_id = pipeline.id;
  const stage = await resolveStage(o, pipeline.id, errors);
  if (!stage) {
    if (!errors.some((e) => e.field === 'stageId')) errors.push({ field: 'stageId', message: 'deals.pipeline_has_no_open_stage' });
    return;
  }
  const placement = input[PLACEMENT] as Placement | undefined;
  const moving = !existing || existing.stage_id !== stage.id || existing.pipeline_id !== pipeline.id || placement !== undefined;
  // Closed (archived) pipelines are read-only boards: no new deals, no moves.
  if (moving && pipeline.closed_at !== null) throw dealsErrors.pipelineClosed();
  applyStage(o, stage, errors);
  if (moving) columns.rank = await rankFor(tx, { stageId: stage.id, placement, selfId: existing?.id ?? null });

  for (const [object, col, field] of [
    ['contact', 'contact_id', 'contactId'],
    ['company', 'company_id', 'companyId'],
  ] as const) {
    const id = columns[col];
    if (typeof id !== 'string' || id === existing?.[col]) continue;
    const target = await visibleLink(tx, ctx, object, id);
    if (!target) errors.push({ field, message: 'fields.invalid_reference', params: { object } });
    // The contact's company comes along unless the caller chose one.
    else if (object === 'contact' && !('companyId' in input) && target.company_id) columns.company_id = target.company_id;
  }
  await applyCurrency(o, errors);
}
