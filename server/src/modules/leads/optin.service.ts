import { inTenant, type Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { leadsErrors } from './leads.errors.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { type Locale, translate } from '#platform/i18n/i18n.ts';
import { updateInTx } from '#platform/records/record-service.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { findPublicForm } from './forms.repo.ts';
import { loadLeadSettings } from './lead-settings.service.ts';
import { leadDefinition } from './leads.definition.ts';
import { sendMail } from './mail.service.ts';
import { verifyOptIn } from './optin-token.rules.ts';
import { publicContext } from './public-context.definition.ts';

/** Sends the confirmation mail of a double opt-in; idempotent: a lead no longer pending gets none. */
export function optInMailSubscriber(deps: Deps): Subscriber {
  return {
    name: 'leads-optin-mail',
    events: ['lead.confirmation_requested'],
    handle: async (event: OutboxEvent, tx: Tx) => {
      const lead = event.objectId ? await findRecord(tx, 'leads', event.objectId) : undefined;
      if (lead?.confirmation !== 'pending') return;
      const p = event.payload as { email: string; name: string; locale: Locale; link: string };
      const settings = await loadLeadSettings(tx, deps, event.tenantId);
      await sendMail(settings.mail, {
        to: p.email,
        subject: translate(p.locale, 'mail.confirm_subject'),
        text: translate(p.locale, 'mail.confirm_body', { name: p.name, link: p.link }),
      });
    },
  };
}

export type ConfirmLeadOptions = { token: string; requestId: string; ip: string; locale: Locale };

/** The link in the mail: confirms the lead (audited, `lead.updated` + `lead.confirmed`); a second click is harmless. */
export async function confirmLead(deps: Deps, { token, ...o }: ConfirmLeadOptions) {
  const ids = verifyOptIn(deps.masterKey, token);
  if (!ids) throw leadsErrors.confirmationInvalid();
  return inTenant(deps.db.kysely, ids.tenantId, async (tx) => {
    const row = await findRecord(tx, 'leads', ids.leadId);
    if (!row || row.deleted_at) throw leadsErrors.confirmationInvalid();
    const form = row.form_id ? await findPublicForm(tx, row.form_id as string) : undefined;
    if (row.confirmation === 'pending') {
      const ctx = publicContext({ tenantId: ids.tenantId, ...o });
      await updateInTx(tx, { deps, ctx, def: leadDefinition, row, input: { confirmation: 'confirmed', confirmed_at: new Date() } });
      await emitEvent(tx, ctx, { type: 'lead.confirmed', objectType: 'lead', objectId: row.id, payload: { formId: row.form_id } });
    }
    return { redirectUrl: form?.redirect_url ?? null };
  });
}
