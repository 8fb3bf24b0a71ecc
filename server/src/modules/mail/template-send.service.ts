import { inTenant, inTenantRead, type Tx } from '#db/tx.ts';
import type { RequestContext } from '#platform/context.ts';
import type { Deps } from '#platform/deps.ts';
import { notFound } from '#platform/errors/app-error.ts';
import type { Locale } from '#platform/i18n/i18n.ts';
import type { TMailTemplate } from './mail.schema.ts';
import { mailErrors } from './mail.errors.ts';
import { mergeValuesFor } from './merge-context.service.ts';
import { type MergeValues, type RenderedMail, renderTemplate } from './merge-fields.rules.ts';
import { recipientLocaleOf } from './recipient-locale.rules.ts';
import { findTemplateInTx } from './templates.service.ts';
import { type QueuedMail, sendMail } from './outbound.service.ts';
import { tenantMailInfo, userMailInfo } from './messages.repo.ts';

type RecordRef = { object: string; id: string };

/** The sender's time zone (date-times in the e-mail), else the tenant's. */
async function timeZoneOf(tx: Tx, ctx: RequestContext): Promise<string> {
  const [me] = ctx.userId ? await userMailInfo(tx, [ctx.userId]) : [];
  return me?.timezone || (await tenantMailInfo(tx, ctx.tenantId)).timezone || 'Asia/Shanghai';
}

/** A template for deals fills nothing from a contact: refused rather than sent half empty. */
async function templateFor(tx: Tx, id: string, record: RecordRef | undefined): Promise<TMailTemplate> {
  const template = await findTemplateInTx(tx, id);
  if (!template) throw notFound('mailTemplate');
  if (record && template.object && template.object !== record.object) throw mailErrors.templateForOtherObject(template.object);
  return template;
}

type Filled = { values: MergeValues & { recipient: string | null }; locale: Locale };

/** The record's merge values as `ctx` reads them, and the language its recipient reads. */
async function fill(tx: Tx, o: { deps: Deps; ctx: RequestContext; record?: RecordRef; locale?: Locale }): Promise<Filled> {
  const values = o.record ? await mergeValuesFor({ tx, deps: o.deps, ctx: o.ctx, record: o.record }) : { recipient: null };
  if (o.locale) return { values, locale: o.locale };
  const fallback = (await tenantMailInfo(tx, o.ctx.tenantId)).locale === 'en' ? 'en' : 'zh-CN';
  return { values, locale: recipientLocaleOf({ contact: values.contact ?? null, record: values.record ?? null, fallback }) };
}

export type PreviewOptions = { deps: Deps; ctx: RequestContext; templateId: string; record?: RecordRef; locale?: Locale };
export type Preview = RenderedMail & { to: string | null; locale: Locale };

/**
 * A template filled for one record as the user reads it (masked fields stay masked), in the
 * recipient's language unless `locale` is given; without a record, merge fields come out empty.
 */
export async function previewTemplate(o: PreviewOptions): Promise<Preview> {
  return inTenantRead(o.deps.db.kysely, o.ctx.tenantId, async (tx) => {
    const template = await templateFor(tx, o.templateId, o.record);
    const { values, locale } = await fill(tx, o);
    const rendered = renderTemplate({ template, locale, timeZone: await timeZoneOf(tx, o.ctx), values });
    return { ...rendered, to: values.recipient, locale };
  });
}

export type SendTemplateOptions = { deps: Deps; ctx: RequestContext; templateId: string; record: RecordRef; to?: string; locale?: Locale };

/** Fills a template for a record as the user reads it and queues it (sent log, the record's timeline). */
export async function sendTemplate(o: SendTemplateOptions): Promise<QueuedMail> {
  const { deps, ctx } = o;
  return inTenant(deps.db.kysely, ctx.tenantId, async (tx) => {
    const template = await templateFor(tx, o.templateId, o.record);
    const { values, locale } = await fill(tx, o);
    const to = o.to ?? values.recipient;
    if (!to) throw mailErrors.noRecipient();
    const mail = renderTemplate({ template, locale, timeZone: await timeZoneOf(tx, ctx), values });
    return sendMail({ tx, tenantId: ctx.tenantId, actorId: ctx.userId, to, ...mail, locale, record: o.record, templateId: template.id });
  });
}
