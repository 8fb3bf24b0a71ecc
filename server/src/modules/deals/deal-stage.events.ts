import { emitEvent } from '#platform/events/outbox.ts';
import { newId } from '#platform/ids.ts';
import type { AfterWriteOptions } from '#platform/records/object-definition.ts';
import { insertHistory } from './deals.repo.ts';

const ms = (d: unknown) => (d instanceof Date ? d.getTime() : new Date(String(d)).getTime());

/**
 * In the write's transaction: a stage history row for every create or stage move (with the time
 * spent in the stage it left), and `deal.stage_changed`, `deal.won`, `deal.lost` events.
 */
export async function recordStageChange({ tx, ctx, before, after }: AfterWriteOptions): Promise<void> {
  if (before && before.stage_id === after.stage_id) return;
  const seconds = before ? Math.max(0, Math.round((ms(after.stage_entered_at) - ms(before.stage_entered_at)) / 1000)) : null;
  await insertHistory(tx, {
    tenant_id: ctx.tenantId,
    id: newId(),
    deal_id: after.id,
    pipeline_id: after.pipeline_id as string,
    from_stage_id: (before?.stage_id as string | undefined) ?? null,
    to_stage_id: after.stage_id as string,
    changed_by: ctx.userId,
    seconds_in_from: seconds,
    amount: after.amount as string,
    currency: after.currency as string,
    amount_base: after.amount_base as string | null,
  });
  const payload = {
    pipelineId: after.pipeline_id,
    fromStageId: before?.stage_id ?? null,
    toStageId: after.stage_id,
    fromStatus: before?.status ?? null,
    status: after.status,
    secondsInFrom: seconds,
    ownerId: after.owner_id,
    companyId: after.company_id,
    amount: after.amount,
    currency: after.currency,
    amountBase: after.amount_base,
    leadId: after.lead_id,
  };
  if (before) await emitEvent(tx, ctx, { type: 'deal.stage_changed', objectType: 'deal', objectId: after.id, payload });
  if (after.status !== 'open' && before?.status !== after.status) {
    await emitEvent(tx, ctx, {
      type: after.status === 'won' ? 'deal.won' : 'deal.lost',
      objectType: 'deal',
      objectId: after.id,
      payload: { ...payload, lostReason: after.lost_reason, lostNote: after.lost_note },
    });
  }
}
