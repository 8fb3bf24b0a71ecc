import type { KehuModule } from '#platform/module.ts';
import { mailQueuedSubscriber, registerMailJobs } from './mail.jobs.ts';
import { mailRoutes } from './mail.routes.ts';

/** Queues one e-mail in the caller's transaction (sent log, record timeline, durable delivery with retries). */
export { sendMail, type SendMailOptions, type QueuedMail } from './outbound.service.ts';
/** Fills a bilingual template (`{{contact.name}}`, `{{owner.name}}`, `{{record.<field>}}`) in the recipient's locale. */
export { renderTemplate, mergeFieldsOf, type Bilingual, type MergeValues, type RenderedMail, type RenderTemplateOptions } from './merge-fields.rules.ts';
/** The merge fields a template names that do not exist (empty when it may be saved). */
export { validateTemplate, findTemplateInTx, type ValidateTemplateOptions } from './templates.service.ts';
/** The values a template merges for a record, read as a user (their scope and field masking). */
export { mergeValuesFor, type MergeContextOptions } from './merge-context.service.ts';
export { ZMailTemplate, type TMailTemplate } from './mail.schema.ts';
/** A module's own SMTP server or sender address for the messages that name it (leads' opt-in mail). */
export { registerMailSender, type MailSender, type SenderOverride } from './senders.service.ts';
/** Demo data: bilingual templates for contacts, deals and leads. */
export { seedDemoTemplates } from './mail.demo.ts';
/** The instance-wide SMTP server (KEHU_SMTP_URL), if any. */
export { instanceSmtpUrl } from './smtp.service.ts';

/** Outbound e-mail: tenant SMTP settings, templates with merge fields, the sent log and its delivery jobs. */
export const mailModule: KehuModule = {
  name: 'mail',
  register(app, deps) {
    mailRoutes(app, deps);
    deps.subscribers.add(mailQueuedSubscriber(deps));
    registerMailJobs(deps);
  },
};
