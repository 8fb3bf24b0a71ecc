import { sendMail } from '#modules/mail/index.ts';
import { writeAudit } from '#platform/audit/audit.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import type { Locale } from '#platform/i18n/i18n.ts';
import { translate } from '#platform/i18n/i18n.ts';
import { loadVisible, present } from '#platform/records/record-service.ts';
import { findRecord, type Row } from '#platform/records/records.repo.ts';
import { inTenant, type Tx } from '#db/tx.ts';
import { formatAmount, renderQuotePdf } from './quote-pdf.mapper.ts';
import { transition } from './quote-status.service.ts';
import { quoteDefinition } from './quotes.definition.ts';
import { quotesErrors } from './quotes.errors.ts';
import { tenantNameOf } from './quotes.repo.ts';
import type { TQuote } from './quotes.schema.ts';

export type QuotePdfOptions = { deps: Deps; ctx: RequestContext; id: string; locale: Locale };
export type QuotePdf = { filename: string; pdf: Buffer };

/** The quote as the user may read it (scope, field masking), rendered. */
async function render(tx: Tx, o: QuotePdfOptions, row: Row): Promise<QuotePdf & { quote: TQuote; tenantName: string }> {
  const [quote] = (await present({ tx, deps: o.deps, ctx: o.ctx, def: quoteDefinition, rows: [row] })) as TQuote[];
  const tenantName = await tenantNameOf(tx);
  const pdf = await renderQuotePdf({ quote: quote as TQuote, locale: o.locale, tenantName });
  const suffix = (quote as TQuote).revision > 1 ? `-v${(quote as TQuote).revision}` : '';
  return { filename: `${(quote as TQuote).number}${suffix}.pdf`, pdf, quote: quote as TQuote, tenantName };
}

/** A quote's PDF in one language, for a user who may read the quote. */
export function quotePdf(o: QuotePdfOptions): Promise<QuotePdf> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const row = await loadVisible({ tx, ctx: o.ctx, def: quoteDefinition, id: o.id, action: 'read', names: true });
    const { filename, pdf } = await render(tx, o, row);
    return { filename, pdf };
  });
}

export type EmailQuoteOptions = QuotePdfOptions & { to?: string | undefined; subject?: string | undefined; message?: string | undefined };

/** The first address of the quote's contact, if any. */
async function contactAddress(tx: Tx, contactId: string | null): Promise<string | null> {
  if (!contactId) return null;
  const contact = await findRecord(tx, 'contacts', contactId);
  const emails = (contact?.deleted_at ? [] : (contact?.emails as { address?: string }[] | undefined)) ?? [];
  return emails[0]?.address ?? null;
}

/**
 * E-mails an approved (or already sent) quote with its PDF attached, through the outbound queue
 * (delivered after commit, retried; the quote's timeline shows the delivery); the customer's
 * timeline records it, and an approved quote becomes sent. The recipient defaults to the quote's contact.
 */
export function emailQuote(o: EmailQuoteOptions): Promise<{ quote: TQuote; mailId: string; to: string }> {
  return inTenant(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    let row = await loadVisible({ tx, ctx: o.ctx, def: quoteDefinition, id: o.id, action: 'update', names: true });
    if (row.status !== 'approved' && row.status !== 'sent') throw quotesErrors.cannotEmail();
    const to = o.to ?? (await contactAddress(tx, row.contact_id as string | null));
    if (!to) throw quotesErrors.noRecipient();
    const { filename, pdf, quote, tenantName } = await render(tx, o, row);
    const t = (key: string, params: Record<string, unknown> = {}) => translate(o.locale, `quotes.pdf.${key}`, params);
    const subject = o.subject ?? t('mail_subject', { number: quote.number, name: quote.name });
    const validity = quote.validUntil ? t('mail_validity', { date: quote.validUntil }) : '';
    const body = t('mail_body', {
      number: quote.number,
      name: quote.name,
      currency: quote.currency,
      total: formatAmount(quote.total),
      validity,
      sender: quote.owner?.name ?? '',
      tenant: tenantName,
    });
    const mail = await sendMail({
      tx,
      tenantId: o.ctx.tenantId,
      actorId: o.ctx.userId,
      to,
      subject,
      text: o.message ? `${o.message}\n\n${body}` : body,
      locale: o.locale,
      record: { object: 'quote', id: row.id },
      attachments: [{ filename, contentType: 'application/pdf', content: pdf }],
    });
    if (row.company_id)
      await writeAudit(tx, o.ctx, {
        action: 'email_sent',
        objectType: 'company',
        objectId: row.company_id as string,
        changes: { to: { from: null, to }, subject: { from: null, to: subject }, quote: { from: null, to: quote.number } },
      });
    if (row.status === 'approved') row = await transition(tx, { deps: o.deps, ctx: o.ctx, row, to: { status: 'sent', sentAt: new Date() } });
    const [after] = (await present({ tx, deps: o.deps, ctx: o.ctx, def: quoteDefinition, rows: [row] })) as TQuote[];
    return { quote: after as TQuote, mailId: mail.id, to };
  });
}
