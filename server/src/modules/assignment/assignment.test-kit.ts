import { inTenant } from '#db/tx.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import { newId } from '#platform/ids.ts';
import type { TestApp } from '#test/app.ts';

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
