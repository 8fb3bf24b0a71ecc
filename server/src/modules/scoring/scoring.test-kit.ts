import { inTenant } from '#db/tx.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { newId } from '#platform/ids.ts';
import type { TestApp } from '#test/app.ts';

export type Outcome = { industry: string; region?: string; outcome: 'won' | 'lost' | 'unqualified' };

/** Closed history for the predictive model: converted leads with won/lost deals, and unqualified leads. */
export async function closedHistory(t: TestApp, outcomes: Outcome[]): Promise<void> {
  const tenantId = t.admin.tenantId;
  await inTenant(t.db.kysely, tenantId, async (tx) => {
    const pipelineId = newId();
    await tx
      .insertInto('pipelines')
      .values({ tenant_id: tenantId, id: pipelineId, name: JSON.stringify({ en: 'History' }) })
      .execute();
    const stage = async (type: 'won' | 'lost') => {
      const id = newId();
      await tx
        .insertInto('pipeline_stages')
        .values({
          tenant_id: tenantId,
          id,
          pipeline_id: pipelineId,
          name: JSON.stringify({ en: type }),
          probability: type === 'won' ? 100 : 0,
          type,
          forecast_category: 'closed',
        })
        .execute();
      return id;
    };
    const stages = { won: await stage('won'), lost: await stage('lost') };
    for (const [i, o] of outcomes.entries()) {
      const leadId = newId();
      const dealId = o.outcome === 'unqualified' ? null : newId();
      await tx
        .insertInto('leads')
        .values({
          tenant_id: tenantId,
          id: leadId,
          name: `history ${i}`,
          industry: o.industry,
          region: o.region ?? null,
          status: o.outcome === 'unqualified' ? 'unqualified' : 'converted',
          unqualified_reason: o.outcome === 'unqualified' ? 'no budget' : null,
        })
        .execute();
      if (dealId && o.outcome !== 'unqualified') {
        await tx
          .insertInto('deals')
          .values({
            tenant_id: tenantId,
            id: dealId,
            name: `deal ${i}`,
            pipeline_id: pipelineId,
            stage_id: stages[o.outcome],
            status: o.outcome,
            currency: 'CNY',
            base_currency: 'CNY',
            probability: o.outcome === 'won' ? 100 : 0,
            forecast_category: 'closed',
            rank: String(i).padStart(6, '0'),
            lead_id: leadId,
          })
          .execute();
        await tx.updateTable('leads').set({ converted_deal_id: dealId, converted_at: new Date() }).where('id', '=', leadId).execute();
      }
    }
  });
}

/**
 * A meeting linked to a lead, as the activities module stores it, and its outbox event (the
 * activities API does not take a lead yet; the subscriber reads the row, not the payload).
 */
export async function leadMeeting(t: TestApp, o: { leadId: string; startsAt: Date; event?: 'created' | 'deleted'; id?: string }): Promise<string> {
  const tenantId = t.admin.tenantId;
  const id = o.id ?? newId();
  await inTenant(t.db.kysely, tenantId, async (tx) => {
    if (o.event === 'deleted') await tx.updateTable('activities').set({ deleted_at: new Date() }).where('id', '=', id).execute();
    else
      await tx
        .insertInto('activities')
        .values({
          tenant_id: tenantId,
          id,
          type: 'meeting',
          subject: '方案交流',
          lead_id: o.leadId,
          starts_at: o.startsAt,
          ends_at: o.startsAt,
          occurred_at: o.startsAt,
          owner_id: t.admin.id,
        })
        .execute();
    await emitEvent(tx, { tenantId, userId: t.admin.id }, { type: `activity.${o.event ?? 'created'}`, objectType: 'activity', objectId: id, payload: {} });
  });
  return id;
}
