import { sql } from 'kysely';
import { inSystem, inTenant } from '#db/tx.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import type { OutboxEvent } from '#platform/events/subscribers.ts';
import { newId } from '#platform/ids.ts';
import type { TestApp } from '#test/app.ts';

/**
 * Delivers every unpublished outbox event to the app's real subscribers, as the relay and the
 * job runner would (one tenant transaction per delivery), until no new events appear.
 * Returns the types delivered, in order.
 */
export async function drainOutbox(t: TestApp): Promise<string[]> {
  const seen: string[] = [];
  for (let round = 0; round < 20; round++) {
    const rows = await inSystem(t.db.kysely, async (tx) => {
      const batch = await tx.selectFrom('outbox').selectAll().where('published_at', 'is', null).orderBy('id').execute();
      if (batch.length)
        await tx
          .updateTable('outbox')
          .set({ published_at: sql`now()` })
          .where(
            'id',
            'in',
            batch.map((r) => r.id),
          )
          .execute();
      return batch;
    });
    if (rows.length === 0) return seen;
    for (const row of rows) {
      const event: OutboxEvent = {
        id: row.id,
        tenantId: row.tenant_id,
        type: row.type,
        objectType: row.object_type,
        objectId: row.object_id,
        actorId: row.actor_id,
        payload: (row.payload ?? {}) as Record<string, unknown>,
        createdAt: new Date(row.created_at),
      };
      for (const s of t.deps.subscribers.matching(event.type)) await inTenant(t.db.kysely, event.tenantId, (tx) => s.handle(event, tx));
      seen.push(event.type);
    }
  }
  throw new Error('outbox did not settle');
}

export type WebLeadOptions = { name: string; industry?: string; region?: string; source?: string; title?: string; companySize?: string };

/**
 * A lead as a public web form leaves it: no owner, captured through the `form` channel
 * (`lead.created` + `lead.captured`), the input assignment rules work on.
 */
export async function webLead(t: TestApp, o: WebLeadOptions, tenantId = t.admin.tenantId): Promise<string> {
  const id = newId();
  await inTenant(t.db.kysely, tenantId, async (tx) => {
    await tx
      .insertInto('leads')
      .values({
        tenant_id: tenantId,
        id,
        name: o.name,
        industry: o.industry ?? null,
        region: o.region ?? null,
        source: o.source ?? 'web_form',
        title: o.title ?? null,
        company_size: o.companySize ?? null,
      })
      .execute();
    const ctx = { tenantId, userId: null };
    await emitEvent(tx, ctx, { type: 'lead.created', objectType: 'lead', objectId: id, payload: {} });
    await emitEvent(tx, ctx, { type: 'lead.captured', objectType: 'lead', objectId: id, payload: { channel: 'form', outcome: 'created' } });
  });
  return id;
}

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
