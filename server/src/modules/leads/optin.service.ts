import { inTenant, type Tx } from '#db/tx.ts';
import type { Deps } from '#platform/deps.ts';
import { registerMailSender, sendMail } from '#modules/mail/index.ts';
import { leadsErrors } from './leads.errors.ts';
import { emitEvent } from '#platform/events/outbox.ts';
import type { OutboxEvent, Subscriber } from '#platform/events/subscribers.ts';
import { type Locale, translate } from '#platform/i18n/i18n.ts';
import { updateInTx } from '#platform/records/record-service.ts';
import { findRecord } from '#platform/records/records.repo.ts';
import { findPublicForm } from './forms.repo.ts';
import { loadLeadSettings } from './lead-settings.service.ts';
import { leadDefinition } from './leads.definition.ts';
import { verifyOptIn } from './optin-token.rules.ts';
import { publicContext } from './public-context.definition.ts';

/** The mail module's sender for lead mail: the lead settings' own SMTP server and address, when set. */
export const LEAD_MAIL_SENDER = 'leads';

export function registerLeadMailSender(): void {
  // The delivering app's deps (its tenant ciphers), not the registering one's.
  registerMailSender(LEAD_MAIL_SENDER, async ({ tx, deps, tenantId }) => {
    const { mail } = await loadLeadSettings({ tx, deps, tenantId });
    return mail.smtpUrl || mail.from ? mail : null;
  });
}

/**
 * Queues the confirmation mail of a double opt-in on the mail module's durable queue (sent log,
 * the lead's timeline, retries); once per event, and none for a lead no longer pending.
 */
export function optInMailSubscriber(): Subscriber {
  return {
    name: 'leads-optin-mail',
    events: ['lead.confirmation_requested'],
    handle: async (event: OutboxEvent, tx: Tx) => {
      const lead = event.objectId ? await findRecord(tx, 'leads', event.objectId) : undefined;
      if (lead?.confirmation !== 'pending') return;
      const p = event.payload as { email: string; name: string; locale: Locale; link: string };
      await sendMail({
        tx,
        tenantId: event.tenantId,
        actorId: null,
        to: p.email,
        subject: translate(p.locale, 'mail.confirm_subject'),
        text: translate(p.locale, 'mail.confirm_body', { name: p.name, link: p.link }),
        locale: p.locale,
        record: { object: 'lead', id: lead.id },
        idempotencyKey: `lead-optin:${event.id}`,
        sender: LEAD_MAIL_SENDER,
      });
    },
  };
}

export type ConfirmLeadOptions = { deps: Deps; token: string; requestId: string; ip: string; locale: Locale };

/** The link in the mail: confirms the lead (audited, `lead.updated` + `lead.confirmed`); a second click is harmless. */
export async function confirmLead({ deps, token, ...o }: ConfirmLeadOptions) {
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
